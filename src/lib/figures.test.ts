import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { figureCaption, remarkFigures, resolveFigure } from './figures.ts';
import { parseMarkdown } from './parse-note.ts';

/** Markdown as notes are written: GFM and dollar-sign math. */
const MARKDOWN = { mdx: false, math: true };

describe('resolveFigure', () => {
  const cases: [string, string, ReturnType<typeof resolveFigure>][] = [
    ['生成式AI学习笔记/预训练.svg', 'a.md', { kind: 'local', relativeToNotes: '生成式AI学习笔记/预训练.svg' }],
    ['./img/x.png', 'sub/b.md', { kind: 'local', relativeToNotes: 'sub/img/x.png' }],
    ['%E5%9B%BE.png', 'a.md', { kind: 'local', relativeToNotes: '图.png' }],
    ['img/x.png?raw=true#top', 'a.md', { kind: 'local', relativeToNotes: 'img/x.png' }],
    ['/images/x.png', 'sub/b.md', { kind: 'local', relativeToNotes: 'images/x.png' }],
    ['../outside.png', 'a.md', { kind: 'outside' }],
    ['https://example.com/x.png', 'a.md', { kind: 'remote' }],
    ['//cdn.example.com/x.png', 'a.md', { kind: 'remote' }],
    ['data:image/png;base64,AAAA', 'a.md', { kind: 'inline' }],
  ];
  for (const [reference, note, expected] of cases) {
    it(`${reference} from ${note}`, () => assert.deepEqual(resolveFigure(reference, note), expected));
  }
});

describe('figureCaption', () => {
  const cases: [string | null, string, string][] = [
    ['机器学习真正做的事', 'n/机器学习真正做的事.svg', '机器学习真正做的事'],
    ['image-20230313191630366', 'n/历史信息.svg', '历史信息'],
    ['', 'n/预训练.svg', '预训练'],
    [null, 'n/a.b.png', 'a.b'],
    ['Screenshot 20230313191630', 'n/图.png', '图'],
    ['image of a cat', 'n/cat.png', 'image of a cat'],
  ];
  for (const [alt, file, expected] of cases) {
    it(`${JSON.stringify(alt)} → ${expected}`, () => assert.equal(figureCaption(alt, file), expected));
  }
});

describe('remarkFigures', () => {
  const sizes: Record<string, { width: number; height: number }> = { 'n/图.svg': { width: 640, height: 360 } };
  const render = (markdown: string, base = '/') => {
    const file = new VFile();
    const processor = unified()
      .use(remarkFigures, { base, noteFile: 'a.md', lookup: (p: string) => sizes[p] })
      .use(remarkRehype)
      .use(rehypeStringify);
    const html = processor.stringify(processor.runSync(parseMarkdown(markdown, MARKDOWN) as Root, file), file);
    return { html, file };
  };

  it('turns a stand-alone image into a sized, lazy figure under the base path', () => {
    const { html, file } = render('![image-20230313191630366](n/图.svg)', '/notes-site/');
    assert.equal(
      html,
      '<figure><img src="/notes-site/figures/n/%E5%9B%BE.svg" alt="图" width="640" height="360" loading="lazy" decoding="async"><figcaption>图</figcaption></figure>',
    );
    assert.deepEqual(file.data.figures, ['n/图.svg']);
    assert.equal(file.messages.length, 0);
  });

  it('keeps an image inside a sentence inline', () => {
    const { html } = render('文字 ![图](n/图.svg) 文字');
    assert.match(html, /^<p>文字 <img src="\/figures\/n\/%E5%9B%BE.svg" alt="图"[^>]*> 文字<\/p>$/);
  });

  const problems: [string, string, RegExp][] = [
    ['missing file', '前文\n\n![图](n/没有.svg)', /does not exist \(looked for notes\/n\/没有.svg\)/],
    ['remote image', '![x](https://example.com/x.png)', /on another site/],
    ['outside the notes folder', '![x](../x.png)', /outside the notes folder/],
  ];
  for (const [name, markdown, message] of problems) {
    it(`reports a ${name} at its line with a hint`, () => {
      const { file } = render(markdown);
      assert.equal(file.messages.length, 1);
      const [problem] = file.messages;
      assert.match(problem!.reason, message);
      assert.equal(problem!.line, markdown.split('\n').length);
      assert.ok(problem!.note);
    });
  }
});

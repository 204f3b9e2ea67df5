import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LoadedNote, loadNote, type Note } from './load-note.ts';
import { resolveNoteLinks } from './note-links.ts';

const FILES = new Set(['链接/讲义.pdf', 'hexo/标签/图.png', 'hexo/标签/讲义.pdf']);
const options = {
  base: '/notes-site/',
  lookup: (file: string) => (file.endsWith('.png') && FILES.has(file) ? { width: 10, height: 10 } : undefined),
  isFile: (file: string) => FILES.has(file),
};

/** Loads notes given as `path: text`, then resolves the links between them. */
async function site(notes: Record<string, string>, brokenLinks: 'warning' | 'error' = 'warning') {
  const loaded: LoadedNote[] = [];
  for (const [relativePath, text] of Object.entries(notes)) {
    loaded.push(await loadNote({ relativePath, displayFile: `notes/${relativePath}`, text }, options));
  }
  const notesLoaded = loaded.map((l) => l.note).filter((note): note is Note => note !== undefined);
  const { notes: linked, problems } = resolveNoteLinks(notesLoaded, { base: '/notes-site/', brokenLinks });
  return { linked, problems: [...loaded.flatMap((l) => l.problems), ...problems] };
}
/** The links of a page (not its heading anchors): text and href. */
const hrefs = (html: string) =>
  [...html.matchAll(/<a(\s[^>]*)?>([^<]*)<\/a>/g)]
    .filter(([, attributes]) => !/heading-anchor|figure-full-size/.test(attributes ?? ''))
    .map(([, attributes, text]) => [text, /href="([^"]*)"/.exec(attributes ?? '')?.[1]]);

describe('links between notes', () => {
  it('leads to the page and section a link names, in this note or another', async () => {
    const { linked, problems } = await site({
      '链接/索引.md':
        '[一节](./其他/其他.md#一节) [其他](其他/其他.md) [上文](#本节) [标题](其他/其他.md#一节) [大写](其他/其他.md#NAME)\n\n## 本节\n',
      '链接/其他/其他.md': '# NAME\n\n# 1 甲\n\n# 2 乙\n\n## 一节\n',
    });
    assert.deepEqual(problems, []);
    const index = linked.find((note) => note.source === '链接/索引.md')!;
    assert.deepEqual(
      hrefs(index.intro.html).map(([text, href]) => [text, href && decodeURIComponent(href)]),
      [
        ['一节', '/notes-site/链接/其他/其他/2-乙/#一节'],
        ['其他', '/notes-site/链接/其他/其他/'],
        ['上文', '#本节'],
        ['标题', '/notes-site/链接/其他/其他/2-乙/#一节'],
        ['大写', '/notes-site/链接/其他/其他/#name'],
      ],
    );
  });

  it('publishes a file the note links to, and resolves Hexo’s tags', async () => {
    const { linked, problems } = await site({
      '链接.md': '[讲义](链接/讲义.pdf)',
      'hexo/标签.md': '{% asset_img 图.png 说明 %}\n\n{% asset_link 讲义.pdf 讲义 %} {% post_link 链接 另一篇 %}',
    });
    assert.deepEqual(problems, []);
    const [link, hexo] = [
      linked.find((n) => n.source === '链接.md')!,
      linked.find((n) => n.source === 'hexo/标签.md')!,
    ];
    assert.deepEqual(link.intro.figures, ['链接/讲义.pdf']);
    assert.match(
      hexo.intro.html,
      /<figure>.*<img src="\/notes-site\/figures\/hexo\/%E6%A0%87%E7%AD%BE\/%E5%9B%BE.png"/,
    );
    assert.match(hexo.intro.html, /<figcaption>.*说明<\/figcaption>/);
    assert.deepEqual(
      hrefs(hexo.intro.html).map(([text, href]) => [text, href && decodeURIComponent(href)]),
      [
        ['讲义', '/notes-site/figures/hexo/标签/讲义.pdf'],
        ['另一篇', '/notes-site/链接/'],
      ],
    );
  });

  it('reports a link to no note, no section or no file at its line, and shows it as text', async () => {
    const { linked, problems } = await site({
      '甲.md': '---\ntitle: 甲\n---\n\n[无笔记](乙.md)\n\n[无节](丙.md#没有)\n\n[无文件](甲/没有.pdf)\n',
      '丙.md': '正文\n',
    });
    assert.deepEqual(problems.map((p) => [p.line, p.severity, p.message.replace(/ \(.*/, '')]).sort(), [
      [5, 'warning', 'the link to 乙.md leads to no note'],
      [7, 'warning', 'the link to 丙.md#没有 leads to no section of that note'],
      [9, 'warning', 'the link 甲/没有.pdf leads to nothing'],
    ]);
    const html = linked.find((n) => n.source === '甲.md')!.intro.html;
    assert.deepEqual(hrefs(html), [
      ['无笔记', undefined],
      ['无节', undefined],
    ]);
    assert.match(html, /<p>无文件<\/p>/);
  });

  it('leads a converted book’s links to its old chapter files to the section in the book', async () => {
    const { linked, problems } = await site({
      '书.md': '# 1 甲\n\n见 [第二章](ch02.html#二) 与 [没有](ch03.html#三)。\n\n# 2 乙\n\n## 二\n',
    });
    assert.deepEqual(
      problems.map((p) => [p.line, p.message]),
      [[3, 'the link ch03.html#三 leads to nothing (no such file, and no section #三 in this note)']],
    );
    const [chapter] = linked[0]!.chapters;
    assert.deepEqual(
      hrefs(chapter!.html).map(([text, href]) => [text, href && decodeURIComponent(href)]),
      [
        ['第二章', '/notes-site/书/2-乙/#二'],
        ['没有', undefined],
      ],
    );
  });

  it('makes them errors when the site asks', async () => {
    const { problems } = await site({ '甲.md': '[无笔记](乙.md)' }, 'error');
    assert.deepEqual(
      problems.map((p) => p.severity),
      ['error'],
    );
  });
});

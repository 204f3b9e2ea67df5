/**
 * The built site as a reader gets it: the pages exist with the right titles,
 * every word, table row and figure of the note is on them, and pages without
 * math load no KaTeX.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../../src/lib/parse-note.ts';
import { htmlFiles, page, select, selectAll, squash, toText } from '../helpers/html.ts';
import { fileForPath } from '../helpers/serve.ts';
import { builtSite, ROOT } from '../helpers/sites.ts';

const NOTE = '生成式ai学习笔记';
const CHAPTERS = [
  ['1-chatgpt-原理剖析', '1 ChatGPT 原理剖析'],
  ['2-能够使用工具的ai', '2 能够使用工具的AI'],
  ['3-生成式学习的两种策略', '3 生成式学习的两种策略'],
  [
    '4-finetuning-vs-prompting微调与提示对于大型语言模型的不同期待衍生的两种使用方式',
    '4 Finetuning vs Prompting(微调与提示)：对于大型语言模型的不同期待衍生的两种使用方式',
  ],
] as const;

describe('the generative-AI note, built', () => {
  const dir = builtSite('root');
  const at = (relative: string) => page(path.join(dir, relative));

  it('has a home page listing the note with its date and a category that leads to its page', () => {
    const home = at('index.html');
    assert.equal(toText(select('h1', home)!), '学习笔记');
    const card = select('.note-card', home)!;
    assert.match(toText(card), /生成式AI学习笔记/);
    assert.match(toText(card), /2023-03-13/);
    const category = select('a.tag', card)!;
    assert.equal(toText(category), '算法学习');
    const categoryPage = at(`${decodeURIComponent(String(category.properties.href)).slice(1)}index.html`);
    assert.equal(toText(select('h1', categoryPage)!), '算法学习');
    assert.ok(selectAll('.note-listing a', categoryPage).some((a) => toText(a) === '生成式AI学习笔记'));
    assert.equal(select('.note-filter', home), undefined, 'no filter for a single note');
  });

  it('has a note page with the chapter list before the introduction, and the chapter drawer', () => {
    const note = at(`${NOTE}/index.html`);
    assert.equal(toText(select('h1', note)!), '生成式AI学习笔记');
    assert.match(toText(select('article', note)!), /该文章主要是对李宏毅教授/);
    assert.deepEqual(
      selectAll('.note-chapters a', note).map((a) => squash(toText(a))),
      CHAPTERS.map(([, title]) => squash(title)),
    );
    assert.deepEqual(
      selectAll('.chapter-nav .chapter-list a', note).map((a) => squash(toText(a))),
      CHAPTERS.map(([, title]) => squash(title)),
    );
    const article = select('article', note)!;
    const blocks = article.children.filter((child) => child.type === 'element');
    const list = blocks.findIndex((child) => child.properties.className?.toString().includes('note-contents'));
    const intro = blocks.findIndex((child) => child.tagName === 'p' && /该文章主要是/.test(toText(child)));
    assert.ok(list !== -1 && list < intro, `chapters (${list}) before the introduction (${intro})`);
    assert.equal(select('.note-contents', note)!.properties.dataPagefindIgnore, 'all', 'navigation is not indexed');
    assert.ok(select('.note-contents .note-chapters', note), 'the chapter list is there');
    assert.equal(
      select('a[rel="next"]', note)!.properties.href,
      `/${encodeURIComponent(NOTE)}/${encodeURIComponent(CHAPTERS[0][0])}/`,
    );
  });

  for (const [index, [slug, title]] of CHAPTERS.entries()) {
    it(`has chapter ${index + 1} at /${NOTE}/${slug}/ with one h1, navigation and its sections`, () => {
      const chapter = at(`${NOTE}/${slug}/index.html`);
      const h1s = selectAll('h1', chapter);
      assert.equal(h1s.length, 1);
      assert.equal(toText(h1s[0]!).replace(/\s+/g, ' '), title);
      assert.equal(select('html', chapter)!.properties.lang, 'zh-CN');
      const current = selectAll('.chapter-nav a[aria-current="page"]', chapter);
      assert.equal(current.length, 1);
      assert.equal(squash(toText(current[0]!)), squash(title));
      assert.equal(Boolean(select('a[rel="prev"]', chapter)), index > 0);
      assert.equal(Boolean(select('a[rel="next"]', chapter)), index < CHAPTERS.length - 1);
      assert.ok(selectAll('.toc a', chapter).length > 0, 'table of contents');
      assert.ok(selectAll('article h2 .heading-anchor', chapter).length > 0, 'heading anchors');
      assert.equal(selectAll('link[rel="stylesheet"]', chapter).length, 0, 'no KaTeX on pages without math');
    });
  }

  it('has a 404 page with a way home', () => {
    const notFound = at('404.html');
    assert.equal(toText(select('h1', notFound)!), '页面不存在');
    assert.ok(select('main a[href="/"]', notFound));
  });

  it('shows every paragraph, heading, list item and table row of the note', () => {
    const source = readFileSync(path.join(ROOT, 'notes/生成式AI学习笔记.md'), 'utf8');
    const tree = parseMarkdown(source, { mdx: false, math: true });
    tree.children = tree.children.filter((node) => node.type !== 'yaml');
    const articles = squash(
      htmlFiles(dir)
        .filter((file) => file.startsWith(`${NOTE}/`))
        .flatMap((file) => selectAll('article', page(path.join(dir, file))))
        .map((article) => toText(article))
        .join(''),
    );
    const blocks = textBlocks(tree);
    assert.ok(blocks.length >= 50, `found ${blocks.length} blocks`);
    const missing = blocks.filter((text) => !articles.includes(squash(text)));
    assert.deepEqual(missing, []);
  });

  it('shows all 21 figures, each served, sized, lazy and captioned', () => {
    const chapters = CHAPTERS.map(([slug]) => at(`${NOTE}/${slug}/index.html`));
    const figures = chapters.flatMap((chapter) => selectAll('article figure', chapter));
    assert.equal(figures.length, 21);
    for (const figure of figures) {
      const img = select('img', figure)!;
      const src = String(img.properties.src);
      assert.ok(fileForPath(dir, '/', src), `${src} is served`);
      assert.ok(Number(img.properties.width) > 0 && Number(img.properties.height) > 0, `${src} has a size`);
      assert.equal(img.properties.loading, 'lazy');
      assert.ok(toText(select('figcaption', figure)!).trim(), `${src} has a caption`);
      // The alt text says what the figure shows: the SVG's own description.
      const svg = readFileSync(fileForPath(dir, '/', src)!, 'utf8');
      const description = /<desc[^>]*>([^<]+)<\/desc>/.exec(svg)?.[1];
      assert.ok(description, `${src} describes itself`);
      assert.equal(img.properties.alt, description);
    }
    const captions = figures.map((figure) => toText(select('figcaption', figure)!));
    assert.ok(captions.includes('图 1-2 历史信息'), 'a screenshot-tool alt text is replaced by the file name');
    assert.ok(!captions.some((caption) => /^image-\d+$/.test(caption)));
  });
});

describe('the fixture notes, built', () => {
  const dir = builtSite('fixtures');
  const at = (relative: string) => page(path.join(dir, relative));

  it('typesets math with KaTeX and links its stylesheet only on pages with math', () => {
    const withMath = at('数学笔记/1-代数/index.html');
    assert.ok(selectAll('.katex', withMath).length >= 2);
    assert.ok(select('.katex-display', withMath));
    const [stylesheet] = selectAll('link[rel="stylesheet"]', withMath);
    assert.equal(stylesheet?.properties.href, '/katex/katex.min.css');
    const withoutMath = at('数学笔记/2-没有公式的一章/index.html');
    assert.equal(selectAll('link[rel="stylesheet"]', withoutMath).length, 0);
    assert.equal(selectAll('.katex', withoutMath).length, 0);
  });

  it('serves KaTeX and every font its stylesheet names, from the site itself', () => {
    const css = readFileSync(path.join(dir, 'katex/katex.min.css'), 'utf8');
    const fonts = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!);
    assert.ok(fonts.length >= 20);
    for (const font of fonts) {
      assert.ok(!/^https?:/.test(font), `${font} is local`);
      assert.ok(existsSync(path.join(dir, 'katex', font)), `${font} exists`);
    }
  });

  it('shows a footnote on every chapter that refers to it, wherever it is written, and reference-style figures', () => {
    for (const chapter of ['1-代数', '2-没有公式的一章']) {
      const html = at(`数学笔记/${chapter}/index.html`);
      const reference = select('article sup a[data-footnote-ref]', html);
      assert.ok(reference, `${chapter} has the footnote reference`);
      const target = decodeURIComponent(String(reference.properties.href)).slice(1);
      const footnote = selectAll('article [id]', html).find((element) => element.properties.id === target);
      assert.ok(footnote, `${chapter}: #${target} exists`);
      assert.match(toText(footnote), /毕达哥拉斯定理/);
      assert.equal(toText(select('.footnotes-label', html)!), '脚注');
    }
    const figures = selectAll('article figure', at('数学笔记/2-没有公式的一章/index.html'));
    assert.deepEqual(
      figures.map((figure) => [
        decodeURIComponent(String(select('img', figure)?.properties.src)),
        toText(select('figcaption', figure)!),
      ]),
      [['/figures/数学笔记/示意图.svg', '图 2-1 同一张示意图，按引用写']],
    );
  });

  it('colours code at build time for both themes, keeping every character, and ships no highlighter', () => {
    const html = at('单页笔记/index.html');
    const blocks = selectAll('article pre', html);
    assert.equal(blocks.length, 2);
    assert.equal(toText(blocks[0]!), 'def 接龙(text):\n    # 一次产生一个字\n    return text + "字"');
    assert.equal(toText(blocks[1]!), '没有标明语言的代码 <原样显示>');
    for (const block of blocks) assert.match(String(block.properties.style), /--shiki-light-bg:.*--shiki-dark-bg:/);
    assert.ok(selectAll('span[style*="--shiki-dark:"]', blocks[0]!).length > 5, 'tokens coloured for both themes');
    assert.equal(selectAll('script[src*="shiki"]', html).length, 0);
  });

  it('renders an .mdx note, with its HTML and math', () => {
    const note = at('mdx-note/index.html');
    assert.ok(select('.katex', note));
    const chapter = at('mdx-note/1-折叠/index.html');
    assert.equal(toText(select('article details summary', chapter)!), '点开看答案');
    assert.match(toText(select('article details', chapter)!), /答案是 42/);
  });

  it('keeps a note without numbered headings as one page titled by its file name', () => {
    const note = at('单页笔记/index.html');
    assert.equal(toText(select('h1', note)!), '单页笔记');
    assert.deepEqual(
      selectAll('article h2', note).map((h) => toText(h).replace('#', '')),
      ['前言'],
    );
    assert.equal(selectAll('.toc a', note).length, 3);
    assert.equal(htmlFiles(dir).filter((file) => file.startsWith('单页笔记/')).length, 1);
  });

  it('reads Hexo front matter with TAB-indented `-item` lists', () => {
    const home = at('index.html');
    const card = selectAll('.note-card', home).find((c) => /数学笔记/.test(toText(c)))!;
    assert.match(toText(card), /2024-05-01/);
    assert.deepEqual(
      selectAll('.tag', card).map((tag) => toText(tag)),
      ['数学', '#公式'],
    );
  });
});

/** The text of each block a reader must find: paragraphs, headings, list items, table rows, quotes, code. */
function textBlocks(tree: MdastRoot): string[] {
  const blocks: string[] = [];
  const visit = (node: RootContent) => {
    if (
      node.type === 'paragraph' &&
      node.children.every((child) => child.type === 'image' || (child.type === 'text' && !child.value.trim()))
    )
      return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'tableRow') {
      const text = node.type === 'tableRow' ? node.children.map((cell) => toString(cell)).join('') : toString(node);
      if (text.trim()) blocks.push(text);
      return;
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  tree.children.forEach(visit);
  return blocks;
}

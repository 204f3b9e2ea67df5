/**
 * Notes as people really write them, built at a sub-path: shell text full of
 * dollar signs, a book with a preface and an appendix, man pages with the
 * same file name in two folders, links between notes, Hexo tags, GBK and
 * UTF-16 files, `.markdown`, a linked folder, long and marked-up titles,
 * names the site itself uses. Each must publish, nothing garbled, doubtful
 * things listed as warnings with their line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { htmlFiles, page, select, selectAll, squash, toText } from '../helpers/html.ts';
import { fileForPath } from '../helpers/serve.ts';
import { buildOutput, builtSite } from '../helpers/sites.ts';

const BASE = '/notes-site/';
const NOTES = 'tests/fixtures/real-notes';

describe('real notes, built at /notes-site/', () => {
  const dir = builtSite('realNotes');
  const at = (sitePath: string) => page(path.join(dir, sitePath, 'index.html'));
  const article = (sitePath: string) => select('article', at(sitePath))!;
  const served = (href: string) => fileForPath(dir, BASE, href);
  const hrefs = (element: Element) => selectAll('a', element).map((a) => a.properties.href);

  it('keeps shell, Perl and price dollar signs as typed, and typesets the real TeX', () => {
    const shell = article('手册/shell-变量');
    const text = toText(shell);
    for (const typed of [
      '用 $1, $2, ..., $9 来替代变量。',
      '程序会根据您的 $PATH 环境变量和 $HOME 目录确定路径。',
      '应使用“$&”而非“&”，应使用“$n”而非“\\n”。',
      '打印 [$x,$y] 两个字段',
      '价格从 $5 涨到 $10。',
      '$$ 展开为 shell 的进程号。',
    ]) {
      assert.ok(text.includes(typed), `"${typed}" appears as typed`);
    }
    assert.deepEqual(
      selectAll('em', shell).map((em) => toText(em)),
      ['$EDITOR', '$VISUAL'],
    );
    const math = selectAll('.katex-mathml annotation', shell).map((annotation) => toText(annotation));
    assert.deepEqual(math, ['\\alpha_i', 'E=mc^2', '\\sum_{i=1}^n x_i']);
    assert.ok(select('.katex-display', shell));
  });

  it('lets a note switch math off', () => {
    const text = toText(article('手册/不用公式'));
    assert.ok(text.includes('$x^2$ 和 $y$ 都是原样的文字'));
    assert.equal(selectAll('.katex', at('手册/不用公式')).length, 0);
  });

  it('splits a book at its chapters: the preface is the introduction, the appendix a page of its own', () => {
    const note = at('书/debian-参考');
    assert.deepEqual(
      selectAll('.note-chapters a', note).map((a) => squash(toText(a))),
      ['1GNU/Linux教程', '2软件包管理', '附录A.附录'],
    );
    assert.match(toText(select('article', note)!), /序言[\s\S]*1\. 免责声明[\s\S]*2\. 什么是 Debian/);
    const appendix = at('书/debian-参考/附录-a-附录');
    assert.equal(toText(select('h1', appendix)!).trim(), '附录 A. 附录');
    assert.deepEqual(
      selectAll('article h2', appendix).map((h) => toText(h).replace('#', '')),
      ['A.1 Debian 迷宫'],
    );
    assert.ok(at('书/debian-参考/1-gnulinux-教程'));
    assert.ok(at('书/debian-参考/2-软件包管理'));
  });

  it('keeps a man page with numbered items under its sections as one page', () => {
    assert.deepEqual(
      htmlFiles(dir).filter((file) => file.startsWith('zh_cn/man1/ls.1/')),
      ['zh_cn/man1/ls.1/index.html'],
    );
    assert.deepEqual(
      selectAll('article h2', at('zh_cn/man1/ls.1')).map((h) => toText(h).replace('#', '')),
      ['名称', '选项', '示例', '参见'],
    );
  });

  it('publishes two notes with the same file name in different folders, each at its folder', () => {
    assert.equal(toText(select('h1', at('zh_cn/man1/ls.1'))!), 'ls(1)');
    assert.match(toText(article('zh_tw/man1/ls.1')), /列出目錄內容/);
  });

  it('serves a traditional-character note as zh-TW, with the site’s own words in zh-CN', () => {
    const traditional = at('zh_tw/man1/ls.1');
    assert.equal(select('html', traditional)!.properties.lang, 'zh-TW');
    assert.equal(select('header.site-header', traditional)!.properties.lang, 'zh-CN');
    assert.equal(select('html', at('zh_cn/man1/ls.1'))!.properties.lang, 'zh-CN');
    assert.equal(select('header.site-header', at('zh_cn/man1/ls.1'))!.properties.lang, undefined);
  });

  it('turns links between notes into links to the right page and section', () => {
    const links = article('链接/索引');
    const [toSection, toNote, toAbove] = hrefs(links);
    assert.equal(
      decodeURIComponent(String(toSection)),
      `${BASE}链接/其他/其他笔记/2-乙/#一节`,
      'a section of another note, on the chapter page that holds it',
    );
    assert.equal(decodeURIComponent(String(toNote)), `${BASE}链接/其他/其他笔记/`);
    assert.equal(decodeURIComponent(String(toAbove)), '#本节');
    for (const href of [toSection, toNote]) assert.ok(served(String(href)), `${href} is a page`);
    const section = selectAll('[id]', at('链接/其他/其他笔记/2-乙')).find(
      (element) => element.properties.id === '一节',
    );
    assert.ok(section, 'the section is on that page');
    const manLink = selectAll('a', article('zh_cn/man1/dir.1')).find((a) => toText(a) === 'ls(1)');
    assert.equal(decodeURIComponent(String(manLink?.properties.href)), `${BASE}zh_cn/man1/ls.1/#选项`);
  });

  it('publishes a file a note links to, and shows links to nothing as their text', () => {
    const links = article('链接/索引');
    const handout = selectAll('a', links).find((a) => toText(a) === '讲义');
    assert.ok(handout && served(String(handout.properties.href)), 'the handout is served');
    assert.equal(readFileSync(served(String(handout.properties.href))!, 'utf8').trim(), '讲义的内容');
    for (const name of ['不存在的笔记', '不存在的一节']) {
      assert.ok(toText(links).includes(name));
      const link = selectAll('a', links).find((a) => toText(a) === name);
      assert.equal(link?.properties.href, undefined, `${name} leads nowhere, so it is not a link`);
    }
  });

  it('understands Hexo’s asset_img, asset_link and post_link', () => {
    const hexo = article('hexo/标签');
    const figure = select('figure', hexo)!;
    assert.equal(toText(select('figcaption', figure)!), '图 1 资产文件夹里的图');
    assert.ok(served(String(select('img', figure)!.properties.src)));
    const [handout, post] = selectAll('a:not(.figure-full-size)', hexo);
    assert.equal(toText(handout!), '讲义');
    assert.ok(served(String(handout!.properties.href)));
    assert.equal(toText(post!), '另一篇笔记');
    assert.equal(decodeURIComponent(String(post!.properties.href)), `${BASE}链接/其他/其他笔记/`);
    assert.doesNotMatch(toText(hexo), /\{%/);
  });

  it('reads GBK and UTF-16 notes and .markdown files, and notes in a linked folder', () => {
    assert.match(toText(article('编码/gbk-笔记')), /这是用 GBK 保存的笔记，里面有中文和 English。/);
    assert.match(toText(article('编码/utf-16-笔记')), /这是用 UTF-16 保存的笔记。/);
    assert.match(toText(article('编码/扩展名')), /扩展名是 \.markdown/);
    assert.match(toText(article('链接的文件夹/借来的')), /这篇笔记在链接的文件夹里/);
  });

  it('finds a figure named c#.png written as c%23.png, and keeps an icon inside its sentence', () => {
    const figures = article('图/图与表');
    const [figure, ...more] = selectAll('figure', figures);
    assert.equal(more.length, 0, 'only the stand-alone image is a figure');
    const src = String(select('img', figure!)!.properties.src);
    assert.match(src, /c%23\.svg$/);
    assert.ok(served(src));
    assert.ok(select('p img', figures), 'the icon stays in its paragraph');
  });

  it('keeps URLs of long titles within file-system limits, and titles with markup as text', () => {
    const pages = htmlFiles(dir).filter((file) => file.startsWith('标题/长标题/') && !file.includes('全文·打印'));
    assert.equal(pages.length, 4);
    for (const file of pages) {
      for (const segment of file.split('/'))
        assert.ok(Buffer.byteLength(segment) <= 255, `${segment} fits a file name`);
    }
    const note = at('标题/长标题');
    assert.deepEqual(
      selectAll('.note-chapters a', note)
        .map((a) => squash(toText(a)))
        .slice(1),
      ['2粗体与code', '3HTML的粗体'],
    );
    assert.doesNotMatch(JSON.stringify(selectAll('.note-chapters a', note).map((a) => toText(a))), /<b>|\*\*|`/);
  });

  it('never gives a section the id of an element of the site itself', () => {
    const chapter = pages('标题/长标题').find((file) => file.startsWith('标题/长标题/2-'))!;
    const html = page(path.join(dir, chapter));
    const ids = selectAll('[id]', html).map((element) => String(element.properties.id));
    assert.equal(new Set(ids).size, ids.length, `ids are unique: ${ids.join(', ')}`);
    assert.deepEqual(
      selectAll('article h2', html).map((h) => h.properties.id),
      ['content-1', 'search-1', 'toc-title-1'],
    );
    assert.equal(select('main', html)!.properties.id, 'content');
  });

  it('publishes notes named like the site’s own paths elsewhere, leaving the site’s paths alone', () => {
    assert.match(toText(article('404-笔记')), /这篇笔记叫 404/);
    assert.match(toText(article('pagefind-笔记')), /这篇笔记叫 pagefind/);
    assert.ok(readFileSync(path.join(dir, 'pagefind/pagefind.js'), 'utf8').length > 0);
    assert.equal(toText(select('h1', page(path.join(dir, '404.html')))!), '页面不存在');
  });

  it('lists every doubtful thing as a warning at its line, and builds', () => {
    const output = buildOutput('realNotes');
    const warned = new Set(
      [...output.matchAll(/^(tests\/.+?\.(?:md|markdown|mdx)):(\d+): warning: /gm)].map(
        ([, file, line]) => `${file}:${line}`,
      ),
    );
    for (const expected of [
      `${NOTES}/手册/shell 变量.md:8`,
      `${NOTES}/编码/GBK 笔记.md:1`,
      `${NOTES}/编码/UTF-16 笔记.md:1`,
      `${NOTES}/zh_CN/man1/ls.1.md:33`,
      `${NOTES}/链接/索引.md:9`,
    ]) {
      assert.ok(warned.has(expected), `a warning at ${expected}`);
    }
    assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
  });

  /** A note's pages after its own: its chapters (not the whole-note page). */
  function pages(prefix: string): string[] {
    return htmlFiles(dir).filter(
      (file) => file.startsWith(`${prefix}/`) && file !== `${prefix}/index.html` && !file.includes('全文·打印'),
    );
  }
});

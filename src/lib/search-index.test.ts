import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFolding } from './search-dictionary.ts';
import { prepareForIndex } from './search-index.ts';
import { WORD_BREAK } from './search-text.ts';

describe('prepareForIndex', () => {
  const { fold } = fullFolding();
  const page = (body: string, lang = 'zh-CN') =>
    `<html lang="${lang}"><head><title>t</title></head><body><nav>目录</nav>${body}<footer>页脚</footer></body></html>`;
  const prepare = (body: string, lang?: string) => prepareForIndex(page(body, lang), fold)!;
  const indexed = (body: string) => prepare(body).html.replaceAll(WORD_BREAK, '·');

  it('leaves pages without note content out', () => {
    assert.equal(prepareForIndex(page('<main><h1>学习笔记</h1></main>'), fold), undefined);
  });

  it('indexes only the note content, a word per Han character, folded to simplified, in the page language', () => {
    const html = indexed(
      '<article data-pagefind-body><h1>1 對 ChatGPT 的常見誤解</h1><h2 id="a">文字接龙<a class="heading-anchor" href="#a">#</a></h2><p>chatgpt真正做的事</p></article>',
    );
    assert.match(html, /<h1>1 对 ChatGPT 的·常·见·误·解<\/h1>/);
    assert.match(html, /<h2 id="a">文·字·接·龙<\/h2>/);
    assert.match(html, /<p>chatgpt·真·正·做·的·事<\/p>/);
    assert.doesNotMatch(html, /目录|页脚|heading-anchor/);
    assert.match(html, /^<!doctype html><html lang="zh-CN">/);
  });

  it("keeps a traditional page's language, and finds the indexed element among others of its kind", () => {
    const prepared = prepare(
      '<article class="card"><p>旁邊</p></article><main><article class="prose" data-pagefind-body><h1>標題</h1><article><p>筆記自己的 article</p></article><p>之後</p></article></main><aside>目錄</aside>',
      'zh-TW',
    );
    assert.match(prepared.html, /^<!doctype html><html lang="zh-TW">/);
    assert.equal(prepared.text.trim(), '標題 筆記自己的 article 之後');
  });

  it('keeps the text as written beside the index form, of the same length, with the title and headings', () => {
    const prepared = prepare(
      '<article data-pagefind-body><header><h1>1 對 ChatGPT 的常見誤解</h1></header><h2 id="a">1.1 文字接龍<a class="heading-anchor" href="#a">#</a></h2><p>GPT是<em>文字</em>接龍。</p></article>',
    );
    assert.equal(prepared.text, '1 對 ChatGPT 的常見誤解 1.1 文字接龍 GPT是文字接龍。 ');
    assert.equal(prepared.folded, '1 对 ChatGPT 的常见误解 1.1 文字接龙 GPT是文字接龙。 ');
    assert.deepEqual(
      prepared.headings.map((h) => [h.id, h.title, [...prepared.text].slice(h.start, h.end).join('').trim()]),
      [
        [undefined, '1 對 ChatGPT 的常見誤解', '1 對 ChatGPT 的常見誤解'],
        ['a', '1.1 文字接龍', '1.1 文字接龍'],
      ],
    );
  });

  it('takes the one element marked data-pagefind-body, whatever it contains (an MDX note with its own <article>)', () => {
    const html = indexed(
      '<article data-pagefind-body><h1>甲</h1><article><p>里面</p></article><p>之后</p></article><p>正文之外</p>',
    );
    assert.match(html, /里·面/);
    assert.match(html, /之·后/);
    assert.doesNotMatch(html, /正文之外|正·文/);
  });

  it("leaves out what the page marks data-pagefind-ignore, scripts, and Pagefind's filter and metadata attributes", () => {
    const html = indexed(
      '<article data-pagefind-body data-pagefind-filter="笔记:甲" data-pagefind-meta="x:y"><p class="eyebrow" data-pagefind-ignore>笔记名</p><h1>标题</h1><script>var a = "脚本";</script><p>正文</p></article>',
    );
    assert.doesNotMatch(html, /笔·记·名|脚本|data-pagefind-filter|data-pagefind-meta/);
    assert.match(html, /<article data-pagefind-body="">/);
  });

  it('indexes figure descriptions where the figure is', () => {
    const prepared = prepare(
      '<article data-pagefind-body><p>前</p><figure><img src="a.svg" alt="文字接龍的循環"></figure><p>后</p></article>',
    );
    assert.match(
      prepared.html.replaceAll(WORD_BREAK, '·'),
      /<img src="a.svg" alt="文·字·接·龙·的·循·环" data-pagefind-index-attrs="alt">/,
    );
    assert.equal(prepared.text.trim().replace(/\s+/g, ' '), '前 文字接龍的循環 后');
  });

  it('leaves out a heading anchor among other classes, and only a class named so (names part at ASCII spaces only)', () => {
    const prepared = prepare(
      '<article data-pagefind-body><h2 id="h">标题<a class="icon heading-anchor" href="#h">#</a></h2><p class="x\u3000heading-anchor">留下</p></article>',
    );
    assert.equal(prepared.text.trim().replace(/\s+/g, ' '), '标题 留下');
    assert.deepEqual(
      prepared.headings.map((heading) => heading.title),
      ['标题'],
    );
  });

  it('indexes a figure description once, whatever the page asked Pagefind to index of the image', () => {
    const html = prepare(
      '<article data-pagefind-body><h1>甲</h1><img src="a.png" alt="说明" title="t" data-pagefind-index-attrs="title"></article>',
    ).html;
    assert.equal(html.match(/data-pagefind-index-attrs/g)?.length, 1);
    assert.match(html, /data-pagefind-index-attrs="alt"/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareForIndex } from './search-index.ts';
import { toSimplified } from './to-simplified.ts';

describe('prepareForIndex', () => {
  const page = (body: string) =>
    `<html lang="zh-CN"><head><title>t</title></head><body><nav>目录</nav>${body}</body></html>`;

  it('leaves pages without note content out', () => {
    assert.equal(prepareForIndex(page('<main><h1>学习笔记</h1></main>'), toSimplified), undefined);
  });

  it('indexes the note content one Han character per word, folded to simplified, titled as written', () => {
    const html = prepareForIndex(
      page(
        '<article data-pagefind-body><h1>1 對 ChatGPT 的常見誤解</h1><h2 id="a">文字接龙<a class="heading-anchor" href="#a">#</a></h2><p>chatgpt真正做的事</p></article>',
      ),
      toSimplified,
    )!;
    assert.match(html, /data-pagefind-meta="title:1 對 ChatGPT 的常見誤解"/);
    assert.match(html, /<h1>1 对 ChatGPT 的 常 见 误 解<\/h1>/);
    assert.match(html, /<h2 id="a">文 字 接 龙<\/h2>/);
    assert.match(html, /<p>chatgpt 真 正 做 的 事<\/p>/);
    assert.doesNotMatch(html, /目录/, 'only the note content is indexed');
    assert.match(html, /^<!doctype html><html lang="zh-CN">/);
    assert.doesNotMatch(html, /heading-anchor/);
  });

  it('keeps section titles as written, as metadata, where the search form reads differently', () => {
    const html = prepareForIndex(
      page(
        '<article data-pagefind-body><h1>1 甲</h1><h2 id="x">1.1 對 ChatGPT 的常見誤解<a class="heading-anchor" href="#x">#</a></h2><h2 id="y">1.2 预训练</h2></article>',
      ),
      toSimplified,
    )!;
    assert.match(
      html,
      /<p data-pagefind-ignore="index" data-pagefind-meta="sections">\{"x":"1\.1 對 ChatGPT 的常見誤解"\}<\/p>/,
    );
  });

  it('adds no section metadata when every title reads as written', () => {
    const html = prepareForIndex(
      page('<article data-pagefind-body><h1>1 甲</h1><h2 id="y">1.2 预训练</h2></article>'),
      toSimplified,
    )!;
    assert.doesNotMatch(html, /data-pagefind-meta="sections"/);
  });

  it('indexes figure alt text', () => {
    const html = prepareForIndex(
      page('<article data-pagefind-body><figure><img src="a.svg" alt="文字接龍的循環"></figure></article>'),
      toSimplified,
    )!;
    assert.match(html, /<img src="a.svg" alt="文 字 接 龙 的 循 环" data-pagefind-index-attrs="alt">/);
  });
});

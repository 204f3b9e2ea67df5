import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VFile } from 'vfile';
import { parseMarkdown } from './parse-note.ts';
import { problemsIn } from './problems.ts';
import { type RenderedPart, renderPart } from './render.ts';

/** Renders `markdown` as a whole note's text would be; the problems reported come back too. */
const render = async (markdown: string, mdx = false) => {
  const file = new VFile({ path: 'notes/a.md', value: markdown });
  const part = await renderPart(parseMarkdown(markdown, { mdx, math: true }), {
    base: '/',
    noteFile: 'a.md',
    file,
    lookup: () => undefined,
    mdx,
  });
  return { part, problems: problemsIn(file) };
};
const rendered = async (markdown: string, mdx = false): Promise<RenderedPart> => {
  const { part, problems } = await render(markdown, mdx);
  assert.deepEqual(problems, []);
  return part;
};

describe('renderPart', () => {
  it('typesets inline and display math with KaTeX at build time', async () => {
    const part = await rendered('质能方程 $E = mc^2$。\n\n$$\n\\sum_{i=1}^{n} x_i\n$$\n');
    assert.equal(part.hasMath, true);
    assert.match(part.html, /<span class="katex">/);
    assert.match(part.html, /<span class="katex-display">/);
    assert.match(part.html, /<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"/);
    assert.doesNotMatch(part.html, /\$E = mc\^2\$/);
  });

  it('marks parts without math', async () => {
    assert.equal((await rendered('没有公式，只有 5 元钱。')).hasMath, false);
  });

  it('gives headings github-style ids and anchors, and lists them', async () => {
    const part = await rendered('## 1.1 對 ChatGPT 的常見誤解\n\n### 小节');
    assert.deepEqual(part.headings, [
      { depth: 2, id: '11-對-chatgpt-的常見誤解', text: '1.1 對 ChatGPT 的常見誤解' },
      { depth: 3, id: '小节', text: '小节' },
    ]);
    assert.match(
      part.html,
      /<h2 id="11-對-chatgpt-的常見誤解">1.1 對 ChatGPT 的常見誤解<a class="heading-anchor" href="#11-%E5%B0%8D-chatgpt-%E7%9A%84%E5%B8%B8%E8%A6%8B%E8%AA%A4%E8%A7%A3"/,
    );
  });

  it('renders GFM tables with every row', async () => {
    const part = await rendered('| 版本 | 年份 |\n| --- | --- |\n| GPT | 2018 |\n| GPT-2 | 2019 |');
    assert.equal(part.html.match(/<tr>/g)?.length, 3);
  });

  it('keeps HTML written as JSX in .mdx notes', async () => {
    const part = await rendered('<details>\n<summary>答案</summary>\n\n内容 <kbd>Ctrl</kbd>\n\n</details>', true);
    // As MDX itself parses it: the summary line is a paragraph.
    assert.match(part.html, /<details><p><summary>答案<\/summary><\/p><p>内容 <kbd>Ctrl<\/kbd><\/p><\/details>/);
  });

  it('reports MDX components and expressions instead of dropping them', async () => {
    const { problems } = await render('import X from "./x.js"\n\n<Chart data="a" />\n\n{1 + 1}', true);
    assert.deepEqual(
      problems.map((p) => p.line),
      [1, 3, 5],
    );
    assert.match(problems[1]!.message, /component <Chart>/);
  });

  it('keeps raw HTML written in Markdown', async () => {
    assert.match((await rendered('文字<sup>1</sup>')).html, /<sup>1<\/sup>/);
  });
});

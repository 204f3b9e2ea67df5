import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkdown } from './parse-note.ts';
import { type RenderContext, type RenderedPart, renderPart } from './render.ts';

const context: RenderContext = {
  base: '/',
  noteFile: 'a.md',
  displayFile: 'notes/a.md',
  lineOffset: 4,
  lookup: () => undefined,
};
const render = (markdown: string, mdx = false) => renderPart(parseMarkdown(markdown, mdx), { ...context, mdx });
const rendered = async (markdown: string, mdx = false): Promise<RenderedPart> => {
  const result = await render(markdown, mdx);
  assert.ok(!('problems' in result), 'problems' in result ? JSON.stringify(result.problems) : '');
  return result;
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

  it('reports invalid TeX with the file line and a hint', async () => {
    const result = await render('第一行\n\n公式 $\\frac{1}{$ 坏了');
    assert.ok('problems' in result);
    const [problem] = result.problems;
    assert.equal(problem?.file, 'notes/a.md');
    assert.equal(problem?.line, 3 + 4);
    assert.match(problem?.message ?? '', /^invalid TeX: KaTeX parse error/);
    assert.match(problem?.hint ?? '', /TeX/);
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
    const result = await render('import X from "./x.js"\n\n<Chart data="a" />\n\n{1 + 1}', true);
    assert.ok('problems' in result);
    assert.deepEqual(
      result.problems.map((p) => p.line),
      [1 + 4, 3 + 4, 5 + 4],
    );
    assert.match(result.problems[1]!.message, /component <Chart>/);
  });

  it('keeps raw HTML written in Markdown', async () => {
    assert.match((await rendered('文字<sup>1</sup>')).html, /<sup>1<\/sup>/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { parseMarkdown } from './parse-note.ts';
import { problemsIn } from './problems.ts';
import { chapterHeading, relevelHeadings, splitChapters } from './split-chapters.ts';

/** Markdown as notes are written: GFM and dollar-sign math. */
const MARKDOWN = { mdx: false, math: true };

/** Splits `markdown` as a note; the problems reported come back with the parts. */
const split = (markdown: string) => {
  const file = new VFile({ path: 'notes/a.md', value: markdown });
  return { ...splitChapters(parseMarkdown(markdown, MARKDOWN), file), problems: problemsIn(file) };
};
const outline = (tree: Root) =>
  tree.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((node) => `h${node.depth} ${toString(node)}`);

describe('chapterHeading', () => {
  const cases: [string, string | undefined][] = [
    ['# 1 ChatGPT 原理剖析', '1|ChatGPT 原理剖析'],
    ['## 2 能够使用工具的AI', '2|能够使用工具的AI'],
    ['## 4 Finetuning vs Prompting(微调与提示)：两种方式', '4|Finetuning vs Prompting(微调与提示)：两种方式'],
    ['# 12. 第十二章', '12|第十二章'],
    ['# 3、结论', '3|结论'],
    ['### 1.1 對 ChatGPT 的常見誤解', undefined],
    ['## 1.1 节', undefined],
    ['### 3 三级标题不是章', undefined],
    ['# 前言', undefined],
    ['# 2023 年', '2023|年'],
    ['# 1', undefined],
  ];
  for (const [markdown, expected] of cases) {
    it(markdown, () => {
      const node = parseMarkdown(markdown, MARKDOWN).children[0]!;
      const found = chapterHeading(node);
      assert.equal(found ? `${found.number}|${found.title}` : undefined, expected);
    });
  }
});

describe('splitChapters', () => {
  it('splits at h1 and h2 chapter headings alike, keeping the introduction', () => {
    const { intro, chapters } = split('引言。\n\n# 1 甲\n\n### 1.1 节\n\n内容\n\n## 2 乙\n\n正文\n\n## 3 丙\n');
    assert.equal(toString(intro), '引言。');
    assert.deepEqual(
      chapters.map((c) => [c.number, c.title, c.heading, c.line]),
      [
        [1, '甲', '1 甲', 3],
        [2, '乙', '2 乙', 9],
        [3, '丙', '3 丙', 13],
      ],
    );
    assert.deepEqual(outline(chapters[0]!.tree), ['h3 1.1 节']);
    assert.equal(toString(chapters[1]!.tree), '正文');
  });

  it('keeps a note without numbered headings as one page', () => {
    const { intro, chapters } = split('# 前言\n\n文字\n\n## 小节\n');
    assert.equal(chapters.length, 0);
    assert.deepEqual(outline(intro), ['h1 前言', 'h2 小节']);
  });

  it('keeps later unnumbered headings inside the chapter they follow', () => {
    const { chapters } = split('# 1 甲\n\n# 参考资料\n\n链接\n');
    assert.deepEqual(outline(chapters[0]!.tree), ['h1 参考资料']);
  });

  it('reports every chapter whose number was used before, each at its own line', () => {
    const { problems } = split('# 1 甲\n\n## 1 乙\n\n# 2 丙\n\n# 2 丁\n');
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.severity, /chapter (\d) appears twice/.exec(p.message)?.[1]]),
      [
        ['notes/a.md', 3, 'error', '1'],
        ['notes/a.md', 7, 'error', '2'],
      ],
    );
  });
});

describe('relevelHeadings', () => {
  const cases: { name: string; markdown: string; expected: string[] }[] = [
    {
      name: 'h3/h4 under a chapter become h2/h3',
      markdown: '### a\n\n#### b\n\n### c',
      expected: ['h2 a', 'h3 b', 'h2 c'],
    },
    { name: 'a skipped level closes up', markdown: '### a\n\n##### b', expected: ['h2 a', 'h3 b'] },
    { name: 'h1 in a single-page note becomes h2', markdown: '# a\n\n## b', expected: ['h2 a', 'h3 b'] },
    { name: 'no headings', markdown: 'text', expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(outline(relevelHeadings(parseMarkdown(c.markdown, MARKDOWN))), c.expected));
  }

  it('does not change the tree it is given', () => {
    const tree = parseMarkdown('### a', MARKDOWN);
    relevelHeadings(tree);
    assert.deepEqual(outline(tree), ['h3 a']);
  });
});

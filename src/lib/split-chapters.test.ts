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
    ['# 第 3 章 标题', '3|标题'],
    ['# 第十二章：标题', '12|标题'],
    ['# 章 4. 標題', '4|標題'],
    ['# Chapter 5: Title', '5|Title'],
    ['# 1 HTML 的 <b>粗体</b>', '1|HTML 的 粗体'],
    ['# 1 **粗体** 与 `code`', '1|粗体 与 code'],
    ['# 第一次', undefined],
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

  it('makes an unnumbered heading after the chapters a page of its own, headings levelled like a chapter', () => {
    const { chapters } = split('# 1 甲\n\n正文\n\n# 附录 A. 参考\n\n### A.1 书目\n\n# 后记\n');
    assert.deepEqual(
      chapters.map((c) => [c.number, c.title, c.heading]),
      [
        [1, '甲', '1 甲'],
        [undefined, '附录 A. 参考', '附录 A. 参考'],
        [undefined, '后记', '后记'],
      ],
    );
    assert.deepEqual(outline(relevelHeadings(chapters[1]!.tree)), ['h2 A.1 书目']);
  });

  it('reports every chapter whose number was used before, each at its own line', () => {
    const { problems } = split('# 1 甲\n\n# 1 乙\n\n# 2 丙\n\n# 2 丁\n');
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.severity, /chapter (\d) appears twice/.exec(p.message)?.[1]]),
      [
        ['notes/a.md', 3, 'error', '1'],
        ['notes/a.md', 7, 'error', '2'],
      ],
    );
  });

  // What real documents do to the rule: each case is the outline of a note and the pages it must give.
  const structures: { name: string; markdown: string; pages: string[]; problems?: number }[] = [
    {
      name: 'the first note: `# 1`, then `## 2`, `## 3`, `## 4` are its four chapters',
      markdown: '引言\n\n# 1 甲\n\n### 1.1 节\n\n## 2 乙\n\n### 2.1 节\n\n## 3 丙\n\n## 4 丁\n\n#### 4.1 节\n',
      pages: ['1 甲', '2 乙', '3 丙', '4 丁'],
    },
    {
      name: 'a book: a preface with numbered sections before the numbered chapters',
      markdown: '# 序言\n\n## 1. 免责声明\n\n## 2. 什么是 Debian\n\n# 1 教程\n\n## 1.1 控制台\n\n# 2 软件包管理\n',
      pages: ['1 教程', '2 软件包管理'],
    },
    {
      name: 'a man page: numbered items under unnumbered sections, even repeated, are not chapters',
      markdown: '# 选项\n\n## 1. 第一组\n\n## 2. 第二组\n\n# 示例\n\n## 1. 第一例\n',
      pages: [],
    },
    {
      name: 'a pandoc book: `第 1 章` chapters with anchors, a preface and an appendix',
      markdown:
        '# <span id="pre"></span>序言\n\n## <span id="d"></span>1. 免责声明\n\n# <span id="t"></span>第 1 章 GNU/Linux 教程\n\n## 1.1 控制台\n\n# 第二章 软件包管理\n\n# <span id="a"></span>附录 A. 附录\n',
      pages: ['第 1 章 GNU/Linux 教程', '第二章 软件包管理', '附录 A. 附录'],
    },
    {
      name: 'a Typora note: a title `#`, then numbered `##` chapters and an unnumbered `##` after them',
      markdown: '# 我的笔记\n\n引言\n\n## 1 甲\n\n## 2 乙\n\n## 参考资料\n',
      pages: ['1 甲', '2 乙', '参考资料'],
    },
    {
      name: 'a Hexo post with `Chapter N` headings',
      markdown: '# Chapter 1: Basics\n\n# Chapter 2 Advanced\n',
      pages: ['Chapter 1: Basics', 'Chapter 2 Advanced'],
    },
    {
      name: 'a numbered `##` that restarts under a chapter is a section of it',
      markdown: '# 1 甲\n\n## 1 小节\n\n## 3 跳号\n\n# 2 乙\n',
      pages: ['1 甲', '2 乙'],
    },
    {
      name: 'numbered `##` under one title with a number repeated: reported',
      markdown: '## 1 甲\n\n## 1 乙\n',
      pages: ['1 甲', '1 乙'],
      problems: 1,
    },
  ];
  for (const c of structures) {
    it(c.name, () => {
      const { chapters, problems } = split(c.markdown);
      assert.deepEqual(
        chapters.map((chapter) => chapter.heading),
        c.pages,
      );
      assert.equal(problems.length, c.problems ?? 0);
    });
  }
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

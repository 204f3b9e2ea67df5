import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { forgiveHexoYaml, readFrontMatter } from './front-matter.ts';
import { parseMarkdown } from './parse-note.ts';
import { problemsIn } from './problems.ts';

/** Markdown as notes are written: GFM and dollar-sign math. */
const MARKDOWN = { mdx: false, math: true };

/** Reads the front matter of `source` as a note would be read; the rest of the tree and the problems come back too. */
function read(source: string) {
  const file = new VFile({ path: 'notes/a.md', value: source });
  const tree = parseMarkdown(source, MARKDOWN);
  const frontMatter = readFrontMatter(tree, file);
  return {
    ...frontMatter,
    body: toString(tree),
    firstLine: tree.children[0]?.position?.start.line,
    problems: problemsIn(file),
  };
}

describe('readFrontMatter', () => {
  const cases: { name: string; source: string; data: Record<string, unknown>; body: string; bodyLine?: number }[] = [
    {
      name: 'Hexo post with TAB-indented `-item` categories (the first note as written)',
      source: '---\ntitle: 生成式AI学习笔记\ndate: 2023-03-13 19:20:00\ncategories:\n\t-算法学习\n---\n\n正文',
      data: { title: '生成式AI学习笔记', date: '2023-03-13 19:20:00', categories: ['算法学习'] },
      body: '正文',
      bodyLine: 8,
    },
    {
      name: 'plain YAML with a flow list',
      source: '---\ntitle: A\ntags: [x, y]\n---\nbody',
      data: { title: 'A', tags: ['x', 'y'] },
      body: 'body',
      bodyLine: 5,
    },
    {
      name: 'space-indented `-item` list markers',
      source: '---\ncategories:\n  -学习\n  -笔记\n---\n',
      data: { categories: ['学习', '笔记'] },
      body: '',
    },
    { name: 'no front matter', source: '# 1 标题\n', data: {}, body: '1 标题', bodyLine: 1 },
    { name: 'empty front matter', source: '---\n---\ntext', data: {}, body: 'text', bodyLine: 3 },
    {
      name: 'closed with `...`, as pandoc writes it',
      source: '---\ntitle: B\n...\ntext',
      data: { title: 'B' },
      body: 'text',
      bodyLine: 4,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: read, taken out of the text, lines kept as in the file`, () => {
      const got = read(c.source);
      assert.deepEqual(got.data, c.data);
      assert.equal(got.body, c.body);
      assert.equal(got.firstLine, c.bodyLine);
      assert.deepEqual(got.problems, []);
    });
  }

  it('knows the line of each key', () => {
    const { lineOf } = read('---\ntitle: A\ndate: 2023-01-01\n---\n');
    assert.equal(lineOf('date'), 3);
    assert.equal(lineOf('title'), 2);
  });

  const errors: { name: string; source: string; line: number; message: RegExp }[] = [
    { name: 'never closed', source: '---\ntitle: A\n\n# 1 x', line: 1, message: /never closed/ },
    {
      name: 'unreadable YAML points at its line',
      source: '---\ntitle: A\nbad: a: b\nx: 1\n---\n',
      line: 3,
      message: /cannot be read/,
    },
    {
      name: 'an unclosed [ at the line that opened it',
      source: '---\ntitle: A\ndate: [2023\ntags: x\n---\n',
      line: 3,
      message: /cannot be read/,
    },
    { name: 'a list instead of key: value', source: '---\n- a\n- b\n---\n', line: 2, message: /key: value/ },
  ];
  for (const c of errors) {
    it(`reports ${c.name} with file and line`, () => {
      const { problems, data } = read(c.source);
      assert.deepEqual(data, {});
      assert.equal(problems.length, 1);
      const [problem] = problems;
      assert.equal(problem?.file, 'notes/a.md');
      assert.equal(problem?.line, c.line);
      assert.equal(problem?.severity, 'error');
      assert.match(problem?.message ?? '', c.message);
      assert.ok(problem?.hint);
    });
  }
});

describe('forgiveHexoYaml', () => {
  const cases: [string, string][] = [
    ['categories:\n\t-算法学习', 'categories:\n  - 算法学习'],
    ['a:\n\t\tb: 1', 'a:\n    b: 1'],
    ['x:\n  - -1', 'x:\n  - -1'],
    ['x:\n  -1', 'x:\n  -1'],
    ['title: a-b', 'title: a-b'],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => assert.equal(forgiveHexoYaml(input), expected));
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NoteError } from './errors.ts';
import { forgiveHexoYaml, parseFrontMatter } from './front-matter.ts';

describe('parseFrontMatter', () => {
  const cases: { name: string; source: string; data: Record<string, unknown>; body: string; offset: number }[] = [
    {
      name: 'Hexo post with TAB-indented `-item` categories (the first note as written)',
      source: '---\ntitle: 生成式AI学习笔记\ndate: 2023-03-13 19:20:00\ncategories:\n\t-算法学习\n---\n\n正文',
      data: { title: '生成式AI学习笔记', date: '2023-03-13 19:20:00', categories: ['算法学习'] },
      body: '\n正文',
      offset: 6,
    },
    {
      name: 'plain YAML with a flow list',
      source: '---\ntitle: A\ntags: [x, y]\n---\nbody',
      data: { title: 'A', tags: ['x', 'y'] },
      body: 'body',
      offset: 4,
    },
    {
      name: 'space-indented `-item` list markers',
      source: '---\ncategories:\n  -学习\n  -笔记\n---\n',
      data: { categories: ['学习', '笔记'] },
      body: '',
      offset: 5,
    },
    { name: 'no front matter', source: '# 1 标题\n', data: {}, body: '# 1 标题\n', offset: 0 },
    { name: 'empty front matter', source: '---\n---\ntext', data: {}, body: 'text', offset: 2 },
    { name: 'closed with `...`', source: '---\ntitle: B\n...\ntext', data: { title: 'B' }, body: 'text', offset: 3 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseFrontMatter(c.source, 'notes/a.md');
      assert.deepEqual(parsed.data, c.data);
      assert.equal(parsed.body, c.body);
      assert.equal(parsed.bodyLineOffset, c.offset);
    });
  }

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
      assert.throws(
        () => parseFrontMatter(c.source, 'notes/a.md'),
        (error: unknown) => {
          assert.ok(error instanceof NoteError);
          const [problem] = error.problems;
          assert.equal(problem?.file, 'notes/a.md');
          assert.equal(problem?.line, c.line);
          assert.match(problem?.message ?? '', c.message);
          assert.ok(problem?.hint);
          return true;
        },
      );
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

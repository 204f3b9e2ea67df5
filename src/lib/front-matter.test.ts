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
    // Hostile front matter: refused at its line, quickly, never a stack trace.
    { name: 'an alias bomb (billion laughs)', source: `---\n${aliasBomb(9)}---\n`, line: 3, message: /alias count/ },
    {
      name: 'brackets nested thousands deep',
      source: `---\ntitle: x\ntags: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`,
      line: 3,
      message: /nests deeper than 32 levels/,
    },
    {
      name: 'lists nested by indentation',
      source: `---\ntags:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}-`).join('\n')} x\n---\n`,
      line: 35,
      message: /nests deeper than 32 levels/,
    },
    { name: 'an unknown tag', source: '---\ntitle: !!js/function "x"\n---\n', line: 2, message: /tag !!js\/function/ },
    { name: 'a custom tag', source: '---\ntitle: A\nx: !secret y\n---\n', line: 3, message: /tag !secret/ },
    {
      name: 'a huge value',
      source: `---\ntitle: ${'长'.repeat(70_000)}\n---\n`,
      line: 2,
      message: /more than the 64 KB/,
    },
  ];
  for (const c of errors) {
    it(`reports ${c.name} with file and line`, () => {
      const started = performance.now();
      const { problems, data } = read(c.source);
      assert.ok(performance.now() - started < 1000, 'within a second');
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

  const merges: [string, string, Record<string, unknown>][] = [
    ['a merge key, as Hexo applies it', '---\ndefaults: &d\n  title: 合并\n<<: *d\n---\n', { title: '合并' }],
    [
      'a key beside the merge wins',
      '---\nbase: &b { title: 旧, tags: [x] }\n<<: *b\ntitle: 新\n---\n',
      { title: '新', tags: ['x'] },
    ],
  ];
  for (const [name, source, expected] of merges) {
    it(`reads ${name}`, () => {
      const { data, problems } = read(source);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(data[key], value, key);
      assert.deepEqual(problems, []);
    });
  }
});

/** A "billion laughs" front matter of `levels` keys, each nine aliases of the one before. */
function aliasBomb(levels: number): string {
  const names = Array.from({ length: levels }, (_, i) => `l${i}`);
  return names
    .map((name, i) =>
      i === 0
        ? `${name}: &${name} [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`
        : `${name}: &${name} [${Array(9)
            .fill(`*${names[i - 1]}`)
            .join(', ')}]\n`,
    )
    .join('');
}

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

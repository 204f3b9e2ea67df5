import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VFile } from 'vfile';
import { readNoteMeta } from './note-meta.ts';
import { problemsIn } from './problems.ts';

/** Front matter as read from a note whose `date:` is on line 3. */
const frontMatter = (data: Record<string, unknown>) => ({ data, lineOf: (key: string) => (key === 'date' ? 3 : 1) });
const file = () => new VFile({ path: 'notes/a.md' });

describe('readNoteMeta', () => {
  const cases: { name: string; data: Record<string, unknown>; expected: Record<string, unknown> }[] = [
    {
      name: 'Hexo date with time; categories list',
      data: { title: '生成式AI学习笔记', date: '2023-03-13 19:20:00', categories: ['算法学习'] },
      expected: {
        title: '生成式AI学习笔记',
        date: { iso: '2023-03-13T19:20:00', text: '2023-03-13' },
        categories: [['算法学习']],
        tags: [],
      },
    },
    {
      name: 'missing title falls back to the file name',
      data: {},
      expected: { title: '文件名', categories: [], tags: [] },
    },
    {
      name: 'empty title falls back to the file name',
      data: { title: '  ' },
      expected: { title: '文件名', categories: [], tags: [] },
    },
    { name: 'numeric title', data: { title: 2023 }, expected: { title: '2023', categories: [], tags: [] } },
    {
      name: 'a single category string',
      data: { categories: '笔记', tags: 'AI' },
      expected: { title: '文件名', categories: [['笔记']], tags: ['AI'] },
    },
    {
      name: 'a flat list is one path, top first (Hexo)',
      data: { categories: ['编程', 'Python', '异步'] },
      expected: { title: '文件名', categories: [['编程', 'Python', '异步']], tags: [] },
    },
    {
      name: 'a list holding lists is one path per item; a plain item is a path of its own',
      data: { categories: [['机器学习', '深度学习'], '笔记', ['机器学习', '深度学习']], tags: [['a', 'b'], 'a'] },
      expected: { title: '文件名', categories: [['机器学习', '深度学习'], ['笔记']], tags: ['a', 'b'] },
    },
    {
      name: 'empty items and empty paths are dropped; `category` works too',
      data: { category: [['', '数学'], [], [null]] },
      expected: { title: '文件名', categories: [['数学']], tags: [] },
    },
    {
      name: 'a `-item` that YAML read as a string still names the category',
      data: { categories: '-算法学习' },
      expected: { title: '文件名', categories: [['算法学习']], tags: [] },
    },
    {
      name: 'date without time, single-digit month',
      data: { date: '2023-3-1' },
      expected: { title: '文件名', date: { iso: '2023-03-01', text: '2023-03-01' }, categories: [], tags: [] },
    },
    {
      name: 'YAML timestamp object',
      data: { date: new Date('2023-03-13T19:20:00Z') },
      expected: { title: '文件名', date: { iso: '2023-03-13T19:20:00', text: '2023-03-13' }, categories: [], tags: [] },
    },
    {
      name: 'description is kept',
      data: { description: '摘要' },
      expected: { title: '文件名', categories: [], tags: [], description: '摘要' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const note = file();
      assert.deepEqual(readNoteMeta(frontMatter(c.data), '文件名', note), c.expected);
      assert.deepEqual(problemsIn(note), []);
    });
  }

  it('reports a date that is not a date at the line of `date:`', () => {
    const note = file();
    assert.equal(readNoteMeta(frontMatter({ date: 'soon' }), 'x', note).date, undefined);
    const [problem, ...more] = problemsIn(note);
    assert.deepEqual(more, []);
    assert.equal(problem?.line, 3);
    assert.equal(problem?.severity, 'error');
    assert.match(problem?.message ?? '', /not a date/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allCategories,
  categoryKey,
  collectNotes,
  monthGroups,
  type NoteRef,
  paginate,
  uniqueSlugs,
} from './collections.ts';

const day = (iso: string) => ({ iso, text: iso.slice(0, 10) });

// Newest first, as the pipeline hands them over.
const NOTES: NoteRef[] = [
  { slug: 'd', date: day('2024-05-02'), categories: [['编程', 'Python']], tags: ['入门'] },
  { slug: 'c', date: day('2024-01-20T08:00:00'), categories: [['编程', 'Python'], ['数学']], tags: ['入门', 'AI'] },
  { slug: 'b', date: day('2023-03-13'), categories: [['编程']], tags: ['AI'] },
  { slug: 'a', categories: [], tags: [] },
];

describe('collectNotes', () => {
  const collections = collectNotes(NOTES);

  it('nests categories as Hexo does, counting each note once per category, newest first, in pinyin order', () => {
    const shape = (nodes: typeof collections.categories): unknown =>
      nodes.map((node) => [node.name, node.path, node.notes, shape(node.children)]);
    assert.deepEqual(shape(collections.categories), [
      ['编程', 'categories/编程/', ['d', 'c', 'b'], [['Python', 'categories/编程/python/', ['d', 'c'], []]]],
      ['数学', 'categories/数学/', ['c'], []],
    ]);
    assert.equal(collections.categoryCount, 3);
    assert.deepEqual(
      allCategories(collections.categories).map((node) => node.name),
      ['编程', 'Python', '数学'],
    );
  });

  it("maps every category path a note names to its page, for the note's links", () => {
    assert.equal(collections.categoryPaths[categoryKey(['编程', 'Python'])], 'categories/编程/python/');
    assert.equal(collections.categoryPaths[categoryKey(['数学'])], 'categories/数学/');
  });

  it('lists tags, the most used first (then in name order, Chinese before Latin), with their pages', () => {
    assert.deepEqual(
      collections.tags.map((tag) => [tag.name, tag.path, tag.notes]),
      [
        ['入门', 'tags/入门/', ['d', 'c']],
        ['AI', 'tags/ai/', ['c', 'b']],
      ],
    );
    assert.equal(collections.tagPaths.AI, 'tags/ai/');
  });

  it('files notes by year and month, newest first, and keeps undated notes apart', () => {
    assert.deepEqual(
      collections.years.map((year) => [year.year, year.path, year.months.map((m) => [m.month, m.notes])]),
      [
        [
          '2024',
          'archives/2024/',
          [
            ['05', ['d']],
            ['01', ['c']],
          ],
        ],
        ['2023', 'archives/2023/', [['03', ['b']]]],
      ],
    );
    assert.deepEqual(collections.undated, ['a']);
  });

  it('gives names that slug alike, or to nothing, addresses of their own', () => {
    const clash = collectNotes([
      { slug: 'x', categories: [['C'], ['C++'], ['C#'], ['++']], tags: [] },
      { slug: 'y', categories: [['学习', 'page']], tags: [] },
    ]);
    assert.deepEqual(
      allCategories(clash.categories).map((node) => [node.name, node.path]),
      [
        ['++', 'categories/category/'],
        ['学习', 'categories/学习/'],
        // Not `学习/page/`: that is where the second page of 学习's notes would be.
        ['page', 'categories/学习/page-2/'],
        ['C', 'categories/c/'],
        ['C#', 'categories/c-2/'],
        ['C++', 'categories/c-3/'],
      ],
    );
  });
});

describe('uniqueSlugs', () => {
  const cases: [string[], string[], string[]][] = [
    [['机器学习', 'AI'], [], ['机器学习', 'ai']],
    [['AI', 'ai', 'A I'], [], ['ai', 'ai-2', 'a-i']],
    [['page'], ['page'], ['page-2']],
    [['?!'], [], ['x']],
  ];
  for (const [names, taken, expected] of cases) {
    it(`${names.join(', ')} → ${expected.join(', ')}`, () =>
      assert.deepEqual(uniqueSlugs(names, 'x', taken), expected));
  }
});

describe('paginate', () => {
  const cases: [number, number, number[]][] = [
    [0, 50, [0]],
    [50, 50, [50]],
    [51, 50, [50, 1]],
    [120, 50, [50, 50, 20]],
  ];
  for (const [count, perPage, expected] of cases) {
    it(`${count} items, ${perPage} a page → ${expected.join(' + ')}`, () =>
      assert.deepEqual(
        paginate(
          Array.from({ length: count }, (_, i) => i),
          perPage,
        ).map((page) => page.length),
        expected,
      ));
  }
});

describe('monthGroups', () => {
  it('puts notes under a heading per month, in the order given, undated ones last', () => {
    assert.deepEqual(
      monthGroups(NOTES).map((group) => [group.label, group.notes.map((note) => note.slug)]),
      [
        ['2024 年 5 月', ['d']],
        ['2024 年 1 月', ['c']],
        ['2023 年 3 月', ['b']],
        ['未注明日期', ['a']],
      ],
    );
  });
});

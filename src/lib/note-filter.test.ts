import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterNotes, type NoteListEntry } from './note-filter.ts';

const ENTRIES: NoteListEntry[] = [
  ['Python 异步编程', '/a/', '2024-05-02', '编程 / Python', '#入门'],
  ['线性代数复习', '/b/', '2024-01-20', '数学', '#考试'],
  ['生成式AI学习笔记', '/c/', '2023-03-13', '算法学习', '#AI #Python'],
  ['概率论', '/d/', '', '数学', ''],
];

describe('filterNotes', () => {
  const cases: [string, string, string[], number?][] = [
    ['nothing typed, nothing shown', '  ', []],
    ['a word of a title', '代数', ['/b/']],
    ['case ignored; title matches first, then category or tag matches, newest first', 'python', ['/a/', '/c/']],
    ['a category', '数学', ['/b/', '/d/']],
    ['every word must match, anywhere', '数学 考试', ['/b/']],
    ['a tag with its #', '#ai', ['/c/']],
    ['no match', '量子', []],
    ['at most the limit shown, all counted', '学', ['/c/'], 1],
  ];
  for (const [name, query, urls, limit] of cases) {
    it(name, () => {
      const result = filterNotes(ENTRIES, query, limit ?? 50);
      assert.deepEqual(
        result.shown.map(([, url]) => url),
        urls,
      );
      if (limit) assert.equal(result.total, 3);
    });
  }
});

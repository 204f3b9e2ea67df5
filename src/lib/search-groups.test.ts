import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupCount, groupFolder, groupOf } from './search-groups.ts';

describe('search index groups', () => {
  it('keeps one index unless groups are asked for, and for a site under two groups of pages', () => {
    assert.equal(groupCount(100_000), 1);
    assert.equal(groupCount(0, 300), 1);
    assert.equal(groupCount(599, 300), 1);
  });

  it('splits a larger site into a power of two of about the pages asked for each', () => {
    assert.equal(groupCount(600, 300), 2);
    assert.equal(groupCount(2500, 300), 8);
    assert.equal(groupCount(1500, 300), 4);
    for (let pages = 600; pages < 20_000; pages += 97) {
      const groups = groupCount(pages, 300);
      assert.equal(Math.log2(groups) % 1, 0, `${pages} pages: ${groups} groups`);
      assert.ok(pages / groups > 300 / Math.SQRT2 - 1 && pages / groups < 300 * Math.SQRT2 + 1, `${pages}: ${groups}`);
    }
  });

  it('changes the number of groups only when the site about doubles or halves', () => {
    const changes = new Set<number>();
    for (let pages = 1; pages < 10_000; pages += 1) changes.add(groupCount(pages, 300));
    assert.deepEqual([...changes], [1, 2, 4, 8, 16, 32]);
  });

  it('puts a note in the same group every build, and spreads notes over every group', () => {
    const names = Array.from({ length: 2000 }, (_, k) => `笔记-${k}/`);
    const counts = new Array<number>(8).fill(0);
    for (const name of names) {
      const group = groupOf(name, 8);
      assert.equal(groupOf(name, 8), group);
      counts[group]! += 1;
    }
    // 250 each if even; none far from it.
    for (const count of counts) assert.ok(count > 180 && count < 320, `${counts}`);
    assert.equal(groupOf('笔记-1/', 1), 0);
  });

  it("serves the first group's index at the top of the bundle, the others in their own folders", () => {
    assert.equal(groupFolder(2, 2), '');
    assert.equal(groupFolder(5, 2), 'groups/5/');
  });
});

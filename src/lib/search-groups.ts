/**
 * The search index of a large site in groups of notes, each group its own
 * Pagefind index, merged in the browser with Pagefind's `mergeIndex`.
 *
 * Why: Pagefind has no incremental mode. Given every page again, it takes
 * about 3 s for 2,500 pages on a 2-core machine, the most of a rebuild after
 * editing one note. Split by note, a rebuild indexes the edited note's group
 * and reuses the others as the last build left them.
 *
 * Why results do not change: a page has the same Pagefind id and word
 * positions whichever index holds it, every index is searched, and the
 * ranking is ours (`search-rank.ts`, from the site's table of every page).
 * Only Pagefind's own score, which orders pages with a query's words apart
 * (and breaks ties), is computed within each group.
 *
 * What it costs a reader: a first search fetches one small entry file and
 * page list per group, and each word's chunk of each group (smaller chunks,
 * more of them). Sites under `2 × GROUP_PAGES` pages keep one index.
 */
import { createHash } from 'node:crypto';

/** About this many pages to a group: a rebuild indexes a few hundred pages again, a first search fetches a few files per group. */
export const GROUP_PAGES = 300;

/**
 * How many groups a site of `pages` pages has: a power of two, so it
 * changes (and every group is indexed again) only when the site doubles or
 * halves in size.
 */
export function groupCount(pages: number, groupPages = GROUP_PAGES): number {
  if (pages < 2 * groupPages) return 1;
  return 2 ** Math.round(Math.log2(pages / groupPages));
}

/** The group of a note (by a name that stays with it, such as its first page's path): the same in every build. */
export function groupOf(name: string, groups: number): number {
  if (groups <= 1) return 0;
  return createHash('sha256').update(name).digest().readUInt32BE(0) % groups;
}

/** Where a group's index is, under the search bundle: the first group's at its top, with Pagefind's runtime. */
export function groupFolder(group: number, first: number): string {
  return group === first ? '' : `groups/${group}/`;
}

/**
 * The search index in groups of notes, each group its own Pagefind index,
 * merged in the browser with Pagefind's `mergeIndex`: an author's choice
 * (`SEARCH_GROUP_PAGES`), off by default.
 *
 * What it buys: Pagefind has no incremental mode. Given every page again,
 * it takes about 3 s for 2,500 pages on a 2-core machine, the most of a
 * rebuild after editing one note. In groups, a rebuild indexes the edited
 * note's group and reuses the others as the last build left them.
 *
 * What it costs a reader: a first search fetches each group's entry file
 * and page list, and the chunk of each of the query's words in every group.
 * Pagefind's chunks do not shrink with the index, so on the real corpus
 * (1,575 pages) a first search fetched 295-400 KB with one index, 1.4-1.6×
 * that with 2 groups, 2.2-2.6× with 4 and 3.8-4.4× with 8. Hence off by
 * default: every reader's first search weighs more than a few seconds of
 * the author's rebuild.
 *
 * Why results do not change: a page has the same Pagefind id and word
 * positions whichever index holds it, every index is searched, and the
 * ranking is ours (`search-rank.ts`, from the site's table of every page).
 * What Pagefind does within each index (leaving out a word it does not
 * have, standing in a shorter word for a longer one it has none of) is
 * evened out by the client (`search-client.ts`). Only Pagefind's own score,
 * which orders pages with a query's words apart (and breaks ties), is
 * computed within each group.
 */
import { createHash } from 'node:crypto';

/**
 * How many groups a site of `pages` pages has with groups of about
 * `groupPages` pages (none: one index): a power of two, so it changes (and
 * every group is indexed again) only when the site doubles or halves.
 */
export function groupCount(pages: number, groupPages?: number): number {
  if (!groupPages || pages < 2 * groupPages) return 1;
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

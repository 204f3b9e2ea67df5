/**
 * Judging the first note's query set (`tests/search-queries.ts`) from what a
 * search showed: the chapter of each result and the first result's first
 * section.
 */
import type { SearchCase } from '../search-queries.ts';

export interface Found {
  /** Chapter number of each result in order (0: the note's page). */
  chapters: number[];
  /** The first result's first section heading. */
  section: string | undefined;
}

/** The chapter a result URL points at: `/…/<note>/<N>-…/` → N, the note page → 0. */
export function chapterOf(url: string): number {
  const segments = decodeURIComponent(url.split(/[?#]/)[0]!).split('/').filter(Boolean);
  const match = /^(\d+)-/.exec(segments.at(-1) ?? '');
  return match ? Number(match[1]) : 0;
}

/** Why a case fails, or undefined if it passes. */
export function judge(c: SearchCase, found: Found): string | undefined {
  const [first] = found.chapters;
  if (c.first !== undefined && first !== c.first) return `expected chapter ${c.first} first, got [${found.chapters}]`;
  for (const chapter of c.top ?? []) {
    if (!found.chapters.slice(0, 3).includes(chapter))
      return `expected chapter ${chapter} in the top 3, got [${found.chapters}]`;
  }
  if (first !== undefined && c.notFirst?.includes(first)) return `chapter ${first} must not be first`;
  if (c.section && found.section?.trim().split(/\s+/)[0] !== c.section)
    return `expected section ${c.section}, got ${found.section}`;
  if (found.chapters.length === 0) return 'no results';
  return undefined;
}

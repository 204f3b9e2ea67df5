/**
 * Runs queries against a built site's index in Chromium, through Pagefind's
 * JS API with the site's own query folding and result refinement, and
 * checks them against the query set.
 */
import type { Page } from 'playwright-core';
import { foldQuery, queryPhrases, refineResult, SEARCH_RANKING, type ShownResult } from '../../src/lib/search-text.ts';
import { toSimplified } from '../../src/lib/to-simplified.ts';
import type { SearchCase } from '../search-queries.ts';

export interface Found {
  /** Chapter number of each result in order (0: the note's page). */
  chapters: number[];
  /** The first result's first section heading. */
  section: string | undefined;
  milliseconds: number;
}

/** The chapter a result URL points at: `/…/<note>/<N>-…/` → N, the note page → 0. */
export function chapterOf(url: string): number {
  const segments = decodeURIComponent(url.split(/[?#]/)[0]!).split('/').filter(Boolean);
  const match = /^(\d+)-/.exec(segments.at(-1) ?? '');
  return match ? Number(match[1]) : 0;
}

/** Searches `queries` on a page of the site (which serves `/…/pagefind/`); `raw` skips the site's folding. */
export async function runQueries(page: Page, bundle: string, queries: string[], raw = false): Promise<Found[]> {
  const prepared = queries.map((query) => (raw ? query : foldQuery(query, toSimplified)));
  const answers = await page.evaluate(
    async ([bundlePath, terms, ranking]) => {
      const pagefind = await import(`${bundlePath}pagefind.js`);
      await pagefind.options({ ranking });
      await pagefind.init();
      const out: { results: ShownResult[]; milliseconds: number }[] = [];
      for (const term of terms as string[]) {
        const started = performance.now();
        const search = await pagefind.search(term);
        const results = await Promise.all(
          search.results.slice(0, 5).map((result: { data: () => Promise<ShownResult> }) => result.data()),
        );
        out.push({ results, milliseconds: performance.now() - started });
      }
      return out;
    },
    [bundle, prepared, raw ? {} : SEARCH_RANKING] as const,
  );
  return answers.map(({ results, milliseconds }, index) => {
    const refined = raw
      ? results
      : results.map((result) => refineResult(result, queryPhrases(queries[index]!, toSimplified)));
    return {
      chapters: refined.map((result) => chapterOf(result.url)),
      section: refined[0]?.sub_results?.[0]?.title,
      milliseconds,
    };
  });
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

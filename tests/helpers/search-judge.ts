/**
 * Judging what a search showed, the same way for the site and for Pagefind
 * alone, in the bench and in the tests:
 * - a real-corpus case passes when its answer note is among the first five
 *   results (the measure the issue used), under the right section when the
 *   case names one; whether it is first (only equally right notes above it)
 *   is counted too, as the stricter figure;
 * - exact precision: of the first five results, the share whose page has
 *   the query as written (each phrase together), not its characters apart;
 * - order: no page with the characters only apart above one with the phrase.
 */
import type { RealCorpusCase } from '../real-corpus-queries.ts';

/** How many results a case's answer may be down. */
export const PASS_WITHIN = 5;

/** The note a result URL belongs to: the longest note path it starts with. */
export function noteOfUrl(url: string, notesByPath: Map<string, string>): string | undefined {
  const pathname = url.split(/[?#]/)[0]!.replace(/^\/+/, '');
  let best: string | undefined;
  let bestLength = -1;
  for (const [sitePath, note] of notesByPath) {
    if (pathname.startsWith(sitePath) && sitePath.length > bestLength) {
      best = note;
      bestLength = sitePath.length;
    }
  }
  return best;
}

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** The notes of each result: its page's, and those of its copies in another script shown with it. */
function resultNotes(urls: string[], twins: string[][], notesByPath: Map<string, string>): (string | undefined)[][] {
  return urls.map((url, index) => [url, ...(twins[index] ?? [])].map((u) => noteOfUrl(u, notesByPath)));
}

/** Why a real-corpus case failed, or undefined if it passed. */
export function judgeRealCase(
  c: RealCorpusCase,
  shown: {
    urls: string[];
    twins: string[][];
    sections: (string | undefined)[];
    twinSections: (string | undefined)[][];
  },
  notesByPath: Map<string, string>,
): string | undefined {
  const notes = resultNotes(shown.urls, shown.twins, notesByPath);
  const at = notes.findIndex((list) => list.includes(c.answer));
  // The section the answer opens at: its result's, or its own when it is shown as the copy of another page.
  const which = at >= 0 ? notes[at]!.indexOf(c.answer) : -1;
  const section = which > 0 ? shown.twinSections[at]?.[which - 1] : shown.sections[at];
  const list = notes
    .slice(0, PASS_WITHIN)
    .map((n) => n.map((note) => note ?? '?').join(' + '))
    .join(', ');
  if (at < 0 || at >= PASS_WITHIN) return `answer not among the first ${PASS_WITHIN} (${list})`;
  if (c.section && !squash(section ?? '').startsWith(squash(c.section)))
    return `section: expected ${c.section}, got ${section}`;
  return undefined;
}

/** Whether the answer is the first result, or only notes as right as it come before it. */
export function answerFirst(
  c: RealCorpusCase,
  shown: { urls: string[]; twins: string[][] },
  notesByPath: Map<string, string>,
): boolean {
  const notes = resultNotes(shown.urls, shown.twins, notesByPath);
  const at = notes.findIndex((list) => list.includes(c.answer));
  return at >= 0 && notes.slice(0, at).every((list) => list.some((note) => c.alsoRight?.includes(note ?? '')));
}

/**
 * Whether each of the first results has the query as written, in
 * `pageText` (folded, no whitespace): every term of `terms` in one of its
 * spellings (as typed, or in the other region's words).
 */
export function exactResults(
  urls: string[],
  terms: string[][],
  pageText: (path: string) => string | undefined,
  limit = PASS_WITHIN,
): boolean[] {
  return urls.slice(0, limit).map((url) => {
    const text = pageText(url.split(/[?#]/)[0]!);
    return text !== undefined && terms.every((spellings) => spellings.some((s) => text.includes(squash(s))));
  });
}

/** Of the first five results, the share whose page contains the query as written; undefined when nothing was shown. */
export function exactPrecision(
  urls: string[],
  terms: string[][],
  pageText: (path: string) => string | undefined,
): number | undefined {
  const exact = exactResults(urls, terms, pageText);
  return exact.length === 0 ? undefined : exact.filter(Boolean).length / exact.length;
}

/** The first result with the characters only apart that comes before one with the phrase, if any. */
export function scatteredAbovePhrase(exact: boolean[]): number | undefined {
  const lastExact = exact.lastIndexOf(true);
  const firstScattered = exact.indexOf(false);
  return firstScattered >= 0 && firstScattered < lastExact ? firstScattered : undefined;
}

/**
 * The one tokenisation search uses on both sides, so the index and the query
 * can never disagree: every Han character is its own word, and traditional
 * characters are folded to simplified.
 *
 * Why: Pagefind's own splitters (ICU4X at build time, Intl.Segmenter in the
 * browser) cut Chinese into words that differ between the two sides, and a
 * query never matches inside a word (龙 in 接龙). One character per word makes
 * every sub-word query match; ranking and `refineResult` put the passages where
 * the characters stand together first. Runs in Node (indexing) and in the
 * browser (queries, results).
 */

import { HIGHLIGHT_PARAM } from '../site.ts';

/** Converts traditional Chinese to simplified (`to-simplified.ts`). */
export type ToSimplified = (text: string) => string;

const HAN = /\p{Script=Han}/u;
const HAN_EDGE = /(?<=\p{Script=Han})(?=\S)|(?<=\S)(?=\p{Script=Han})/gu;

/** `GPT是文字接龙` → `GPT 是 文 字 接 龙`; other text is unchanged. */
export function spaceHan(text: string): string {
  return text.replace(HAN_EDGE, ' ');
}

/** What the index stores for a piece of text, and what a query becomes. */
export function searchForm(text: string, toSimplified: ToSimplified): string {
  return HAN.test(text) ? spaceHan(toSimplified(text)) : text;
}

/** A reader's query as the index understands it (full-width Latin typed with a Chinese IME folded too). */
export function foldQuery(query: string, toSimplified: ToSimplified): string {
  return searchForm(query.normalize('NFKC'), toSimplified).trim().replace(/\s+/g, ' ');
}

/**
 * Pagefind's ranking for this site: long chapters should not lose to short
 * ones just for being long (the default favours short pages strongly).
 * @see https://pagefind.app/docs/ranking/
 */
export const SEARCH_RANKING = { pageLength: 0.3 };

/** The runs of text a query asks for, folded but not split: `預訓練 GPT` → `预训练`, `GPT`. */
export function queryPhrases(query: string, toSimplified: ToSimplified): string[] {
  return toSimplified(query.normalize('NFKC'))
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=\p{Script=Han})(?=[^\p{Script=Han}])|(?<=[^\p{Script=Han}])(?=\p{Script=Han})/u))
    .filter(Boolean);
}

// A space between two Han characters, or a Han character and punctuation (<mark> tags may stand beside it).
const SPACE_BY_HAN =
  /(?<=\p{Script=Han}(?:<\/?mark>)*) (?=(?:<\/?mark>)*[\p{Script=Han}\p{P}])|(?<=\p{P}(?:<\/?mark>)*) (?=(?:<\/?mark>)*\p{Script=Han})/gu;

/**
 * Turns an excerpt or title from the index back into running text: the
 * spaces `spaceHan` put between Chinese characters and beside punctuation
 * go, and marks that now touch join. Spaces between Chinese and Latin stay
 * (Pagefind keeps no record of which were the author's).
 */
export function unspaceHan(html: string): string {
  return html.replace(SPACE_BY_HAN, '').replace(/<\/mark><mark>/g, '');
}

/** Plain text of an excerpt, for matching. */
function plain(html: string): string {
  return unspaceHan(html)
    .replace(/<[^>]+>/g, '')
    .toLowerCase();
}

/** The metadata field holding section titles as written, by heading id (JSON). */
export const SECTION_TITLES_META = 'sections';

/** The parts of a Pagefind result the UI shows. */
export interface ShownResult {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

/**
 * Prepares a Pagefind result for display: running text in titles and
 * excerpts; the sections where the query's phrases appear as written come
 * first (a section that only has the characters apart goes last); links
 * carry the phrases to highlight on the page they open.
 */
export function refineResult<R extends ShownResult>(result: R, phrases: string[], highlightParam = HIGHLIGHT_PARAM): R {
  const wanted = phrases.map((phrase) => phrase.toLowerCase());
  const matches = (html: string, title = '') =>
    wanted.filter((phrase) => plain(`${title} ${html}`).includes(phrase)).length;
  const withHighlight = (url: string) => {
    const [path = '', hash] = url.split('#');
    const query = wanted.length
      ? `${path.includes('?') ? '&' : '?'}${wanted.map((p) => `${highlightParam}=${encodeURIComponent(p)}`).join('&')}`
      : '';
    return `${path}${query}${hash === undefined ? '' : `#${hash}`}`;
  };
  const titles = sectionTitles(result.meta[SECTION_TITLES_META]);
  const subResults = (result.sub_results ?? [])
    .map((sub, index) => ({ sub, index, score: matches(sub.excerpt, sub.title) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ sub }) => ({
      ...sub,
      title: titles[anchorOf(sub.url)] ?? unspaceHan(sub.title),
      excerpt: unspaceHan(sub.excerpt),
      url: withHighlight(sub.url),
    }));
  return {
    ...result,
    url: withHighlight(result.url),
    excerpt: unspaceHan(result.excerpt),
    meta: { ...result.meta, title: result.meta.title === undefined ? undefined : unspaceHan(result.meta.title) },
    sub_results: subResults,
  };
}

function sectionTitles(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The heading id a result URL points at. */
function anchorOf(url: string): string {
  const hash = url.split('#')[1] ?? '';
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

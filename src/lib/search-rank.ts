/**
 * The order of search results, from where each term of the query occurs on
 * each page (Pagefind's word positions, before anything of a page is
 * loaded), and then, for the pages shown, which of their sections to show.
 *
 * The rule readers asked for: a page that has every term of the query as
 * written (a phrase's characters together, in one of its spellings) comes
 * before any page that has the characters only apart; those are "weaker
 * matches", shown after, and only when there are few of the first kind.
 *
 * Among pages with the phrases, BM25 over phrase occurrences (rarer terms
 * weigh more, long pages are not favoured for length), with a bonus for a
 * term in the title (more for a short title, which is about less) and for
 * the terms side by side. A page is scored as a whole and section by
 * section (a heading is a section's title), and counts by its best: one
 * section of a long manual can be the answer. A term found only in the other
 * region's words, or a page in the other script than the query's, counts a
 * little less: the page that says it as the reader typed it comes first.
 */

/** Where one occurrence of a term lies: its first word and how many words it spans. */
export interface Occurrence {
  start: number;
  length: number;
}

/** What the index answered for one term of the query. */
export interface TermHits {
  /** For each spelling (the one as typed first): page id → the term's occurrences there. */
  spellings: Map<string, Occurrence[]>[];
}

/** What ranking knows of a page. */
export interface PageFacts {
  /** Words of the title, which comes first on the page. */
  titleWords: number;
  words: number;
  /** Its headings as [first word, word after], in order (known for long pages, and once a page is loaded). */
  headings?: [number, number][];
  /** Written in traditional characters. */
  traditional?: boolean;
}

/** What ranking knows of the site and the query. */
export interface RankContext {
  averageWords: number;
  averageTitleWords: number;
  /** The query was typed in traditional characters. */
  traditionalQuery: boolean;
}

export interface RankedPage {
  id: string;
  /** `phrase`: every term as written; `scattered`: the characters are all there, not together. */
  tier: 'phrase' | 'scattered';
  score: number;
  /** For each term, its occurrences on the page (none on a scattered page), sorted. */
  occurrences: Occurrence[][];
  /** For each term, whether it occurs spelled as typed (not only in the other region's words). */
  typed: boolean[];
  /** Positions Pagefind matched on a scattered page (its characters), for choosing an excerpt. */
  scattered: number[];
}

/** How the terms weigh (rarer terms more), from how many of the site's pages have them. */
export type TermWeights = number[];

/**
 * The tuning of the score, in one place; chosen on the two query sets
 * (`tests/search-queries.ts`, `tests/real-corpus-queries.ts`) among a small
 * grid of values, preferring round values where results tie.
 */
export const RANKING = {
  /** BM25's saturation and length normalisation. */
  k1: 2,
  b: 0.75,
  /** A term in the page's title adds this many saturated occurrences (for a title of average length). */
  title: 2,
  /** A term in a section's heading, for that section scored on its own. */
  heading: 1,
  /** A section scored on its own counts this much of a page. */
  section: 0.5,
  /** Terms side by side, in order (`sudo 配置`), as a share of the terms' weight. */
  together: 0.6,
  /** Every term of a query of several in the title (or heading): what the page (or section) is about. */
  allInTitle: 4,
  /** A term found only in another spelling (the other region's words) counts this much. */
  otherSpelling: 0.9,
  /** A page in the other script than the query's. */
  otherScript: 0.95,
};

/**
 * The occurrences of a phrase `length` words long in sorted word positions
 * that hold its characters: each start from which the words at `offsets`
 * (all of them, or those of its characters not too common to have been
 * searched for) are there, not overlapping.
 */
export function occurrencesOf(positions: number[], length: number, offsets?: number[]): Occurrence[] {
  const sorted = [...positions].sort((a, b) => a - b);
  if (length <= 1) return sorted.map((start) => ({ start, length: 1 }));
  const needed = offsets ?? Array.from({ length }, (_, k) => k);
  const at = new Set(sorted);
  const found: Occurrence[] = [];
  let next = -Infinity;
  for (const position of sorted) {
    const start = position - needed[0]!;
    if (start < next) continue;
    if (needed.every((offset) => at.has(start + offset))) {
      found.push({ start, length });
      next = start + length;
    }
  }
  return found;
}

/** One stretch of a page scored on its own: the whole page (titled by its title), or a section (by its heading). */
interface Unit {
  from: number;
  to: number;
  title: [number, number];
  section: boolean;
}

/** The score of one stretch of a page. */
function scoreUnit(
  page: Pick<RankedPage, 'occurrences' | 'typed'>,
  weights: TermWeights,
  unit: Unit,
  context: RankContext,
): number {
  const { k1, b } = RANKING;
  const length = Math.max(1, unit.to - unit.from);
  const titleLength = Math.max(1, unit.title[1] - unit.title[0]);
  const titleBonus =
    ((unit.section ? RANKING.heading : RANKING.title) * 2) / (1 + titleLength / context.averageTitleWords);
  let score = 0;
  let titled = 0;
  const inside: Occurrence[][] = [];
  for (const [term, all] of page.occurrences.entries()) {
    const occurrences = all.filter((o) => o.start >= unit.from && o.start < unit.to);
    inside.push(occurrences);
    if (occurrences.length === 0) continue;
    const tf = occurrences.length;
    const saturated = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / context.averageWords));
    const inTitle = occurrences.some((o) => o.start >= unit.title[0] && o.start < unit.title[1]);
    if (inTitle) titled += 1;
    score += weights[term]! * (saturated + (inTitle ? titleBonus : 0)) * (page.typed[term] ? 1 : RANKING.otherSpelling);
  }
  const allWeights = weights.reduce((sum, weight) => sum + weight, 0);
  if (inside.length > 1 && titled === inside.length) score += RANKING.allInTitle * allWeights;
  if (inside.length > 1 && inside.every((list) => list.length > 0) && together(inside)) {
    score += RANKING.together * allWeights;
  }
  return score;
}

/** The units of a page: itself, and each section when its headings are known. */
function unitsOf(facts: PageFacts | undefined, context: RankContext): Unit[] {
  const words = facts?.words ?? context.averageWords;
  const page: Unit = { from: 0, to: words, title: [0, facts?.titleWords ?? 0], section: false };
  const headings = facts?.headings ?? [];
  return [
    page,
    ...headings.map(([start, end], index) => ({
      from: start,
      to: headings[index + 1]?.[0] ?? words,
      title: [start, end] as [number, number],
      section: true,
    })),
  ];
}

/** A page's score and its best unit (0: the page as a whole; i > 0: section i - 1). */
export function scorePage(
  page: Pick<RankedPage, 'occurrences' | 'typed'>,
  weights: TermWeights,
  facts: PageFacts | undefined,
  context: RankContext,
): { score: number; best: number } {
  let score = -1;
  let best = 0;
  for (const [index, unit] of unitsOf(facts, context).entries()) {
    const unitScore = scoreUnit(page, weights, unit, context) * (index === 0 ? 1 : RANKING.section);
    if (unitScore > score) {
      score = unitScore;
      best = index;
    }
  }
  const otherScript = facts?.traditional !== undefined && facts.traditional !== context.traditionalQuery;
  return { score: score * (otherScript ? RANKING.otherScript : 1), best };
}

/**
 * Pages in order: every page with all terms as phrases, best first, then
 * (from `loose`, Pagefind's results for the query's characters and words
 * anywhere, best first) the pages with them only apart. Also the terms'
 * weights, to score pages again once more is known of them.
 */
export function rankPages(
  terms: TermHits[],
  loose: { id: string; score: number; words: number[] }[],
  facts: (id: string) => PageFacts | undefined,
  context: RankContext & { pages: number },
): { ranked: RankedPage[]; weights: TermWeights } {
  const perTerm = terms.map((term) => {
    const pages = new Map<string, { occurrences: Occurrence[]; typed: boolean }>();
    for (const [index, spelling] of term.spellings.entries()) {
      for (const [id, found] of spelling) {
        if (found.length === 0) continue;
        const page = pages.get(id) ?? { occurrences: [], typed: false };
        page.occurrences.push(...found);
        page.typed ||= index === 0;
        pages.set(id, page);
      }
    }
    return pages;
  });
  const weights = perTerm.map((pages) => Math.log(1 + (context.pages - pages.size + 0.5) / (pages.size + 0.5)));
  const looseScore = new Map(loose.map((hit) => [hit.id, hit.score]));
  const phrasePages: RankedPage[] = [];
  for (const id of perTerm[0]?.keys() ?? []) {
    if (!perTerm.every((pages) => pages.has(id))) continue;
    const occurrences = perTerm.map((pages) => pages.get(id)!.occurrences.sort((a, b) => a.start - b.start));
    const typed = perTerm.map((pages) => pages.get(id)!.typed);
    const { score } = scorePage({ occurrences, typed }, weights, facts(id), context);
    phrasePages.push({ id, tier: 'phrase', score, occurrences, typed, scattered: [] });
  }
  phrasePages.sort((a, b) => b.score - a.score || (looseScore.get(b.id) ?? 0) - (looseScore.get(a.id) ?? 0));
  const shown = new Set(phrasePages.map((page) => page.id));
  const scattered: RankedPage[] = loose
    .filter((hit) => !shown.has(hit.id))
    .map((hit) => ({
      id: hit.id,
      tier: 'scattered',
      score: hit.score,
      occurrences: [],
      typed: [],
      scattered: hit.words,
    }));
  return { ranked: [...phrasePages, ...scattered], weights };
}

/** Whether the terms occur one right after another, in order, somewhere (a gap of one word allowed). */
function together(occurrences: Occurrence[][]): boolean {
  const [first, ...rest] = occurrences;
  return first!.some((start) => {
    let end = start.start + start.length;
    for (const term of rest) {
      const next = term.find((o) => o.start >= end && o.start <= end + 1);
      if (!next) return false;
      end = next.start + next.length;
    }
    return true;
  });
}

/** A section of a page for a result: which, the occurrence to show, and every occurrence in it. */
export interface SectionChoice {
  /** Index into the page's headings; -1 for the text before the first heading. */
  heading: number;
  /** The occurrence the excerpt is built around. */
  focus: Occurrence;
  occurrences: Occurrence[];
}

/**
 * The sections of a page that best show the query, best first (at most
 * `limit`), each scored as ranking scores a page; the text before the first
 * heading counts as a section, titled by the page's title.
 */
export function chooseSections(
  page: Pick<RankedPage, 'occurrences' | 'typed'>,
  weights: TermWeights,
  facts: PageFacts & { headings: [number, number][] },
  context: RankContext,
  limit = 3,
): SectionChoice[] {
  const { headings, words } = facts;
  const sections = [
    {
      heading: -1,
      from: 0,
      to: headings[0]?.[0] ?? words,
      title: [0, facts.titleWords] as [number, number],
      section: false,
    },
    ...headings.map(([start, end], index) => ({
      heading: index,
      from: start,
      to: headings[index + 1]?.[0] ?? words,
      title: [start, end] as [number, number],
      section: true,
    })),
  ];
  return sections
    .map((section) => {
      const occurrences = page.occurrences
        .flat()
        .filter((o) => o.start >= section.from && o.start < section.to)
        .sort((a, b) => a.start - b.start);
      return { section, occurrences, score: occurrences.length > 0 ? scoreUnit(page, weights, section, context) : 0 };
    })
    .filter((entry) => entry.occurrences.length > 0)
    .sort((a, b) => b.score - a.score || a.section.from - b.section.from)
    .slice(0, limit)
    .map(({ section, occurrences }) => ({
      heading: section.heading,
      occurrences,
      // The excerpt shows the text under the heading: an occurrence there if any.
      focus: occurrences.find((o) => o.start >= section.title[1]) ?? occurrences[0]!,
    }));
}

/** What twin detection compares of a page shown. */
export interface TwinFacts {
  title: string;
  words: number;
  traditional: boolean;
  occurrences: Occurrence[][];
}

/**
 * Whether two pages are one text in two scripts (a note and its
 * traditional-character copy, as a bilingual site has them): one
 * traditional, the other not, the same length to a few words, titles alike
 * apart from their Han characters, and the query found at the same places.
 * Such a pair is shown as one result, so the other pages are not pushed down.
 */
export function areTwins(a: TwinFacts, b: TwinFacts): boolean {
  if (a.traditional === b.traditional) return false;
  const near = Math.max(3, Math.round(0.02 * Math.max(a.words, b.words)));
  if (Math.abs(a.words - b.words) > near) return false;
  const shape = (title: string) => title.replace(/\p{Script=Han}+/gu, '字');
  if (shape(a.title) !== shape(b.title)) return false;
  if (Math.abs([...a.title].length - [...b.title].length) > 3) return false;
  return a.occurrences.every((list, term) => {
    const other = b.occurrences[term] ?? [];
    return list.length === other.length && list.every((o, k) => Math.abs(o.start - other[k]!.start) <= near);
  });
}

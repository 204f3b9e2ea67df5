/**
 * Search, loaded when the reader first opens it: our own over Pagefind's JS
 * API (`pagefind.js`, no web worker, none of its UI; the dialog is
 * `search-dialog.ts`).
 *
 * Why our own: Pagefind's UI renders filter values and metadata as HTML (a
 * note titled `<img onerror=…>` ran a script), shows its index form, and
 * ranks a page with a query's characters scattered over one that has the
 * phrase. Here each query runs as Pagefind exact searches, one per phrase
 * and spelling (`search-fold.ts`), is ranked by `search-rank.ts`, and shows
 * the page's own text (`search-store.ts`), loaded for the results on screen
 * only.
 */
import { buildExcerpt, type ExcerptPiece, excerptRange, writtenPhrases } from '../lib/search-excerpt.ts';
import { createFolding, type Folding } from '../lib/search-fold.ts';
import {
  areTwins,
  chooseSections,
  type Occurrence,
  occurrencesOf,
  type PageFacts,
  type RankContext,
  type RankedPage,
  rankPages,
  scorePage,
  type TermHits,
  type TermWeights,
} from '../lib/search-rank.ts';
import {
  PART_WORDS,
  type PageHead,
  type PageRow,
  readPageHead,
  readPagePart,
  readPages,
  type SiteTable,
} from '../lib/search-store.ts';
import { exactQuery, type QueryTerm, queryTerms } from '../lib/search-text.ts';
import { fragmentHref, siteUrl } from '../lib/urls.ts';
import { BASE, HIGHLIGHT_PARAM, PAGEFIND_BUNDLE } from './search-paths.ts';

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
}
interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (indexPath: string) => Promise<void>;
  search: (term: string) => Promise<{ results: PagefindResult[] } | null>;
}

/** Below this many pages with the phrases, pages with the characters apart are looked for. */
const FEW_PHRASE_RESULTS = 5;

/** Files of the search bundle that failed to load (offline and not saved, or gone). */
const failed = new Set<string>();

/** How many files of the search bundle could not be loaded so far. */
export const failedFiles = (): number => failed.size;

/** Watches fetches of the search bundle, so a search can say when part of it could not be loaded. */
function watchBundleFetches(): void {
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const ours = url.includes(PAGEFIND_BUNDLE);
    try {
      const response = await original(input, init);
      if (ours && !response.ok) failed.add(url);
      return response;
    } catch (error) {
      if (ours) failed.add(url);
      throw error;
    }
  };
}

/** A gzip file of the bundle, as text. */
async function fetchText(file: string): Promise<string> {
  const response = await fetch(PAGEFIND_BUNDLE + file);
  if (!response.ok || !response.body) throw new Error(`${response.status} ${file}`);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
}

type Part = ReturnType<typeof readPagePart>;
const partCache = new Map<string, Promise<Part>>();
/** The file of the bundle with part `k` of a page's text: part 0 comes with the head, in the page's first file. */
const partFile = (id: string, part: number) => (part === 0 ? `page/${id}.pf_page` : `page/${id}-${part}.pf_page`);

/** Part `k` of a page's text (each loaded once). */
function loadPart(id: string, part: number): Promise<Part> {
  const key = `${id}-${part}`;
  let loaded = partCache.get(key);
  if (!loaded) {
    loaded =
      part === 0
        ? fetchText(partFile(id, 0)).then((file) => readPageHead(file).first)
        : fetchText(partFile(id, part)).then(readPagePart);
    loaded.catch(() => partCache.delete(key));
    partCache.set(key, loaded);
  }
  return loaded;
}

const HAN_CHAR = /^\p{Script=Han}$/u;

/**
 * The word written where Pagefind found a result first; undefined if it
 * cannot be loaded (offline, a page not saved), which is no failure of the
 * search: the status line is not told.
 */
async function writtenAt(result: PagefindResult): Promise<string | undefined> {
  const place = result.words[0];
  if (place === undefined) return undefined;
  const part = Math.floor(place / PART_WORDS);
  try {
    return (await loadPart(result.id, part)).words[place % PART_WORDS];
  } catch {
    failed.delete(PAGEFIND_BUNDLE + partFile(result.id, part));
    return undefined;
  }
}

/** A word as Pagefind compares words: lower case, without accents (`Café` → `cafe`), as an array of letters. */
function bareLetters(word: string): string[] {
  return [...word.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()];
}

/** How many letters of `word`'s start `written` has in it (what Pagefind found in a place may be part of what is written there: `OpenSuSE`). */
function sharedStart(word: string[], written: string[]): number {
  const text = written.join('');
  let letters = word.length;
  while (letters > 0 && !text.includes(word.slice(0, letters).join(''))) letters -= 1;
  return letters;
}

/** One page's stored text: its head, its headings, and its words as they load. */
class StoredPage {
  /** Each heading as [first word, word after]. */
  readonly spans: [number, number][];
  constructor(
    readonly id: string,
    readonly head: PageHead,
    /** A long page's headings (from the table): their ids and text are in the parts. */
    long?: [number, number][],
  ) {
    this.spans = long ?? head.h.map(([start, end]) => [start, end]);
  }

  /** Heading `index`: its id and text as written. */
  async heading(index: number): Promise<{ id: string; title: string }> {
    const start = this.spans[index]![0];
    const found =
      this.head.h[index] ??
      (await loadPart(this.id, Math.floor(start / PART_WORDS))).headings.find(([first]) => first === start);
    return { id: found?.[2] ?? '', title: found?.[3] ?? '' };
  }

  /** Loads the words [start, end) and returns a reader of words. */
  async words(start: number, end: number): Promise<(index: number) => string | undefined> {
    const first = Math.floor(start / PART_WORDS);
    const last = Math.floor(Math.max(start, end - 1) / PART_WORDS);
    const parts = await Promise.all(Array.from({ length: last - first + 1 }, (_, k) => loadPart(this.id, first + k)));
    return (index) => parts[Math.floor(index / PART_WORDS) - first]?.words[index % PART_WORDS];
  }
}

const pageCache = new Map<string, Promise<StoredPage>>();
/**
 * Loads a page's head (`long`: a long page's headings, from the table),
 * and at the same time the parts of its text around `positions` (where its
 * excerpts will be).
 */
function loadPage(id: string, long: [number, number][] | undefined, positions: number[] = []): Promise<StoredPage> {
  let page = pageCache.get(id);
  if (!page) {
    const file = fetchText(partFile(id, 0)).then(readPageHead);
    // The first part comes with the head.
    const first = file.then(({ first: part }) => part);
    first.catch(() => partCache.delete(`${id}-0`));
    partCache.set(`${id}-0`, first);
    page = file.then(({ head }) => new StoredPage(id, head, long));
    page.catch(() => pageCache.delete(id));
    pageCache.set(id, page);
  }
  for (const position of positions) {
    const part = Math.floor(position / PART_WORDS);
    if (part > 0) void loadPart(id, part).catch(() => undefined);
  }
  return page;
}

/** A result ready to show. */
export interface ShownResult {
  page: StoredPage;
  ranked: RankedPage;
  /** The excerpt under the title (the passage before the first heading), if any. */
  excerpt?: ExcerptPiece[];
  sections: { title: string; id: string; excerpt: ExcerptPiece[] }[];
  /** What the opened page should mark. */
  phrases: string[];
  /** The same page in the other script, shown with it (at its own best section). */
  twins: { page: StoredPage; phrases: string[]; section?: { id: string; title: string } }[];
}

/** The searches for one query, ranked, with the terms' weights (to score pages again once loaded). */
export interface Found {
  query: string;
  ranked: RankedPage[];
  weights: TermWeights;
  context: RankContext & { pages: number };
  /** What the index answered, for ranking again (and for looking into a ranking). */
  hits: TermHits[];
  loose: PagefindResult[];
  /** The query's terms. */
  terms: QueryTerm[];
}

export class SiteSearch {
  readonly #pagefind: PagefindApi;
  readonly #table: SiteTable;
  readonly #rows: Map<string, PageRow>;
  readonly #folding: Folding;
  readonly #averageWords: number;
  readonly #averageTitleWords: number;
  /** Characters on nearly every page: not searched for positions. */
  readonly #common: Set<string>;
  readonly #withWord = new Map<string, Promise<Set<string> | undefined>>();
  /** Whether the index is in groups (`search-groups.ts`). */
  readonly #grouped: boolean;

  constructor(pagefind: PagefindApi, table: SiteTable) {
    this.#pagefind = pagefind;
    this.#table = table;
    this.#rows = readPages(table);
    this.#folding = createFolding(table.fold);
    this.#common = new Set(table.common);
    this.#grouped = (table.groups?.length ?? 0) > 0;
    const rows = [...this.#rows.values()];
    const count = Math.max(1, rows.length);
    this.#averageWords = rows.reduce((sum, row) => sum + row.words, 0) / count || 1;
    this.#averageTitleWords = rows.reduce((sum, row) => sum + row.titleWords, 0) / count || 1;
  }

  get table(): SiteTable {
    return this.#table;
  }

  /** The note a page belongs to. */
  noteOf(id: string): number | undefined {
    return this.#rows.get(id)?.note;
  }

  /** The titles of notes, each from the head of one of its pages (`pages`: a page id of each note). */
  async noteTitles(pages: Map<number, string>): Promise<Map<number, string>> {
    const heads = await Promise.all(
      [...pages].map(async ([note, id]) => [note, (await loadPage(id, this.#rows.get(id)?.headings)).head.nt] as const),
    );
    return new Map(heads);
  }

  /** What ranking knows of a page (with its headings, once loaded). */
  facts(id: string, headings?: [number, number][]): PageFacts | undefined {
    const row = this.#rows.get(id);
    if (!row) return undefined;
    return {
      titleWords: row.titleWords,
      words: row.words,
      traditional: row.traditional,
      ...((headings ?? row.headings) ? { headings: headings ?? row.headings } : {}),
    };
  }

  /** Every page for `query`, best first. */
  async find(query: string): Promise<Found> {
    const terms = queryTerms(query);
    const context: RankContext & { pages: number } = {
      pages: this.#rows.size,
      averageWords: this.#averageWords,
      averageTitleWords: this.#averageTitleWords,
      traditionalQuery: terms.some((term) => term.han && this.#folding.isTraditional(term.text)),
    };
    if (terms.length === 0) return { query, ranked: [], weights: [], context, hits: [], loose: [], terms };
    let loose: PagefindResult[] = [];
    const hits: TermHits[] = await Promise.all(
      terms.map(async (term, index) => {
        if (!term.han || [...term.text].length === 1) {
          // A word written with a hyphen or dot (`D-Bus`) is its parts one after another (the mark between them a word too).
          const parts = term.han ? [this.#folding.fold(term.text)] : term.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
          if (parts.length === 1) {
            const results = await this.#search(parts[0]!);
            if (index === 0) loose = results;
            return { spellings: [new Map(results.map((r) => [r.id, occurrencesOf(r.words, 1)] as const))] };
          }
          // Where each part is: searched on its own, but for the shortest (`d`: a prefix of thousands of
          // words), whose places are those of all the parts together less the others'.
          const shortest = parts.reduce((a, b) => (b.length < a.length ? b : a));
          const [together, ...others] = await Promise.all([
            this.#search(parts.join(' ')),
            ...parts.map((part) => (part === shortest ? [] : this.#search(part))),
          ]);
          const placesOf = (answer: PagefindResult[]) => new Map(answer.map((r) => [r.id, r.words] as const));
          const all = placesOf(together);
          const byPart = others.map(placesOf);
          const pages = new Map<string, Occurrence[]>();
          for (const [id, positions] of all) {
            const known = new Set(byPart.flatMap((places) => places.get(id) ?? []));
            const found = chained(
              parts.map((part, k) =>
                part === shortest ? positions.filter((position) => !known.has(position)) : (byPart[k]!.get(id) ?? []),
              ),
            );
            if (found.length > 0) pages.set(id, found);
          }
          return { spellings: [pages] };
        }
        const spellings = this.#folding.spellings(term.text);
        const found = await Promise.all(spellings.map((spelling, k) => this.#phrase(spelling, k === 0)));
        if (index === 0 && found[0]) loose = found[0].all;
        return { spellings: found.map((f) => f.pages) };
      }),
    );
    const facts = (id: string) => this.facts(id);
    const found = rankPages(hits, [], facts, context);
    if (found.ranked.length >= FEW_PHRASE_RESULTS) return { query, ...found, context, hits, loose: [], terms };
    // Few pages have every phrase: those with every character and word somewhere follow, as weaker matches.
    if (terms.length > 1) {
      const words = terms.flatMap((term) =>
        term.han ? [...this.#folding.fold(term.text)].filter((char) => !this.#common.has(char)) : [term.text],
      );
      loose = await this.#search([...new Set(words)].join(' '));
    }
    return { query, ...rankPages(hits, loose, facts, context), context, hits, loose, terms };
  }

  /**
   * Pagefind's results for `query`, as one index would give them where the
   * site's index is in groups (`search-groups.ts`). Pagefind leaves out of a
   * search the words its index does not have, so a group without one of the
   * words gives the pages with the others; and it stands in a shorter word
   * for one it has no word starting with (`#pagesWith`). So a page is kept
   * only if it has each word (that some page has: one index leaves the
   * others out too). Not checked: the characters on nearly every page
   * (`common`: in every group, and slow to list), and single letters and
   * digits (`d` of `D-Bus`: a prefix of thousands of words, which every group
   * of a few hundred pages has).
   */
  async #search(query: string): Promise<PagefindResult[]> {
    const results = (await this.#pagefind.search(query))?.results ?? [];
    if (!this.#grouped || results.length === 0) return results;
    const words = [...new Set(query.replaceAll('"', ' ').split(/\s+/))].filter(
      (word) => word && !this.#common.has(word) && (HAN_CHAR.test(word) || [...word].length > 1),
    );
    // One word's results are its own, but for a word of several letters (`#pagesWith`).
    const checked = words.length > 1 ? words : words.filter((word) => [...word].length > 1);
    const withWord = (await Promise.all(checked.map((word) => this.#pagesWith(word)))).filter(
      (pages): pages is Set<string> => pages !== undefined,
    );
    return results.filter((result) => withWord.every((pages) => pages.has(result.id)));
  }

  /**
   * In an index in groups, the pages that have a word: a word starting with
   * it (remembered for the searches that follow, as a reader types); none
   * if no page has it. Where a group has no word starting with a word of
   * several letters, Pagefind gives instead the pages with the longest word
   * the group has that the word starts with (`sudo` → `su`). A group's
   * results are all the word's or all such stand-ins, so one result of each
   * group is read (the word written at its first place) to tell which.
   * Where no page has the word, the groups whose stand-in is longest are
   * kept, as one index would give.
   */
  #pagesWith(word: string): Promise<Set<string> | undefined> {
    let pages = this.#withWord.get(word);
    if (!pages) {
      if (this.#withWord.size >= 1000) this.#withWord.clear();
      pages = (async () => {
        const found = (await this.#pagefind.search(word))?.results ?? [];
        if (found.length === 0) return undefined;
        const letters = bareLetters(word);
        if (letters.length < 2) return new Set(found.map((result) => result.id));
        const byGroup = new Map<number, PagefindResult[]>();
        for (const result of found) {
          const group = this.#table.noteGroups?.[this.noteOf(result.id) ?? -1] ?? 0;
          const results = byGroup.get(group);
          if (results) results.push(result);
          else byGroup.set(group, [result]);
        }
        const groups = await Promise.all(
          [...byGroup.values()].map(async (results) => {
            const written = await writtenAt(results[0]!);
            // How much of the word the group has (all of it: the word's own results; unknown, offline: trusted).
            const has = written === undefined ? letters.length : sharedStart(letters, bareLetters(written));
            return { results, has };
          }),
        );
        // The groups with the whole word; if none has it, those with the most of it.
        const most = Math.max(0, ...groups.map(({ has }) => has));
        const kept = groups.filter(({ has }) => has === most);
        return new Set(kept.flatMap(({ results }) => results.map((result) => result.id)));
      })();
      pages.catch(() => this.#withWord.delete(word));
      this.#withWord.set(word, pages);
    }
    return pages;
  }

  /**
   * The pages with a phrase, and its occurrences on each: Pagefind's exact
   * search says which pages have it (with one occurrence), a search for its
   * characters where they are (the very common ones left out: they are on
   * every page, and slow to list).
   */
  async #phrase(
    spelling: string,
    typed: boolean,
  ): Promise<{ pages: Map<string, Occurrence[]>; all: PagefindResult[] }> {
    const chars = [...spelling];
    const exact = await this.#search(exactQuery(spelling));
    const pages = new Map<string, Occurrence[]>();
    if (exact.length === 0 && !typed) return { pages, all: [] };
    const offsets = chars.flatMap((char, offset) => (this.#common.has(char) ? [] : [offset]));
    const searched = [...new Set(offsets.map((offset) => chars[offset]!))];
    const answer = searched.length > 0 ? await this.#search(searched.join(' ')) : [];
    const positions = new Map(answer.map((r) => [r.id, r.words]));
    for (const result of exact) {
      const found = occurrencesOf(
        positions.get(result.id) ?? [],
        chars.length,
        offsets.length > 0 ? offsets : undefined,
      );
      pages.set(result.id, found.length > 0 ? found : occurrencesOf(result.words, chars.length));
    }
    return { pages, all: answer };
  }

  /**
   * The pages to load for `limit` results: each with what looks, from the
   * table, like its copy in the other script (checked once loaded).
   */
  window(candidates: RankedPage[], limit: number): RankedPage[] {
    const mains: RankedPage[] = [];
    const pages: RankedPage[] = [];
    const facts = (page: RankedPage) => {
      const row = this.#rows.get(page.id);
      return {
        title: '',
        words: row?.words ?? 0,
        traditional: row?.traditional ?? false,
        occurrences: page.occurrences,
      };
    };
    for (const [index, page] of candidates.entries()) {
      const twin =
        page.tier === 'phrase' && mains.some((main) => main.tier === 'phrase' && areTwins(facts(main), facts(page)));
      if (!twin && mains.length >= limit) break;
      if (!twin) mains.push(page);
      pages.push(page);
      if (index > limit * 3) break;
    }
    return pages;
  }

  /**
   * Loads the pages of `ranked` and makes them ready to show; the pages
   * with phrases are ordered again, now that their headings are known.
   */
  async prepare(ranked: RankedPage[], found: Found): Promise<{ shown: ShownResult[]; missing: number }> {
    const loaded = await Promise.allSettled(
      ranked.map((page) =>
        loadPage(
          page.id,
          this.#rows.get(page.id)?.headings,
          page.occurrences.map((list) => list[0]?.start ?? 0),
        ),
      ),
    );
    const pages = (
      await Promise.all(
        ranked.map(async (rankedPage, index) => {
          const result = loaded[index]!;
          if (result.status !== 'fulfilled') return [];
          const checked = await this.#verified(rankedPage, result.value, found.terms);
          return checked ? [{ ranked: checked, page: result.value }] : [];
        }),
      )
    ).flat();
    const rescored = new Map(
      pages.map(({ ranked: r, page }) => [
        r.id,
        scorePage(r, found.weights, this.facts(r.id, page.spans), found.context).score,
      ]),
    );
    // Pages with phrases by their new score; the others keep their place after them.
    const ordered = [
      ...pages
        .filter((p) => p.ranked.tier === 'phrase')
        .sort((a, b) => (rescored.get(b.ranked.id) ?? 0) - (rescored.get(a.ranked.id) ?? 0)),
      ...pages.filter((p) => p.ranked.tier !== 'phrase'),
    ];
    // A page and its copy in the other script are one result.
    const kept: typeof ordered = [];
    const twinsOf = new Map<string, typeof ordered>();
    for (const entry of ordered) {
      const twin = kept.find((other) => this.#twins(other, entry));
      if (twin) twinsOf.set(twin.ranked.id, [...(twinsOf.get(twin.ranked.id) ?? []), entry]);
      else kept.push(entry);
    }
    const shown = await Promise.all(
      kept.map(async ({ ranked: r, page }) => {
        const [result, twins] = await Promise.all([
          this.#show(r, page, found),
          Promise.all((twinsOf.get(r.id) ?? []).map((twin) => this.#twin(twin.ranked, twin.page, found))),
        ]);
        return { ...result, twins };
      }),
    );
    return { shown, missing: loaded.filter((result) => result.status === 'rejected').length };
  }

  /**
   * A page with the occurrences of a word written with a hyphen or dot
   * (`GPT-3`) checked against its text: the index knows its parts were
   * there, one word apart, not that the word between them was the hyphen
   * (`WebGPT 3、`). Undefined if none is left.
   */
  async #verified(ranked: RankedPage, page: StoredPage, terms: QueryTerm[]): Promise<RankedPage | undefined> {
    if (ranked.tier !== 'phrase' || terms.every((term) => term.han || !/[^\p{L}\p{N}]/u.test(term.text))) return ranked;
    const occurrences = await Promise.all(
      ranked.occurrences.map(async (list, index) => {
        const term = terms[index];
        if (!term || term.han || !/[^\p{L}\p{N}]/u.test(term.text)) return list;
        const kept: Occurrence[] = [];
        for (const o of list.slice(0, 20)) {
          const word = await page.words(o.start, o.start + o.length);
          const text = Array.from({ length: o.length }, (_, k) => word(o.start + k) ?? '').join('');
          if (text.replace(/\s+/g, '').toLowerCase() === term.text) kept.push(o);
        }
        return kept;
      }),
    );
    return occurrences.every((list) => list.length > 0) ? { ...ranked, occurrences } : undefined;
  }

  /** A page's copy in the other script, as its result shows it: where to open it, what to mark there. */
  async #twin(ranked: RankedPage, page: StoredPage, found: Found): Promise<ShownResult['twins'][number]> {
    const facts = { ...this.facts(ranked.id)!, headings: page.spans };
    const [best] = chooseSections(ranked, found.weights, facts, found.context, 1);
    const shown = best?.occurrences.slice(0, 12) ?? ranked.occurrences.map((list) => list[0]!);
    const start = Math.min(...shown.map((o) => o.start));
    const [reader, section] = await Promise.all([
      page.words(start, Math.max(...shown.map((o) => o.start + o.length))),
      best && best.heading >= 0 ? page.heading(best.heading) : undefined,
    ]);
    return { page, phrases: writtenPhrases(reader, shown).slice(0, 6), ...(section ? { section } : {}) };
  }

  #twins(a: { ranked: RankedPage; page: StoredPage }, b: { ranked: RankedPage; page: StoredPage }): boolean {
    if (a.ranked.tier !== 'phrase' || b.ranked.tier !== 'phrase') return false;
    const facts = ({ ranked, page }: { ranked: RankedPage; page: StoredPage }) => ({
      title: page.head.t,
      words: page.head.w,
      traditional: this.#rows.get(ranked.id)?.traditional ?? false,
      occurrences: ranked.occurrences,
    });
    return areTwins(facts(a), facts(b));
  }

  async #show(ranked: RankedPage, page: StoredPage, found: Found): Promise<ShownResult> {
    const head = page.head;
    const headings = page.spans;
    // Excerpts start after the title, which the result shows already (unless the passage is in it).
    const afterTitle = Math.min(this.#rows.get(ranked.id)?.titleWords ?? 0, head.w);
    if (ranked.tier === 'scattered') {
      const focus = densest(ranked.scattered.filter((position) => position >= afterTitle));
      const range = excerptRange(focus, afterTitle, head.w);
      const word = await page.words(...range);
      const excerpt = buildExcerpt(word, range, [], [afterTitle, head.w]);
      return { page, ranked, excerpt, sections: [], phrases: [], twins: [] };
    }
    const all = ranked.occurrences.flat();
    const facts = { ...this.facts(ranked.id)!, headings };
    const choices = chooseSections(ranked, found.weights, facts, found.context);
    const sections: ShownResult['sections'] = [];
    let excerpt: ExcerptPiece[] | undefined;
    let phrases: string[] = [];
    for (const choice of choices) {
      const from = choice.heading >= 0 ? headings[choice.heading]![1] : afterTitle;
      const to = headings[choice.heading + 1]?.[0] ?? head.w;
      const range = excerptRange(choice.focus, Math.min(from, choice.focus.start), to);
      const word = await page.words(...range);
      const pieces = buildExcerpt(word, range, all, [Math.min(from, choice.focus.start), to]);
      if (phrases.length === 0) {
        // The phrases as written where the result opens (a page may write them more than one way).
        const shown = choice.occurrences.slice(0, 12);
        const start = Math.min(...shown.map((o) => o.start));
        const reader = await page.words(start, Math.max(...shown.map((o) => o.start + o.length)));
        phrases = writtenPhrases(reader, shown).slice(0, 6);
      }
      if (choice.heading < 0) excerpt = pieces;
      else sections.push({ ...(await page.heading(choice.heading)), excerpt: pieces });
    }
    return { page, ranked, ...(excerpt ? { excerpt } : {}), sections, phrases, twins: [] };
  }

  /** A result's link: the page (at a section), carrying the phrases to mark there. */
  link(result: Pick<ShownResult, 'page' | 'phrases'>, id?: string): string {
    const query = result.phrases.map((p) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(p)}`).join('&');
    return `${siteUrl(BASE, result.page.head.p)}${query ? `?${query}` : ''}${id ? fragmentHref(id) : ''}`;
  }
}

/** Where each part follows the one before it, at most two words on (a hyphen between them is a word). */
function chained(parts: number[][]): Occurrence[] {
  const sets = parts.map((positions) => new Set(positions));
  const found: Occurrence[] = [];
  for (const start of [...(parts[0] ?? [])].sort((a, b) => a - b)) {
    let end = start;
    for (const set of sets.slice(1)) {
      const next = set.has(end + 1) ? end + 1 : set.has(end + 2) ? end + 2 : -1;
      if (next < 0) {
        end = -1;
        break;
      }
      end = next;
    }
    if (end >= 0 && !found.some((o) => start < o.start + o.length)) found.push({ start, length: end - start + 1 });
  }
  return found;
}

/** The position around which most of `positions` lie (for a page with the characters apart). */
function densest(positions: number[]): Occurrence | undefined {
  const sorted = [...positions].sort((a, b) => a - b);
  let best: number | undefined;
  let bestCount = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[j]! < sorted[i]! - 24) j += 1;
    if (i - j + 1 > bestCount) {
      bestCount = i - j + 1;
      best = sorted[j];
    }
  }
  return best === undefined ? undefined : { start: best, length: 1 };
}

/** Loads Pagefind and the site's table, or throws (no index: the dev server, or offline before any visit). */
export async function loadSearch(): Promise<SiteSearch> {
  watchBundleFetches();
  const table = fetchText(`search.pf_site?ts=${Date.now()}`).then((text) => JSON.parse(text) as SiteTable);
  const pagefind = (async () => {
    const api = (await import(/* @vite-ignore */ `${PAGEFIND_BUNDLE}pagefind.js`)) as PagefindApi;
    // In the page's own thread: no worker script to download, and each search is a few milliseconds.
    await api.options({ noWorker: true });
    await api.init();
    // A large site's index is in groups of notes (src/lib/search-groups.ts): every group is searched.
    await Promise.all(((await table).groups ?? []).map((folder) => api.mergeIndex(PAGEFIND_BUNDLE + folder)));
    return api;
  })();
  const [api, loaded] = await Promise.all([pagefind, table]);
  return new SiteSearch(api, loaded);
}

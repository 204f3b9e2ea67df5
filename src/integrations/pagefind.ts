/**
 * The search index, written at the end of a build: Pagefind's index of
 * each page's index form (`src/lib/search-index.ts`), then beside it what
 * results show (`src/lib/search-store.ts`: each page's text as written, at
 * Pagefind's word positions, and the table of pages with the folding
 * dictionaries the site needs). What the site's search does not use of
 * Pagefind's output (its fragments, its UIs, its web worker) is removed, so
 * it is neither deployed nor precached.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { listFiles } from '../lib/files.ts';
import { type IndexedGroup, openSearchCache, type SearchCache } from '../lib/search-cache.ts';
import { type DictionaryUse, fullFolding, SiteDictionary } from '../lib/search-dictionary.ts';
import { groupCount, groupFolder, groupOf } from '../lib/search-groups.ts';
import { type PreparedPage, prepareForIndex } from '../lib/search-index.ts';
import { LONG_PAGE_WORDS, type PageRow, type SiteTable, storePage, writePages } from '../lib/search-store.ts';
import { siteUrl } from '../lib/urls.ts';
import { SITE_LANG } from '../site.ts';

const WRITES_IN_FLIGHT = 32;

// What a kept group holds and how is this file's: a change to it indexes every group again.
const THIS_FILE = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('base64url');

/** What search needs to know of a note: its title, categories, and the site paths of its pages. */
export interface NoteForSearch {
  title: string;
  categories: string[];
  paths: string[];
}

/** Pagefind's files the site's search never loads. */
const UNUSED = /^(fragment|playground)$|^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./;
/** Pagefind's runtime: its script and WebAssembly, loaded once for every group. */
const RUNTIME = /^(pagefind\.js|wasm\.[^/]+)$/;

/**
 * What search needs from the network, relative to `out`: `always` for any
 * search (Pagefind's code, page list and every index chunk, the table), and
 * by site path (`生成式ai学习笔记/1-chatgpt-原理剖析/`) the files that show that
 * page in results. What the service worker should keep for offline search
 * of the pages it keeps.
 */
export interface SearchFiles {
  always: string[];
  byPage: Map<string, string[]>;
}

/** A page with note content in a group of the index: its site path, and its note (index into the table's notes). */
interface PageOfGroup {
  sitePath: string;
  note: number;
}

/** A page with note content, as it is given to Pagefind. */
interface PageToIndex extends PageOfGroup {
  /** Its URL relative to the site (Pagefind prefixes its base URL, where its bundle is served, itself). */
  url: string;
  prepared: PreparedPage;
  noteTitle: string;
}

/**
 * Indexes the built pages in `out` into `out/pagefind/`, with what results
 * show: one Pagefind index, or, with `groupPages`, one per group of notes
 * (`search-groups.ts`), a group whose pages did not change since the last
 * build taken from `cache` instead of indexed again.
 */
export async function writeSearchIndex(
  out: string,
  logger: AstroIntegrationLogger,
  notes: NoteForSearch[] = [],
  cache: SearchCache = openSearchCache(undefined, process.cwd()),
  /** About how many pages to a group of the index (none: one index). */
  groupPages?: number,
): Promise<SearchFiles> {
  const started = performance.now();
  const folding = fullFolding();
  const dictionary = new SiteDictionary();
  const hanCounts = new Map<string, number>();
  const categories: string[] = [];
  const noteTitles: string[] = [];
  const noteCategories: number[][] = [];
  const noteOfPath = new Map<string, number>();
  // A note's group goes by its first page, which stays with it whatever other notes come and go.
  const groupNames: string[] = [];
  for (const note of notes) {
    noteCategories.push(
      note.categories.map((category) => {
        const at = categories.indexOf(category);
        return at >= 0 ? at : categories.push(category) - 1;
      }),
    );
    const index = noteTitles.push(note.title) - 1;
    groupNames.push(note.paths[0] ?? note.title);
    for (const page of note.paths) noteOfPath.set(page, index);
  }

  // Pages go to their note's group before they are read, so Pagefind indexes one group while the next is prepared.
  const files = listFiles(out).filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'));
  const groupTotal = groupCount(files.length, groupPages);
  const filesOf = new Map<number, string[]>();
  for (const file of files) {
    const sitePath = file.replace(/index\.html$/, '');
    const note = noteOfPath.get(sitePath);
    const group = groupOf(note === undefined ? sitePath : groupNames[note]!, groupTotal);
    const inGroup = filesOf.get(group);
    if (inGroup) inGroup.push(file);
    else filesOf.set(group, [file]);
  }

  const groups: GroupOfIndex[] = [];
  // One index is made again whole (kept, it would be of use only to a rebuild where no page changed). Pages are given
  // to Pagefind as they are read when no group can be kept; else a group is read only if its pages changed.
  const keeps = groupTotal > 1;
  const streams = !keeps || cache.keptGroups === 0;
  const bundle = path.join(out, 'pagefind');
  const pageDir = path.join(bundle, 'page');
  const placing = new Placing();
  let indexed = 0;
  const results: IndexedGroup[] = [];
  let first = 0;
  // Pagefind's service starts with the first index asked of it, and is closed at the end.
  let serviceStarted = false;
  const newIndex = () => {
    serviceStarted = true;
    return new GroupIndex();
  };
  // A page of no note is titled by its HTML, which its hash covers.
  const noteTitleOf = (sitePath: string) => noteTitles[noteOfPath.get(sitePath) ?? -1] ?? '';
  /** A page's note: a page of no note (an .md page of the site's own) is a note of its own for search. */
  const noteOf = (sitePath: string, title: string | undefined): number => {
    const note = noteOfPath.get(sitePath);
    if (note !== undefined) return note;
    noteCategories.push([]);
    return noteTitles.push(title ?? sitePath) - 1;
  };
  try {
    for (const group of [...filesOf.keys()].sort((x, y) => x - y)) {
      const groupDictionary = new SiteDictionary();
      const han = new Map<string, number>();
      const pages: PageToIndex[] = [];
      /** A page of the group given to Pagefind: what it adds to the site's dictionary and counts noted. */
      const take = (sitePath: string, prepared: PreparedPage): PageToIndex => {
        groupDictionary.record(prepared.folded);
        for (const char of prepared.folded.match(HAN) ?? []) han.set(char, (han.get(char) ?? 0) + 1);
        const note = noteOf(sitePath, prepared.headings[0]?.title);
        const page = { url: siteUrl('/', sitePath), sitePath, prepared, note, noteTitle: noteTitles[note]! };
        pages.push(page);
        return page;
      };
      const streamed = streams ? newIndex() : undefined;
      const read: { sitePath: string; prepared: PreparedPage }[] = [];
      const digests: [string, string][] = [];
      for (const file of filesOf.get(group)!) {
        // A turn for Pagefind's replies between pages, so its service is given its next work without waiting.
        if (streamed || groups.length > 0) await new Promise((resolve) => setImmediate(resolve));
        const absolute = path.join(out, file);
        // A page Astro kept from the last build is neither read nor prepared again: it is known by its hash.
        const built = cache.page(absolute);
        const prepared = cache.prepared(
          built,
          () => readFileSync(absolute, 'utf8'),
          (html) => prepareForIndex(html, folding.fold),
        );
        if (!prepared) continue;
        const sitePath = file.replace(/index\.html$/, '');
        digests.push([sitePath, built.digest]);
        if (streamed) streamed.add(take(sitePath, prepared));
        else read.push({ sitePath, prepared });
      }
      // One index is never kept.
      const key = keeps ? groupKey(digests, noteTitleOf) : '';
      const kept = !streamed && digests.length > 0 ? cache.indexedGroup(key) : undefined;
      if (kept) {
        // What its pages add to the site's dictionary and counts is as kept: only their notes are looked up.
        dictionary.add(kept.dictionary);
        for (const [char, count] of kept.han) hanCounts.set(char, (hanCounts.get(char) ?? 0) + count);
        const known = read.map(({ sitePath, prepared }) => ({
          sitePath,
          note: noteOf(sitePath, prepared.headings[0]?.title),
        }));
        groups.push({ group, pages: known, key, kept });
        continue;
      }
      for (const { sitePath, prepared } of read) take(sitePath, prepared);
      const use = groupDictionary.use();
      dictionary.add(use);
      for (const [char, count] of han) hanCounts.set(char, (hanCounts.get(char) ?? 0) + count);
      if (pages.length === 0) continue;
      const index = streamed ?? newIndex();
      if (!streamed) for (const page of pages) index.add(page);
      const indexing = index.files();
      // Awaited in turn below; one failing meanwhile must not be an unhandled rejection.
      indexing.catch(() => undefined);
      groups.push({ group, pages, key, indexing, dictionary: use, han });
    }
    // No page to index (a new site's home alone): an empty index still, so search loads and finds nothing.
    if (groups.length === 0) {
      const nothing = { dictionary: { chars: '', found: [] }, han: new Map() };
      groups.push({ group: 0, pages: [], key: '', indexing: newIndex().files(), ...nothing });
    }
    first = groups[0]?.group ?? 0;
    mkdirSync(pageDir, { recursive: true });
    for (const made of groups) {
      const { group, key } = made;
      let result: IndexedGroup;
      if (made.kept) {
        result = made.kept;
        for (const page of result.pages)
          for (const { suffix, name } of page.texts)
            await placing.add(cache.placeKept(name, path.join(pageDir, `${page.id}${suffix}.pf_page`)));
      } else {
        const { pages } = made;
        const stored = await storeGroup(pages, await made.indexing, (file, text, named) =>
          placing.add(cache.placeText(text, path.join(pageDir, `${file}.pf_page`)).then(named)),
        );
        result = { ...stored, dictionary: made.dictionary, han: [...made.han] };
        // Every text written, so every name known, before the group is kept.
        await placing.done();
        if (keeps) cache.keepGroup(key, result);
        indexed += pages.length;
      }
      const folder = path.join(bundle, groupFolder(group, first));
      for (const file of result.files) {
        // Pagefind's runtime is loaded once, from the first group's folder.
        if (group !== first && RUNTIME.test(file.path)) continue;
        placing.write(path.join(folder, file.path), file.content);
      }
      results.push(result);
    }
  } finally {
    await placing.done().catch(() => undefined);
    if (serviceStarted) await pagefind.close();
  }

  // Pagefind shortens each page's id as far as its own index allows: two groups can give two pages one id. Rare
  // (about 1% of builds at 2,500 pages); one index then, which lengthens ids where they meet.
  const ids = new Set<string>();
  const collided = results.some((result) => result.pages.some((page) => ids.size === ids.add(page.id).size));
  if (collided) {
    logger.warn('search: two groups of the index gave two pages one id; the index is made whole this build');
    rmSync(bundle, { recursive: true, force: true });
    return writeSearchIndex(out, logger, notes, cache);
  }

  const rows = new Map<string, PageRow>();
  const byPage = new Map<string, string[]>();
  let missed = 0;
  // In id order, as Pagefind's files were read: the same table whichever groups were indexed again.
  const stored = results.flatMap((result) => result.pages).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The notes as numbered in this build (a kept group's were numbered by the build that indexed it).
  const noteOfPage = new Map(groups.flatMap(({ pages }) => pages.map((page) => [page.sitePath, page.note] as const)));
  for (const page of stored) {
    rows.set(page.id, { ...page.row, note: noteOfPage.get(page.sitePath) ?? page.row.note });
    byPage.set(
      page.sitePath,
      page.texts.map(({ suffix }) => `pagefind/page/${page.id}${suffix}.pf_page`),
    );
    missed += page.missed;
  }
  if (missed > 0) logger.warn(`search: ${missed} characters of the index could not be matched with the pages' text`);
  const table: SiteTable = {
    ...writePages(rows),
    notes: noteCategories,
    categories,
    common: commonCharacters(hanCounts),
    fold: dictionary.data(),
    groups: groups.filter(({ group }) => group !== first).map(({ group }) => groupFolder(group, first)),
    ...(groups.length > 1
      ? {
          noteGroups: noteGroupsOf(
            groups.map(({ pages }) => pages),
            noteTitles.length,
          ),
        }
      : {}),
  };
  writeFileSync(path.join(bundle, 'search.pf_site'), gzipSync(JSON.stringify(table)));
  await placing.done();
  cache.save();
  const { hits } = cache;
  const reused =
    hits.pages + hits.texts > 0 ? `, reusing ${hits.pages} prepared pages and ${hits.texts} files of text` : '';
  const inGroups =
    groups.length > 1
      ? ` in ${groups.length} groups (${groups.length - hits.groups} indexed, ${hits.groups} kept)`
      : '';
  const total = stored.length;
  logger.info(
    `indexed ${indexed === total ? indexed : `${indexed} of ${total}`} pages for search${inGroups}${reused} (${Math.round(performance.now() - started)} ms)`,
  );
  const always = listFiles(bundle)
    .filter((file) => !file.startsWith('page/'))
    .map((file) => `pagefind/${file}`);
  return { always, byPage };
}

/** A group of the index as the search step makes it: kept from an earlier build, or given to Pagefind now. */
type GroupOfIndex = { group: number; key: string } & (
  | { kept: IndexedGroup; pages: PageOfGroup[] }
  | {
      kept?: undefined;
      pages: PageToIndex[];
      indexing: Promise<PagefindGroup>;
      /** What the group's pages add to the site's dictionary and character counts, kept with it. */
      dictionary: DictionaryUse;
      han: Map<string, number>;
    }
);

/** Each note's group, by its place among the groups (a note of no page: 0). */
function noteGroupsOf(groups: PageOfGroup[][], notes: number): number[] {
  const of = new Array<number>(notes).fill(0);
  for (const [index, pages] of groups.entries()) for (const page of pages) of[page.note] = index;
  return of;
}

/**
 * What makes a group's index and texts: each page's site path, note title and built HTML (by its hash), and how
 * this file stores them. Not the note's number, which a new note changes for most notes: a kept group's pages are
 * numbered anew.
 */
function groupKey(pages: [sitePath: string, digest: string][], noteTitleOf: (sitePath: string) => string): string {
  const digest = createHash('sha256').update(`${THIS_FILE}\0${SITE_LANG}\0`);
  for (const [sitePath, page] of pages) digest.update(`${sitePath}\0${noteTitleOf(sitePath)}\0${page}\0`);
  return digest.digest('base64url');
}

/** Files written a few dozen at a time: enough to overlap on a slow disk, without holding every page's compressed text. */
class Placing {
  #writes: Promise<unknown>[] = [];
  async add(write: Promise<unknown>): Promise<void> {
    this.#writes.push(write);
    if (this.#writes.length >= WRITES_IN_FLIGHT) await Promise.all(this.#writes.splice(0));
  }
  write(to: string, content: Uint8Array): void {
    mkdirSync(path.dirname(to), { recursive: true });
    this.#writes.push(writeFile(to, content));
  }
  async done(): Promise<void> {
    await Promise.all(this.#writes.splice(0));
  }
}

/** What Pagefind made of a group's pages: its files for the site, and its fragments (compressed), by name. */
interface PagefindGroup {
  files: IndexedGroup['files'];
  fragments: Map<string, Uint8Array>;
}

/** A group's Pagefind index, given its pages one by one as they are read. */
class GroupIndex {
  readonly #index: Promise<pagefind.PagefindIndex>;
  readonly #adding: Promise<void>[] = [];

  constructor() {
    this.#index = pagefind.createIndex({ forceLanguage: SITE_LANG.toLowerCase() }).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      return index;
    });
    // Awaited by `files`, or dropped with the service; failing meanwhile must not be an unhandled rejection.
    this.#index.catch(() => undefined);
  }

  add(page: PageToIndex): void {
    const adding = this.#index.then(async (index) => {
      const added = await index.addHTMLFile({ url: page.url, content: page.prepared.html });
      if (added.errors.length > 0)
        throw new Error(`Pagefind could not index ${page.sitePath}: ${added.errors.join('; ')}`);
    });
    adding.catch(() => undefined);
    this.#adding.push(adding);
  }

  /** Pagefind's files for the site, and its fragments (compressed), by name. */
  async files(): Promise<PagefindGroup> {
    const index = await this.#index;
    await Promise.all(this.#adding);
    // Pagefind's files in memory rather than written: its fragments (one per page) are read here and never
    // published, and thousands of small files written, read back and removed cost seconds on a slow disk.
    const bundled = await index.getFiles();
    if (bundled.errors.length > 0) throw new Error(`Pagefind could not write its index: ${bundled.errors.join('; ')}`);
    // Kept compressed, and read one at a time: all of them read at once were a good part of the build's peak.
    const fragments = new Map<string, Uint8Array>();
    const files: IndexedGroup['files'] = [];
    for (const file of bundled.files) {
      const [top = '', ...rest] = file.path.split('/');
      if (top === 'fragment') fragments.set(rest.join('/'), file.content);
      else if (!UNUSED.test(top)) files.push({ path: file.path, content: file.content });
    }
    return { files, fragments };
  }
}

/**
 * What results show of a group's pages, by Pagefind's page id, from the text Pagefind kept of each page;
 * `placeText` places the text of a page's file (`file`: its name without extension), then calls `named` with
 * the name the cache keeps it by.
 */
async function storeGroup(
  pages: PageToIndex[],
  { files, fragments }: PagefindGroup,
  placeText: (file: string, text: string, named: (name: string) => void) => Promise<void>,
): Promise<Pick<IndexedGroup, 'files' | 'pages'>> {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const stored: IndexedGroup['pages'] = [];
  for (const [id, fragment] of eachFragment(fragments)) {
    const page = byUrl.get(fragment.url);
    if (!page) throw new Error(`search: Pagefind indexed ${fragment.url}, which was not given to it`);
    const result = storePage(fragment.content, page.prepared, page.sitePath, page.noteTitle);
    const texts: IndexedGroup['pages'][number]['texts'] = [];
    for (const { suffix, text } of result.files) {
      const placed = { suffix, name: '' };
      texts.push(placed);
      await placeText(`${id}${suffix}`, text, (name) => {
        placed.name = name;
      });
    }
    const { head } = result;
    stored.push({
      id,
      sitePath: page.sitePath,
      texts,
      missed: result.missed,
      row: {
        note: page.note,
        titleWords: result.titleWords,
        words: head.w,
        traditional: isTraditional(page.prepared),
        ...(head.w > LONG_PAGE_WORDS ? { headings: result.spans } : {}),
      },
    });
    // Stored: what remains of the page is the cache's to keep (if any).
    byUrl.delete(fragment.url);
  }
  return { files, pages: stored };
}

const HAN = /\p{Script=Han}/gu;

/** Whether a page is written in traditional characters: folding changes a good share of its Han characters. */
function isTraditional(page: PreparedPage): boolean {
  const written = [...page.text];
  const folded = [...page.folded];
  let han = 0;
  let changed = 0;
  for (const [index, char] of written.entries()) {
    if (!/\p{Script=Han}/u.test(char)) continue;
    han += 1;
    if (folded[index] !== char) changed += 1;
  }
  return changed >= 3 && changed / han > 0.05;
}

/**
 * The Han characters so frequent that listing where each occurs would slow
 * a search down (的 fills a tenth of a Chinese text): each at least 1% of
 * the site's Han characters.
 */
function commonCharacters(counts: Map<string, number>): string {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return [...counts]
    .filter(([, n]) => n >= total / 100 && total > 20000)
    .sort((a, b) => b[1] - a[1])
    .map(([char]) => char)
    .join('');
}

interface Fragment {
  url: string;
  content: string;
}

/** Every page of Pagefind's fragments, in name order, so the table is the same whatever order Pagefind gives its files in. */
function* eachFragment(fragments: Map<string, Uint8Array>): Generator<[string, Fragment]> {
  for (const name of [...fragments.keys()].sort()) yield* readFragment(name, fragments);
}

/**
 * What a Pagefind fragment file holds (one page, or a group of pages), by page id in id order; the file is
 * forgotten once read, so only the pages being stored are held in full.
 */
function* readFragment(name: string, fragments: Map<string, Uint8Array>): Generator<[string, Fragment]> {
  const content = fragments.get(name);
  if (!content) return;
  fragments.delete(name);
  const bytes = gunzipSync(content);
  // Pagefind's files start with a signature before the JSON.
  const json = JSON.parse(bytes.subarray(bytes.indexOf('{'.charCodeAt(0))).toString('utf8')) as
    | Fragment
    | Record<string, Fragment>;
  if (typeof json.url === 'string') yield [name.replace(/\.pf_fragment$/, ''), json as Fragment];
  else yield* Object.entries(json as Record<string, Fragment>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

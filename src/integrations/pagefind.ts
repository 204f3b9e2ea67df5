/**
 * The search index, written at the end of a build: Pagefind's index of
 * each page's index form (`src/lib/search-index.ts`), then beside it what
 * results show (`src/lib/search-store.ts`: each page's text as written, at
 * Pagefind's word positions, and the table of pages with the folding
 * dictionaries the site needs). What the site's search does not use of
 * Pagefind's output (its fragments, its UIs, its web worker) is removed, so
 * it is neither deployed nor precached.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { listFiles } from '../lib/files.ts';
import { openSearchCache, type SearchCache } from '../lib/search-cache.ts';
import { fullFolding, SiteDictionary } from '../lib/search-dictionary.ts';
import { type PreparedPage, prepareForIndex } from '../lib/search-index.ts';
import { LONG_PAGE_WORDS, type PageRow, type SiteTable, storePage, writePages } from '../lib/search-store.ts';
import { siteUrl } from '../lib/urls.ts';
import { SITE_LANG } from '../site.ts';

const WRITES_IN_FLIGHT = 32;

// Pagefind's service indexes several files at once; a few in flight keep it busy.
const INDEX_BATCH = 16;

/** What search needs to know of a note: its title, categories, and the site paths of its pages. */
export interface NoteForSearch {
  title: string;
  categories: string[];
  paths: string[];
}

/** Pagefind's files the site's search never loads. */
const UNUSED = /^(fragment|playground)$|^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./;

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

/** Indexes the built pages in `out` into `out/pagefind/`, with what results show. */
export async function writeSearchIndex(
  out: string,
  logger: AstroIntegrationLogger,
  notes: NoteForSearch[] = [],
  cache: SearchCache = openSearchCache(undefined, process.cwd()),
): Promise<SearchFiles> {
  const started = performance.now();
  const folding = fullFolding();
  const dictionary = new SiteDictionary();
  const hanCounts = new Map<string, number>();
  const categories: string[] = [];
  const noteTitles: string[] = [];
  const noteCategories: number[][] = [];
  const noteOfPath = new Map<string, number>();
  for (const note of notes) {
    noteCategories.push(
      note.categories.map((category) => {
        const at = categories.indexOf(category);
        return at >= 0 ? at : categories.push(category) - 1;
      }),
    );
    const index = noteTitles.push(note.title) - 1;
    for (const page of note.paths) noteOfPath.set(page, index);
  }

  const { index, errors } = await pagefind.createIndex({ forceLanguage: SITE_LANG.toLowerCase() });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const pages = new Map<string, { prepared: PreparedPage; sitePath: string }>();
  const files = listFiles(out).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
  for (let start = 0; start < files.length; start += INDEX_BATCH) {
    await Promise.all(
      files.slice(start, start + INDEX_BATCH).map(async (file) => {
        const prepared = cache.prepared(readFileSync(path.join(out, file), 'utf8'), (html) =>
          prepareForIndex(html, folding.fold),
        );
        if (!prepared) return;
        dictionary.record(prepared.folded);
        for (const char of prepared.folded.match(HAN) ?? []) hanCounts.set(char, (hanCounts.get(char) ?? 0) + 1);
        const sitePath = file.replace(/index\.html$/, '');
        // Relative to the site: Pagefind prefixes its base URL (where its bundle is served) itself.
        const url = siteUrl('/', sitePath);
        pages.set(url, { prepared, sitePath });
        const added = await index.addHTMLFile({ url, content: prepared.html });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
      }),
    );
  }
  const bundle = path.join(out, 'pagefind');
  // Pagefind's files in memory rather than written: its fragments (one per page) are read here and never
  // published, and thousands of small files written, read back and removed cost seconds on a slow disk.
  const bundled = await index.getFiles();
  if (bundled.errors.length > 0) throw new Error(`Pagefind could not write its index: ${bundled.errors.join('; ')}`);
  await pagefind.close();
  // Kept compressed, and read one at a time below: all of them read at once were a good part of the build's peak.
  const fragments = new Map<string, Uint8Array>();
  const bundleWrites: Promise<void>[] = [];
  for (const file of bundled.files) {
    const [top = '', ...rest] = file.path.split('/');
    if (top === 'fragment') fragments.set(rest.join('/'), file.content);
    else if (!UNUSED.test(top)) {
      const to = path.join(bundle, file.path);
      mkdirSync(path.dirname(to), { recursive: true });
      bundleWrites.push(writeFile(to, file.content));
    }
  }
  bundled.files.length = 0;

  // What results show, by Pagefind's page id, from the text Pagefind kept of each page.
  const pageDir = path.join(bundle, 'page');
  mkdirSync(pageDir, { recursive: true });
  let missed = 0;
  const rows = new Map<string, PageRow>();
  // Thousands of small files: written (and compressed) several at a time, since creating a file is slow on
  // some file systems and the work waits on it, not on the processor.
  const writes: Promise<void>[] = [];
  const byPage = new Map<string, string[]>();
  const indexed = pages.size;
  for (const [id, fragment] of eachFragment(fragments)) {
    const page = pages.get(fragment.url);
    if (!page) {
      await Promise.allSettled(writes);
      throw new Error(`search: Pagefind indexed ${fragment.url}, which was not given to it`);
    }
    let note = noteOfPath.get(page.sitePath);
    if (note === undefined) {
      note = noteTitles.push(page.prepared.headings[0]?.title ?? page.sitePath) - 1;
      noteCategories.push([]);
    }
    const stored = storePage(fragment.content, page.prepared, page.sitePath, { index: note, title: noteTitles[note]! });
    missed += stored.missed;
    byPage.set(
      page.sitePath,
      stored.files.map(({ suffix }) => `pagefind/page/${id}${suffix}.pf_page`),
    );
    for (const { suffix, text } of stored.files)
      writes.push(cache.placeText(text, path.join(pageDir, `${id}${suffix}.pf_page`)));
    // A few dozen at a time: enough to overlap, without piling up every page's compressed text as well.
    if (writes.length >= WRITES_IN_FLIGHT) await Promise.all(writes.splice(0));
    const { head } = stored;
    rows.set(id, {
      note,
      titleWords: stored.titleWords,
      words: head.w,
      traditional: isTraditional(page.prepared),
      ...(head.w > LONG_PAGE_WORDS ? { headings: stored.spans } : {}),
    });
    // Stored: what remains of the page is the cache's to keep (if any).
    pages.delete(fragment.url);
  }
  if (missed > 0) logger.warn(`search: ${missed} characters of the index could not be matched with the pages' text`);
  const table: SiteTable = {
    ...writePages(rows),
    notes: noteCategories,
    categories,
    common: commonCharacters(hanCounts),
    fold: dictionary.data(),
  };
  writeFileSync(path.join(bundle, 'search.pf_site'), gzipSync(JSON.stringify(table)));
  await Promise.all([...writes, ...bundleWrites]);
  cache.save();
  const { hits } = cache;
  const reused =
    hits.pages + hits.texts > 0 ? `, reusing ${hits.pages} prepared pages and ${hits.texts} files of text` : '';
  logger.info(`indexed ${indexed} pages for search${reused} (${Math.round(performance.now() - started)} ms)`);
  const always = listFiles(bundle)
    .filter((file) => !file.startsWith('page/'))
    .map((file) => `pagefind/${file}`);
  return { always, byPage };
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

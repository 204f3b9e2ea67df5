/**
 * Remembers, between builds of one site, what the search step made of its
 * pages, so a rebuild after editing one note redoes that note's pages only:
 * - each built page's hash, by its file's size, modification time and inode:
 *   a page Astro kept from the last build is not read again;
 * - each page as prepared for Pagefind (`search-index.ts`), by the hash of
 *   the built page and of the pipeline (`pipelineFingerprint`): one file,
 *   read once and written once, since thousands of small files are what a
 *   slow disk makes expensive;
 * - each compressed file of text that results show (`search-store.ts`), by
 *   the hash of its text: hard-linked into the output instead of compressed
 *   and written again (a link costs a tenth of a written file here).
 * - what Pagefind made of each group of pages (`search-groups.ts`), by the
 *   hash of the group's pages: its index files, what results show of each
 *   page (the texts by name) and what its pages add to the site's folding
 *   dictionary, so a group whose pages did not change is neither read nor
 *   given to Pagefind again.
 * Only what the last build used is kept. A cache that cannot be read or
 * written costs time, never the build.
 */
import { createHash } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { gzip } from 'node:zlib';
import { removeUnused, timeTellsChanges } from './files.ts';
import { pipelineFingerprint } from './note-cache.ts';
import type { DictionaryUse } from './search-dictionary.ts';
import type { PreparedPage } from './search-index.ts';
import type { PageRow } from './search-store.ts';

const gzipAsync = promisify(gzip);

/** A built page as the search step meets it: the hash of its HTML, and the HTML if it had to be read. */
export interface BuiltPage {
  digest: string;
  html?: string;
}

export interface SearchCache {
  /** The built page `file` (absolute): read, unless an earlier build recorded its hash and it has not changed since. */
  page(file: string): BuiltPage;
  /** The page an earlier build prepared from exactly this HTML, or what `prepare` makes of it (`read` if need be). */
  prepared(
    page: BuiltPage,
    read: () => string,
    prepare: (html: string) => PreparedPage | undefined,
  ): PreparedPage | undefined;

  /** Writes `text` compressed to `to`, or links the file an earlier build wrote of the same text; gives the text's name. */
  placeText(text: string, to: string): Promise<string>;
  /** Places at `to` the text an earlier build kept under `name` (a group's, from `indexedGroup`). */
  placeKept(name: string, to: string): Promise<void>;
  /** What an earlier build made of the group of pages with this key, if it and every text it names are kept. */
  indexedGroup(key: string): IndexedGroup | undefined;
  /** Keeps what this build made of a group of pages, for the next. */
  keepGroup(key: string, group: IndexedGroup): void;
  /** How many groups the last build kept (none: no group can be taken from it). */
  readonly keptGroups: number;
  /** Keeps what this build used for the next, and forgets the rest. */
  save(): void;
  /** Pages this build did not prepare, and texts it did not write (kept by an earlier build, or the same text met twice). */
  readonly hits: { pages: number; texts: number; groups: number };
}

// Another site's cache (another notes or output folder) nobody has built for this long is removed.
const UNUSED_DAYS = 14;
const PREPARED_FILE = 'prepared.v8';
const TEXTS_DIR = 'texts';
const GROUPS_DIR = 'groups';

/** What the search step made of one group of pages: Pagefind's files for it and what results show of each page. */
export interface IndexedGroup {
  /** Pagefind's files, relative to the group's index (its fragments left out). */
  files: { path: string; content: Uint8Array }[];
  /** What its pages add to the site's folding dictionary, and how often each Han character is in them. */
  dictionary: DictionaryUse;
  han: [string, number][];
  pages: {
    /** Pagefind's page id. */
    id: string;
    sitePath: string;
    row: PageRow;
    /** The page's files of text: the suffix of each file's name, and the name the cache keeps it by. */
    texts: { suffix: string; name: string }[];
    /** Characters of the index not matched with the page's text. */
    missed: number;
  }[];
}

/** A search cache in `dir` (none: nothing remembered; every page prepared and every text written). */
export function openSearchCache(dir: string | undefined, root: string): SearchCache {
  if (!dir) return uncached();
  // A build saves into its site's folder, which keeps the folder's time of change recent.
  removeUnused(path.dirname(dir), UNUSED_DAYS, { keep: (name) => name === path.basename(dir) });
  const texts = path.join(dir, TEXTS_DIR);
  const groups = path.join(dir, GROUPS_DIR);
  const fingerprint = pipelineFingerprint(root);
  let earlier = new Map<string, PreparedPage>();
  let earlierFiles = new Map<string, KnownFile>();
  let keptTexts = new Set<string>();
  let keptGroups = 0;
  try {
    mkdirSync(texts, { recursive: true });
    mkdirSync(groups, { recursive: true });
    keptTexts = new Set(readdirSync(texts));
    keptGroups = readdirSync(groups).filter((name) => name.endsWith('.v8')).length;
    const stored = deserialize(readFileSync(path.join(dir, PREPARED_FILE))) as {
      fingerprint: string;
      pages: Map<string, PreparedPage>;
      files: Map<string, KnownFile>;
    };
    if (stored.fingerprint === fingerprint && stored.files instanceof Map) {
      earlier = stored.pages;
      earlierFiles = stored.files;
    }
  } catch {
    // First build, or an unreadable cache: prepare every page.
  }
  const used = new Map<string, PreparedPage | undefined>();
  const usedFiles = new Map<string, KnownFile>();
  const usedTexts = new Set<string>();
  const usedGroups = new Set<string>();
  // Whether texts can be linked from the cache into the output; `written` names files being written aside.
  let linking = true;
  let written = 0;
  // A group's file is named by its key and the pipeline's fingerprint: a changed pipeline indexes every group again.
  const groupFile = (key: string) => `${hash(`${fingerprint}\0${key}`)}.v8`;
  const whole = (group: IndexedGroup) =>
    group.pages.every((page) => page.texts.every(({ name }) => keptTexts.has(name)));
  /** Links the kept text `name` to `to`, if texts can be linked and it is kept. */
  const linkKept = (name: string, to: string): boolean => {
    if (!linking) return false;
    try {
      linkSync(path.join(texts, name), to);
      return true;
    } catch {
      return false;
    }
  };
  const hits = { pages: 0, texts: 0, groups: 0 };

  return {
    page(file) {
      const stat = statSync(file);
      const known = earlierFiles.get(file);
      if (known && known.signature === signatureOf(stat)) {
        usedFiles.set(file, known);
        return { digest: known.digest };
      }
      const html = readFileSync(file, 'utf8');
      const digest = hash(html);
      if (timeTellsChanges(stat)) usedFiles.set(file, { signature: signatureOf(stat), digest });
      return { digest, html };
    },
    prepared(built, read, prepare) {
      const key = built.digest;
      if (used.has(key)) return used.get(key);
      let page = earlier.get(key);
      if (page || earlier.has(key)) hits.pages += 1;
      else page = prepare(built.html ?? read());
      used.set(key, page);
      return page;
    },

    async placeText(text, to) {
      const name = `${hash(text)}.pf_page`;
      usedTexts.add(name);
      const kept = path.join(texts, name);
      if (linkKept(name, to)) {
        hits.texts += 1;
        return name;
      }
      // Not kept yet: kept below.
      const compressed = await gzipAsync(text);
      if (linking) {
        // Kept first (written aside, then renamed) and linked from there: the cache only ever holds whole files
        // this build wrote itself, whatever happens to the output meanwhile.
        try {
          const partial = `${kept}.${process.pid}.${++written}.tmp`;
          await writeFile(partial, compressed);
          renameSync(partial, kept);
          await rm(to, { force: true });
          linkSync(kept, to);
          keptTexts.add(name);
          return name;
        } catch {
          // Another file system than the output's, or no links: the cache cannot spare this build any writing.
          linking = false;
        }
      }
      await writeNew(to, compressed);
      return name;
    },
    async placeKept(name, to) {
      usedTexts.add(name);
      hits.texts += 1;
      if (linkKept(name, to)) return;
      await rm(to, { force: true });
      await copyFile(path.join(texts, name), to);
    },
    indexedGroup(key) {
      const file = groupFile(key);
      try {
        const group = deserialize(readFileSync(path.join(groups, file))) as IndexedGroup;
        // Only whole: a group whose texts are gone (a cache pruned by hand) is indexed again.
        if (!whole(group)) return undefined;
        usedGroups.add(file);
        hits.groups += 1;
        return group;
      } catch {
        return undefined;
      }
    },
    keepGroup(key, group) {
      const file = groupFile(key);
      usedGroups.add(file);
      // Only if every text is kept (a build that cannot link texts keeps none), so a kept group is always whole.
      if (!whole(group)) return;
      try {
        const partial = path.join(groups, `${file}.${process.pid}.tmp`);
        writeFileSync(partial, serialize(group));
        renameSync(partial, path.join(groups, file));
      } catch {
        // Not kept: the next build indexes this group again.
      }
    },
    save() {
      try {
        const partial = path.join(dir, `${PREPARED_FILE}.${process.pid}.tmp`);
        // Pages without note content are remembered too (as undefined), so they are not parsed again.
        writeFileSync(partial, serialize({ fingerprint, pages: used, files: usedFiles }));
        renameSync(partial, path.join(dir, PREPARED_FILE));
        // Texts this build did not use go, and whatever a stopped build left half written.
        for (const name of readdirSync(texts)) if (!usedTexts.has(name)) unlinkSync(path.join(texts, name));
        for (const name of readdirSync(groups)) if (!usedGroups.has(name)) unlinkSync(path.join(groups, name));
        for (const name of readdirSync(dir)) if (name.endsWith('.tmp')) unlinkSync(path.join(dir, name));
      } catch {
        // Not saved: the next build does the work again.
      }
    },
    hits,
    keptGroups,
  };
}

function uncached(): SearchCache {
  return {
    page: (file) => ({ digest: '', html: readFileSync(file, 'utf8') }),
    prepared: (page, read, prepare) => prepare(page.html ?? read()),
    placeText: async (text, to) => {
      await writeNew(to, await gzipAsync(text));
      return '';
    },
    placeKept: () => Promise.reject(new Error('search cache: nothing is kept without a cache folder')),
    indexedGroup: () => undefined,
    keepGroup: () => {},
    keptGroups: 0,
    save: () => {},
    hits: { pages: 0, texts: 0, groups: 0 },
  };
}

/** Writes a new file at `to`: whatever was there is unlinked first, never written over, since it may be a link to a kept file. */
async function writeNew(to: string, bytes: Uint8Array): Promise<void> {
  await rm(to, { force: true });
  await writeFile(to, bytes);
}

/** A built page's file as an earlier build read it: what it was (`signatureOf`), and the hash of its HTML. */
interface KnownFile {
  signature: string;
  digest: string;
}

/** What tells a changed file from the same: a page Astro writes again gets a new modification time. */
function signatureOf(stat: Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
}

function hash(text: string): string {
  return createHash('sha256').update(process.version).update('\0').update(text).digest('base64url').slice(0, 32);
}

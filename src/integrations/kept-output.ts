/**
 * A rebuild writes into the output folder the last build left, keeping its
 * pages. Astro's incremental build (`experimental.incrementalBuild`) skips a
 * page whose note did not change, but after emptying the output it copies
 * every such page back from its cache: at 500 notes, 3,000 files removed and
 * copied again, seconds on a slow disk, for the same bytes. Astro skips the
 * copy when the page is already in the output, so the output is not emptied
 * (Vite's `emptyOutDir: false`) and this module does what emptying did:
 *
 * - before the build, the output is emptied as Astro would, unless the
 *   last build into it succeeded, was of the same notes, and Astro's cache
 *   still says what it said then (its manifest is unchanged since): then
 *   only its pages (`.html`) and the files the record lists are kept (the
 *   figures, by what they were placed from: `output-figures.ts`; the offline
 *   manifests, by what they hold: `offline-manifest.ts`), everything else is
 *   made again;
 * - after the build, the kept pages this build did not make (a removed note,
 *   a renamed chapter) are removed, with the folders they leave empty.
 *
 * The record is one per output folder, removed when any build into it
 * starts and written when one succeeds: after a failed build, or a build
 * without Astro's incremental build, the next one starts from empty.
 */
import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Astro's record of its incremental build, in its cache folder. */
const ASTRO_MANIFEST = 'incremental-build.json';

/** What an emptied output keeps: a Git work tree's own folder (Astro's emptying means to keep it too). */
const NEVER_EMPTIED = new Set(['.git']);

/** What identifies Astro's cache as it is now: its manifest's hash (none: no incremental build recorded). */
export function astroCacheState(astroCacheDir: string): string | undefined {
  try {
    return createHash('sha256')
      .update(readFileSync(path.join(astroCacheDir, ASTRO_MANIFEST)))
      .digest('hex');
  } catch {
    return undefined;
  }
}

/** Files besides pages kept in an output for the next build, by kind (`figures`, …), each with what it is compared by. */
export type KeptFiles = Record<string, Map<string, string>>;

/** What a build into an output finds kept in it. */
export interface KeptOutput {
  /** The pages (none: the output was emptied). */
  pages: string[];
  /** The other files the last build recorded and this one finds, by kind. */
  files: KeptFiles;
}

/**
 * Readies `out` for a build: keeps its pages and the files recorded with
 * them when `record` (where the last successful build into `out` noted what
 * it was built from) says `expected`, else empties it. The record is
 * removed either way, until the build succeeds.
 */
export function prepareOutput(out: string, record: string, expected: string | undefined): KeptOutput {
  const recorded = readRecord(record);
  forgetOutput(record);
  const keep = expected !== undefined && recorded?.builtFrom === expected;
  const kept: KeptOutput = { pages: [], files: {} };
  const recordedFiles = new Map<string, { kind: string; what: string }>();
  if (keep)
    for (const [kind, files] of Object.entries(recorded.files)) {
      kept.files[kind] = new Map();
      for (const [file, what] of files) recordedFiles.set(file, { kind, what });
    }
  removeFrom(out, '', (file) => {
    if (!keep) return false;
    if (isPage(file)) kept.pages.push(file);
    else {
      const recordedFile = recordedFiles.get(file);
      if (!recordedFile) return false;
      kept.files[recordedFile.kind]?.set(file, recordedFile.what);
    }
    return true;
  });
  return kept;
}

/**
 * Notes, once a build into an output has succeeded, what it was built from (none: nothing to keep it by), and the
 * files besides its pages to keep, each with what the next build compares it by.
 */
export function recordOutput(record: string, builtFrom: string | undefined, files: KeptFiles = {}): void {
  if (builtFrom === undefined) return;
  const listed = Object.fromEntries(Object.entries(files).map(([kind, kept]) => [kind, [...kept]]));
  writeFileSync(record, JSON.stringify({ builtFrom, files: listed }));
}

/** Removes a file kept from the last build that this build does not make, and the folders it leaves empty. */
export function removeKept(out: string, file: string): void {
  rmSync(path.join(out, file), { force: true });
  for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
    try {
      rmdirSync(path.join(out, dir));
    } catch {
      // Not empty: what is left in it is in use.
      break;
    }
  }
}

/** Forgets what an output was built from: the next build into it starts from empty. */
export function forgetOutput(record: string): void {
  rmSync(record, { force: true });
}

/**
 * Removes from `out` the pages kept from the last build (`kept`) that this
 * build did not make (`made`: paths relative to `out`, with `/`), then the
 * folders they leave empty; returns how many pages went. Nothing else is
 * touched: every other file was made by this build. A kept name that is
 * the same file as a page made (a note renamed only in case, where the file
 * system ignores case) stays.
 */
export function removeStalePages(out: string, kept: string[], made: Set<string>): number {
  let removed = 0;
  let madeFiles: Set<string> | undefined;
  for (const page of kept) {
    if (made.has(page)) continue;
    madeFiles ??= new Set([...made].map((file) => fileId(path.join(out, file))));
    const id = fileId(path.join(out, page));
    if (id && madeFiles.has(id)) continue;
    removeKept(out, page);
    removed += 1;
  }
  return removed;
}

/** Which file a path is (none: nothing there). */
function fileId(file: string): string {
  try {
    const { dev, ino } = statSync(file);
    return `${dev}:${ino}`;
  } catch {
    return '';
  }
}

function readRecord(record: string): { builtFrom: string; files: Record<string, [string, string][]> } | undefined {
  try {
    const { builtFrom, files } = JSON.parse(readFileSync(record, 'utf8')) as {
      builtFrom: string;
      files: Record<string, [string, string][]>;
    };
    const listed = typeof files === 'object' && files !== null && Object.values(files).every(Array.isArray);
    return typeof builtFrom === 'string' && listed ? { builtFrom, files } : undefined;
  } catch {
    // None, or written by an older build: nothing kept.
    return undefined;
  }
}

const isPage = (file: string) => file.endsWith('.html');

/**
 * Removes what is under `dir` (relative to `out`) except the files `keeps`
 * and what is never emptied; removes a folder left empty. Returns whether
 * anything is left in `dir`.
 */
function removeFrom(out: string, dir: string, keeps: (file: string) => boolean): boolean {
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(out, dir), { withFileTypes: true });
  } catch {
    return false;
  }
  let left = false;
  for (const entry of entries) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    const absolute = path.join(out, relative);
    if (!dir && NEVER_EMPTIED.has(entry.name)) left = true;
    else if (entry.isDirectory()) {
      if (removeFrom(out, relative, keeps)) left = true;
      else rmdirSync(absolute);
    } else if (keeps(relative)) left = true;
    else rmSync(absolute, { force: true });
  }
  return left;
}

/**
 * A rebuild writes into the output folder the last build left, keeping its
 * pages. Astro's incremental build (`experimental.incrementalBuild`) skips a
 * page whose note did not change, but after emptying the output it copies
 * every such page back from its cache: at 500 notes, 3,000 files removed and
 * copied again, seconds on a slow disk, for the same bytes. Astro skips the
 * copy when the page is already in the output, so the output is not emptied
 * (Vite's `emptyOutDir: false`) and this module does what emptying did:
 *
 * - before the build, the output is emptied as Astro would, unless it is the
 *   output of the last successful build of this site and Astro's cache still
 *   says what that build said (its manifest is unchanged since): then only
 *   its pages (`.html`) are kept, everything else is made again;
 * - after the build, the pages this build did not make (a removed note, a
 *   renamed chapter) are removed, with the folders they leave empty.
 *
 * A build that fails leaves no record, so the next one starts from empty.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Astro's record of its incremental build, in its cache folder. */
const ASTRO_MANIFEST = 'incremental-build.json';

/** Files and folders an emptied output keeps, as Astro's own emptying does. */
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

/**
 * Readies `out` for a build: keeps its pages when `record` (where the last
 * successful build noted Astro's cache state) matches `cacheState`, else
 * empties it. The record is removed either way, until the build succeeds.
 */
export function prepareOutput(out: string, record: string, cacheState: string | undefined): 'kept' | 'emptied' {
  let recorded: string | undefined;
  try {
    recorded = readFileSync(record, 'utf8');
  } catch {
    recorded = undefined;
  }
  rmSync(record, { force: true });
  const keep = cacheState !== undefined && recorded === cacheState;
  removeFrom(out, '', (file) => keep && isPage(file));
  return keep ? 'kept' : 'emptied';
}

/** Notes, once a build has succeeded, what state of Astro's cache its output matches. */
export function recordOutput(record: string, cacheState: string | undefined): void {
  if (cacheState !== undefined) writeFileSync(record, cacheState);
}

/**
 * Removes from `out` every page not in `made` (paths relative to `out`, with
 * `/`), then the folders left empty; returns how many pages went.
 */
export function removeStalePages(out: string, made: Set<string>): number {
  let removed = 0;
  removeFrom(out, '', (file) => {
    if (!isPage(file) || made.has(file)) return true;
    removed += 1;
    return false;
  });
  return removed;
}

const isPage = (file: string) => file.endsWith('.html');

/**
 * Removes what is under `dir` (relative to `out`) except the files `keeps`
 * and what is never emptied; removes a folder left empty. Returns whether
 * anything is left in `dir`.
 */
function removeFrom(out: string, dir: string, keeps: (file: string) => boolean): boolean {
  let entries: import('node:fs').Dirent[];
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

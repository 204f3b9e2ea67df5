/**
 * The one way the site walks a folder: the notes folder, the built site, a
 * benchmark's output. Links are followed as the operating system would
 * (a linked folder of notes is read like any other), each real folder once,
 * so a link that points back up cannot loop.
 */
import { mkdirSync, readdirSync, realpathSync, rmSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';

export interface ListOptions {
  /** Folders not to enter, by name (default: none). */
  skipFolder?: (name: string) => boolean;
}

/** Every file under `dir`, relative to it with `/` separators, sorted; none if `dir` does not exist. */
export function listFiles(dir: string, options: ListOptions = {}): string[] {
  const found: string[] = [];
  const entered = new Set<string>();
  const walk = (relative: string) => {
    const absolute = path.join(dir, relative);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      return;
    }
    if (entered.has(real)) return;
    entered.add(real);
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path.join(dir, child));
          isFolder = target.isDirectory();
          isFile = target.isFile();
        } catch {
          // A link to nothing: there is no file to list.
          continue;
        }
      }
      if (isFolder && !options.skipFolder?.(entry.name)) walk(child);
      else if (isFile) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

export interface RemoveOptions {
  /** Names kept whatever their age (the folder in use). */
  keep?: (name: string) => boolean;
  /** Names removed whatever their age (what a stopped build left half written). */
  always?: (name: string) => boolean;
}

/**
 * Removes each file or folder directly in `dir` not changed for `days` days, so
 * a cache does not grow without end; nothing if `dir` does not exist.
 */
export function removeUnused(dir: string, days: number, options: RemoveOptions = {}): void {
  const oldest = Date.now() - days * 24 * 60 * 60 * 1000;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (options.keep?.(name)) continue;
    const entry = path.join(dir, name);
    try {
      if (options.always?.(name) || statSync(entry).mtimeMs < oldest) rmSync(entry, { recursive: true, force: true });
    } catch {
      // Removed by someone else meanwhile.
    }
  }
}

/**
 * Makes the folder of each file about to be written, asking the file system once per folder: asked again for each
 * of thousands of files, it was a good part of writing them.
 */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const folder = path.dirname(file);
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}

/**
 * Whether a file's modification time tells the next build of a later change: not when its file system keeps whole
 * seconds and it was written in the last two, since a file written again within the same second looks the same.
 */
export function timeTellsChanges(stat: Pick<Stats, 'mtimeMs'>): boolean {
  return stat.mtimeMs % 1000 !== 0 || Date.now() - stat.mtimeMs > 2000;
}

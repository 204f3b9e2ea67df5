/**
 * The one way the site walks a folder: the notes folder, the built site, a
 * benchmark's output. Links are followed as the operating system would
 * (a linked folder of notes is read like any other), each real folder once,
 * so a link that points back up cannot loop.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
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

/** Reading built pages: list them, parse them, query them. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export { select, selectAll, toText };

/** Every `.html` file under `dir`, relative, posix separators. */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.html')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

const cache = new Map<string, Root>();

/** The parsed page at `file` (absolute path). */
export function page(file: string): Root {
  let tree = cache.get(file);
  if (!tree) {
    tree = fromHtml(readFileSync(file, 'utf8'));
    cache.set(file, tree);
  }
  return tree;
}

/** Text without any whitespace, to compare prose regardless of line breaks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** `#fdfcf8` as the browser reports a computed colour: `rgb(253, 252, 248)`. */
export function cssRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

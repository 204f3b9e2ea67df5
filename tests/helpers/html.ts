/** Reading built pages: list them, parse them, query them. */
import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { listFiles } from '../../src/lib/files.ts';

export { select, selectAll, toText };

/** Every `.html` file under `dir`, relative, posix separators. */
export function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((file) => file.endsWith('.html'));
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

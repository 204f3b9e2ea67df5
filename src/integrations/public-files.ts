/**
 * The site's static files reach readers through Astro's own `public`
 * mechanism (the dev server serves the folder; the build copies it), not a
 * file server of ours; in a build, figures are linked into the output
 * instead (`linkFiles`), which is much faster than Vite's copy. This
 * assembles a public folder from the project's
 * `public/`, the figures the notes use (under `figures/`, with their smaller
 * copies beside them) and, when a page
 * has math, KaTeX's stylesheet and fonts (under `katex/`). Files are
 * hard-linked where the file system allows, so assembling costs next to
 * nothing, and copied where it does not; an SVG figure with something to
 * remove (a script, a reference elsewhere: `src/lib/sanitize-svg.ts`) is
 * written as its sanitized copy instead, kept by content hash.
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listFiles } from '../lib/files.ts';
import { sanitizedSvgFile } from '../lib/sanitize-svg.ts';
import { figurePath, katexStylesheetPath } from '../lib/urls.ts';

export interface PublicFiles {
  /** The project's own `public/` folder (none: not in this folder). */
  projectPublic?: string;
  notesDir: string;
  /** Figures used by the notes, relative to the notes folder. */
  figures: string[];
  /** Whether any page has math, so KaTeX's files are needed. */
  katex: boolean;
  /** Files made by the build (smaller copies of figures), and where each goes. */
  made?: { from: string; to: string }[];
  /** Where sanitized SVG figures are kept between builds (none: sanitized in memory). */
  svgCacheDir?: string | undefined;
}

/** Fills `target` (emptied first) with every public file; returns how many. */
export function assemblePublicFiles(target: string, files: PublicFiles): number {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  let count = 0;
  const place = (from: string, relative: string) => {
    linkFile(from, path.join(target, relative));
    count += 1;
  };
  if (files.projectPublic) {
    for (const file of listFiles(files.projectPublic)) place(path.join(files.projectPublic, file), file);
  }
  for (const figure of files.figures) {
    const source = path.join(files.notesDir, figure);
    const sanitized = figure.toLowerCase().endsWith('.svg') ? sanitizedSvgFile(source, files.svgCacheDir) : undefined;
    if (!sanitized?.removed.length) {
      place(source, figurePath(figure));
      continue;
    }
    const to = path.join(target, figurePath(figure));
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, sanitized.svg);
    count += 1;
  }
  for (const file of files.made ?? []) place(file.from, file.to);
  if (files.katex) {
    const dist = path.dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
    const stylesheet = path.join(target, katexStylesheetPath);
    mkdirSync(path.dirname(stylesheet), { recursive: true });
    writeFileSync(stylesheet, woff2Only(readFileSync(path.join(dist, 'katex.min.css'), 'utf8')));
    count += 1;
    const fonts = path.join(path.dirname(katexStylesheetPath), 'fonts');
    for (const font of listFiles(path.join(dist, 'fonts')).filter((name) => name.endsWith('.woff2'))) {
      place(path.join(dist, 'fonts', font), path.posix.join(fonts, font));
    }
  }
  return count;
}

/** KaTeX's stylesheet naming only its WOFF2 fonts, which every browser the site supports reads. */
export function woff2Only(css: string): string {
  return css.replace(/,url\(fonts\/[^)]+\.woff\) format\("woff"\),url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g, '');
}

/**
 * Puts every file of `source` into `target` at the same place, hard-linked
 * where it can be, leaving what `target` has already; returns how many. Why
 * a build does this for figures instead of Vite's copy of the public folder:
 * Vite copies file by file, about 6 s for the 10,500 figures of 500 notes,
 * where links take a fraction of a second.
 */
export function linkFiles(source: string, target: string): number {
  let count = 0;
  // Whether this file system makes copy-on-write clones: asked of the first file only, since a refused clone
  // still creates and removes the target, which tripled the cost of every figure on a file system without them.
  let clones: boolean | undefined;
  const folders = new Set<string>();
  for (const file of listFiles(source)) {
    const to = path.join(target, file);
    if (existsSync(to)) continue;
    const from = path.join(source, file);
    const folder = path.dirname(to);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    count += 1;
    if (clones !== false) {
      try {
        // A clone where the file system makes one (as cheap as a link), so the output never shares its bytes
        // with the author's figures; elsewhere a hard link (the output is not to be edited in place).
        copyFileSync(from, to, constants.COPYFILE_FICLONE_FORCE);
        clones = true;
        continue;
      } catch {
        clones = false;
      }
    }
    linkFile(from, to);
  }
  return count;
}

function linkFile(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    // Another file system, or links not allowed: a copy serves the same.
    copyFileSync(from, to);
  }
}

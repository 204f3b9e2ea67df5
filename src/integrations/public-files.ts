/**
 * The site's static files reach readers through Astro's own `public`
 * mechanism (the dev server serves the folder; the build copies it), not a
 * file server of ours; in a build, figures are placed in the output
 * instead (`output-figures.ts`), which is much faster than Vite's copy. This
 * assembles a public folder from the project's
 * `public/`, the figures the notes use (under `figures/`, with their smaller
 * copies beside them) and, when a page
 * has math, KaTeX's stylesheet and fonts (under `katex/`). Files are
 * hard-linked where the file system allows, so assembling costs next to
 * nothing, and copied where it does not; an SVG figure with something to
 * remove (a script, a reference elsewhere: `src/lib/sanitize-svg.ts`) is
 * written as its sanitized copy instead, kept by content hash.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { folderMaker, listFiles } from '../lib/files.ts';
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
  const makeFolder = folderMaker();
  const place = (from: string, relative: string) => {
    const to = path.join(target, relative);
    makeFolder(to);
    linkFile(from, to);
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

function linkFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    // Another file system, or links not allowed: a copy serves the same. Whatever is there goes first, never written
    // into: it may be a link to an author's file (two figures for one place).
    rmSync(to, { force: true });
    copyFileSync(from, to);
  }
}

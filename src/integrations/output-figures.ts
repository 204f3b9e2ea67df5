/**
 * A build's figures go into its output straight from where they are (the
 * notes folder, the cache of smaller copies), cloned or hard-linked, not
 * through Astro's public folder: Vite copies file by file, about 6 s for the
 * 10,500 figures of 500 notes. A rebuild into the last build's output keeps
 * the figures it placed (`kept-output.ts` keeps the files its record lists),
 * and places again only those whose source changed since: placing 10,500
 * again, after removing them, was a second of a one-note rebuild.
 *
 * What was placed is recorded by a signature of its source (device, inode,
 * size, modification time; for an SVG, the sanitizer's version too): an
 * edited, replaced or re-sanitized figure has a new one.
 */
import { constants, copyFileSync, linkSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { folderMaker, timeTellsChanges } from '../lib/files.ts';
import { SANITIZER_VERSION, sanitizedSvgFile } from '../lib/sanitize-svg.ts';
import { removeKept } from './kept-output.ts';

/** A figure file of the site: where it is, where it goes (relative to the output, with `/`), and how it is known. */
export interface FigureFile {
  from: string;
  to: string;
  /** An SVG, published sanitized. */
  svg: boolean;
  /** Named by its content (a smaller copy in the image cache, whose time each build touches): its name is its signature. */
  named?: boolean;
}

/** What the output holds of figures: by place in it, the signature of the source each was placed from. */
export type PlacedFigures = Map<string, string>;

export interface Placing {
  placed: PlacedFigures;
  /** Files placed by this build (the rest were there already). */
  written: number;
  /** Files the output had that no note uses any more. */
  removed: number;
  /** Figures gone from the notes folder since the notes were loaded (not placed). */
  missing: string[];
}

/**
 * Makes the figures in `out` exactly `figures`: the kept ones not in `figures` are removed with the folders they
 * leave empty, those `kept` from the last build with the same signature stay, and every other is placed. Of two
 * figures for one place (a figure named as a smaller copy of another would be), the first is placed.
 */
export function placeFigures(
  out: string,
  figures: FigureFile[],
  kept: PlacedFigures,
  svgCacheDir: string | undefined,
): Placing {
  const placed: PlacedFigures = new Map();
  const toPlace: FigureFile[] = [];
  const missing: string[] = [];
  for (const figure of figures) {
    if (placed.has(figure.to)) continue;
    const signature = signatureOf(figure);
    if (signature === undefined) {
      missing.push(figure.from);
      continue;
    }
    placed.set(figure.to, signature);
    toPlace.push(figure);
  }
  // Those no note uses first: on a file system that ignores case, a figure renamed `图.PNG` → `图.png` is one file,
  // which removing the old name after placing the new would take away.
  let removed = 0;
  for (const file of kept.keys()) {
    if (placed.has(file)) continue;
    removeKept(out, file);
    removed += 1;
  }
  const makeFolder = folderMaker();
  const place = new Placer();
  let written = 0;
  for (const figure of toPlace) {
    if (kept.get(figure.to) === placed.get(figure.to)) continue;
    const to = path.join(out, figure.to);
    makeFolder(to);
    // A changed figure: the old file goes, and it is never written through (a hard link shares the author's bytes).
    if (kept.has(figure.to)) rmSync(to, { force: true });
    written += 1;
    const sanitized = figure.svg ? sanitizedSvgFile(figure.from, svgCacheDir) : undefined;
    if (sanitized?.removed.length) writeFileSync(to, sanitized.svg);
    else place.file(figure.from, to);
  }
  return { placed, written, removed, missing };
}

/** What identifies a figure's source as it is now (none: it is gone). */
function signatureOf(figure: FigureFile): string | undefined {
  let stat: Stats;
  try {
    stat = statSync(figure.from);
  } catch {
    return undefined;
  }
  const { dev, ino, size, mtimeMs } = stat;
  if (figure.named) return `${figure.from}:${size}`;
  // Too recent for its time to tell a change within the same second: placed again next build.
  const unsure = timeTellsChanges(stat) ? '' : `:unsure-${Date.now()}`;
  return `${dev}:${ino}:${size}:${mtimeMs}${figure.svg ? `:${SANITIZER_VERSION}` : ''}${unsure}`;
}

/** Places files as cheaply as the file system allows, never writing into a file that is there already. */
class Placer {
  // Whether this file system makes copy-on-write clones: asked of the first file only, since a refused clone
  // still creates and removes the target, which tripled the cost of every figure on a file system without them.
  #clones: boolean | undefined;

  file(from: string, to: string): void {
    if (this.#clones !== false) {
      try {
        // A clone where the file system makes one (as cheap as a link), so the output never shares its bytes with
        // the author's figures; elsewhere a hard link (the output is not to be edited in place).
        copyFileSync(from, to, constants.COPYFILE_FICLONE_FORCE | constants.COPYFILE_EXCL);
        this.#clones = true;
        return;
      } catch (error) {
        if (!exists(error)) this.#clones = false;
        else {
          this.#again(from, to);
          return;
        }
      }
    }
    try {
      linkSync(from, to);
    } catch (error) {
      // Another file system, or links not allowed: a copy serves the same.
      if (exists(error)) this.#again(from, to);
      else copyFileSync(from, to, constants.COPYFILE_EXCL);
    }
  }

  /** A file is at `to`, maybe a link to an author's file: it goes, rather than be written into. */
  #again(from: string, to: string): void {
    rmSync(to);
    this.file(from, to);
  }
}

const exists = (error: unknown) => (error as { code?: unknown }).code === 'EEXIST';

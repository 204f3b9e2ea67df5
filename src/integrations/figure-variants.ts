/**
 * Makes the smaller copies of raster figures that pages offer
 * (`src/lib/responsive-figures.ts` plans them) with sharp, and keeps them in
 * a cache folder between builds, named by the figure's content and the
 * encoder settings: an unchanged figure is never encoded again, a figure
 * copied into many notes is encoded once, and a changed one gets new copies.
 * Encodes run in parallel, one per core, each single-threaded, so memory
 * stays at a few decoded images whatever the number of figures.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { measureFigure } from '../lib/build-notes.ts';
import type { FigureSize } from '../lib/figures.ts';
import { removeUnused } from '../lib/files.ts';
import { type FigureVariant, figureVariants, isRasterFigure } from '../lib/responsive-figures.ts';
import type { SitePath } from '../lib/urls.ts';

/** A file to serve: where it is, and where it goes in the site. */
export interface PlacedFile {
  from: string;
  to: SitePath;
}

export interface VariantOptions {
  notesDir: string;
  /** Figures the notes use, relative to the notes folder. */
  figures: string[];
  /** Where copies are kept between builds. */
  cacheDir: string;
  /** Reads a figure's size; the pipeline's own measure by default, so both plan the same copies. */
  measure?: (file: string) => FigureSize | undefined;
}

export interface VariantResult {
  files: PlacedFile[];
  /** Copies encoded by this build. */
  made: number;
  /** Copies taken from the cache. */
  reused: number;
}

// Lossy WebP at sharp's default quality: screenshots stay legible, photos look as they did.
const ENCODER = { webp: { quality: 80, effort: 4 } } as const;
// Copies nobody has used for this long are removed, so the folder does not grow without end.
const UNUSED_DAYS = 30;

/** Makes (or finds in the cache) every copy of every raster figure; returns where each is. */
export async function makeFigureVariants(options: VariantOptions): Promise<VariantResult> {
  const measure = options.measure ?? measureFigure;
  mkdirSync(options.cacheDir, { recursive: true });
  removeUnused(options.cacheDir, UNUSED_DAYS, { always: (name) => name.endsWith('.tmp') });
  const settings = JSON.stringify([sharp.versions.sharp, sharp.versions.vips, ENCODER]);
  const files: PlacedFile[] = [];
  const jobs: { source: string; pending: { variant: FigureVariant; file: string }[] }[] = [];
  let reused = 0;
  for (const figure of options.figures.filter(isRasterFigure)) {
    const source = path.join(options.notesDir, figure);
    const variants = figureVariants(figure, measure(source)?.width ?? 0);
    if (variants.length === 0) continue;
    const content = createHash('sha256').update(readFileSync(source)).digest('hex');
    const pending: { variant: FigureVariant; file: string }[] = [];
    for (const variant of variants) {
      const key = createHash('sha256')
        .update(`${content}\0${settings}\0${variant.width}\0${variant.format}`)
        .digest('hex')
        .slice(0, 32);
      const file = path.join(options.cacheDir, `${key}.${variant.format}`);
      files.push({ from: file, to: variant.path });
      if (existsSync(file)) {
        touch(file);
        reused += 1;
      } else if (!pending.some((job) => job.file === file)) pending.push({ variant, file });
    }
    // The same picture in several notes is encoded once.
    const queued = new Set(jobs.flatMap((job) => job.pending.map((p) => p.file)));
    const fresh = pending.filter((p) => !queued.has(p.file));
    if (fresh.length > 0) jobs.push({ source, pending: fresh });
  }
  // Parallel across figures, not inside one: bounded memory and every core busy.
  sharp.concurrency(1);
  sharp.cache(false);
  let next = 0;
  let made = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const count = await encode(job.source, job.pending);
      made += count;
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), jobs.length) }, worker));
  return { files, made, reused };
}

/** Encodes the copies of one figure from one read of it; each written aside, then renamed. */
async function encode(source: string, pending: { variant: FigureVariant; file: string }[]): Promise<number> {
  // An animated GIF or WebP stays animated.
  const animated = /\.(gif|webp)$/i.test(source);
  try {
    const input = sharp(readFileSync(source), { animated }).autoOrient();
    for (const { variant, file } of pending) {
      const partial = `${file}.${process.pid}.tmp`;
      await input.clone().resize({ width: variant.width }).webp(ENCODER.webp).toFile(partial);
      renameSync(partial, file);
    }
  } catch (error) {
    throw new Error(
      `could not make smaller copies of the figure ${source}: ${error instanceof Error ? error.message : error}; open it in an image editor and save it again`,
    );
  }
  return pending.length;
}

function touch(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // Read-only cache: it still serves.
  }
}

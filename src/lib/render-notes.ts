/**
 * Renders the notes a build needs (those not kept from an earlier build) on
 * every core: a note is parsed, split and rendered on its own, so a pool of
 * worker threads (`render-worker.ts`) takes one note after another. With few
 * notes to render, threads cost more than they save: they render here. Each
 * note's result comes back with the files it asked about, for the cache.
 *
 * Each thread's heap is capped (`THREAD_HEAP`): left alone, V8 lets a
 * thread's heap grow long before it collects, and the two threads' garbage
 * was half of a 500-note build's peak memory. A note too big for a thread's
 * heap is rendered here instead, with no cap.
 */

import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { isFile, measureFigure, whyNotImage } from './figure-files.ts';
import type { FigureSize } from './figures.ts';
import { type LoadedNote, loadNote, type NoteSource } from './load-note.ts';
import { workerPool } from './worker-pool.ts';

export interface RenderJob {
  source: NoteSource;
  base: string;
  math: boolean;
  notesDir: string;
  notesDisplayDir: string;
  /** Where sanitized SVG figures are kept between builds. */
  svgCacheDir: string | undefined;
}

export interface Rendered {
  loaded: LoadedNote;
  /** The files (relative to the notes folder) the note asked about, found or not. */
  consulted: string[];
}

/** A renderer for notes in one thread, its figure sizes measured once and shared by every note it renders. */
export function noteRenderer(measure?: (file: string) => FigureSize | undefined) {
  const sizes = new Map<string, FigureSize | undefined>();
  return async (job: RenderJob): Promise<Rendered> => {
    const consulted = new Set<string>();
    const inNotes = (relative: string) => path.join(job.notesDir, relative);
    const loaded = await loadNote(job.source, {
      base: job.base,
      math: job.math,
      notesDisplayDir: job.notesDisplayDir,
      lookup: (relative) => {
        consulted.add(relative);
        if (!sizes.has(relative)) {
          sizes.set(relative, (measure ?? ((file) => measureFigure(file, job.svgCacheDir)))(inNotes(relative)));
        }
        return sizes.get(relative);
      },
      whyNotImage: (relative) => whyNotImage(inNotes(relative)),
      isFile: (relative) => {
        consulted.add(relative);
        return isFile(inNotes(relative));
      },
    }).catch((error: unknown) => nestedTooDeeply(error, job.source.displayFile));
    return { loaded, consulted: [...consulted] };
  };
}

// A thread renders at least this many notes, or it is not worth starting.
const NOTES_PER_THREAD = 8;

/** Renders `jobs`, in worker threads where there are enough of them; results in the order of the jobs. */
export async function renderNotes(
  jobs: RenderJob[],
  options: { measure?: (file: string) => FigureSize | undefined; threads?: number; threadHeap?: ResourceLimits } = {},
): Promise<Rendered[]> {
  const threads = Math.min(options.threads ?? availableParallelism(), Math.floor(jobs.length / NOTES_PER_THREAD));
  // A measure function given by a caller (a test) cannot cross into a thread: render here.
  if (threads < 2 || options.measure) {
    const render = noteRenderer(options.measure);
    const results: Rendered[] = [];
    for (const job of jobs) results.push(await render(job));
    return results;
  }
  return inThreads(jobs, threads, options.threadHeap ?? THREAD_HEAP);
}

// 500 notes (alternated, 2 cores): peak 805-847 MB → 680-717 MB, Markdown 8.8-9.4 s → 9.2-9.5 s. Without the young
// generation's size, the cap alone made V8 collect so often that Markdown took 10-11 s.
export const THREAD_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 };

async function inThreads(jobs: RenderJob[], threads: number, heap: ResourceLimits): Promise<Rendered[]> {
  const pool = workerPool<RenderJob, Rendered>(new URL('./render-worker.ts', import.meta.url), threads, heap);
  let here: ReturnType<typeof noteRenderer> | undefined;
  try {
    return await Promise.all(
      jobs.map((job) =>
        pool.run(job).catch((error: unknown) => {
          if ((error as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
          here ??= noteRenderer();
          return here(job);
        }),
      ),
    );
  } finally {
    await pool.close();
  }
}

/**
 * A note nested thousands of levels deep (quotes, lists, HTML) exhausts the
 * stack of the Markdown and HTML tools before any rule of ours can read it:
 * reported as the note's problem, not as a stack trace. Other errors are bugs
 * of the site's own, and stay errors.
 */
export function nestedTooDeeply(error: unknown, displayFile: string): LoadedNote {
  if (!(error instanceof RangeError)) throw error;
  return {
    note: undefined,
    problems: [
      {
        file: displayFile,
        line: 1,
        severity: 'error',
        message: `this note cannot be read: ${error.message} (it nests quotes, lists or HTML thousands of levels deep)`,
        hint: 'nest quotes, lists and HTML elements a few levels at most',
      },
    ],
  };
}

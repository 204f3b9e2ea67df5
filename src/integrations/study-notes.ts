/**
 * The one Astro integration of the site. It only registers, in order:
 * 1. when Astro starts, the notes are loaded by the pipeline (`src/lib/`); a
 *    broken note stops the build with the report of every problem;
 * 2. pages get the notes as `virtual:notes`; figures and KaTeX's files join
 *    the project's `public/` folder, which Astro serves and copies itself;
 * 3. in the dev server, a change in the notes folder loads them again;
 * 4. after the pages are written: the search index, then the service worker
 *    (which precaches the index, so it must come second).
 */

import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { buildNotes, type SiteContent } from '../lib/build-notes.ts';
import { formatProblems, NoteError } from '../lib/errors.ts';
import { normalizeBase } from '../lib/urls.ts';
import { recordTiming, timed } from './build-timings.ts';
import { writeSearchIndex } from './pagefind.ts';
import { assemblePublicFiles } from './public-files.ts';
import { writeServiceWorker } from './service-worker.ts';
import { invalidateNotes, virtualNotes } from './virtual-notes.ts';
import { watchNotes } from './watch-notes.ts';

export interface StudyNotesOptions {
  /** The notes folder, relative to the project root. */
  notesDir: string;
  /** Where rendered notes are kept between builds (`src/lib/note-cache.ts`); undefined renders every note. */
  cacheDir: string | undefined;
}

export default function studyNotes(options: StudyNotesOptions): AstroIntegration {
  let root = process.cwd();
  let notesDir = path.resolve(options.notesDir);
  let base = '/';
  let projectPublic = path.resolve('public');
  let publicDir = '';
  let state: SiteContent | { report: string } = { report: 'the notes have not been loaded yet' };
  let pagesStarted = 0;

  const load = async (logger: AstroIntegrationLogger): Promise<void> => {
    const started = performance.now();
    try {
      const content = await timed('markdown', () =>
        buildNotes({
          notesDir,
          base,
          root,
          cacheDir: options.cacheDir && path.resolve(root, options.cacheDir),
        }),
      );
      state = content;
      const pages = content.notes.reduce((sum, note) => sum + 1 + note.chapters.length, 0);
      const unchanged = content.cachedNotes > 0 ? `, ${content.cachedNotes} unchanged since the last build` : '';
      logger.info(
        `${content.notes.length} notes${unchanged}, ${pages} pages, ${content.figures.length} figures (${Math.round(performance.now() - started)} ms)`,
      );
      await timed('figures', () =>
        assemblePublicFiles(publicDir, { projectPublic, notesDir, figures: content.figures, katex: content.hasMath }),
      );
    } catch (error) {
      if (!(error instanceof NoteError)) throw error;
      state = { report: formatProblems(error.problems) };
    }
  };

  return {
    name: 'study-notes',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger }) => {
        root = path.resolve(fileURLToPath(config.root));
        notesDir = path.resolve(root, options.notesDir);
        base = normalizeBase(config.base);
        projectPublic = fileURLToPath(config.publicDir);
        if (command === 'preview') return;
        // One assembled folder per notes folder and output, so test builds side by side never share one.
        const key = createHash('sha256')
          .update(`${notesDir}\0${fileURLToPath(config.outDir)}`)
          .digest('hex')
          .slice(0, 16);
        publicDir = path.join(root, 'node_modules/.cache/study-notes/public', key);
        await load(logger);
        if ('report' in state) {
          if (command === 'build') {
            // A report, not a stack trace: the author's fix is in the notes, not in our code.
            const error = new AstroError(state.report);
            error.stack = '';
            throw error;
          }
          logger.error(state.report);
        }
        updateConfig({
          publicDir: pathToFileURL(`${publicDir}/`),
          vite: { plugins: [virtualNotes(() => state)] },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(publicDir);
        watchNotes(server, notesDir, async () => {
          await load(logger);
          if ('report' in state) logger.error(state.report);
          invalidateNotes(server);
        });
      },
      'astro:build:start': () => {
        pagesStarted = performance.now();
      },
      'astro:build:generated': () => {
        recordTiming('pages', performance.now() - pagesStarted);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const notes = 'notes' in state ? state.notes : [];
        const forSearch = notes.map(({ title, categories, path, chapters }) => ({
          title,
          categories,
          paths: [path, ...chapters.map((chapter) => chapter.path)],
        }));
        await timed('search index', () => writeSearchIndex(out, logger, forSearch));
        await timed('service worker', () => writeServiceWorker(out, logger));
        // Astro has copied the assembled public folder into the build; only the dev server needs it kept.
        rmSync(publicDir, { recursive: true, force: true });
      },
    },
  };
}

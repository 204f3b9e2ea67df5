/**
 * The one Astro integration of the site. It only registers, in order:
 * 1. when Astro starts, the notes are loaded by the pipeline (`src/lib/`); a
 *    broken note stops the build with the report of every problem; warnings
 *    are listed again when the build ends, where an author sees them;
 * 2. pages get the notes as `virtual:notes`; KaTeX's files (and, in the dev
 *    server, figures) join the project's `public/` folder, which Astro serves
 *    and copies itself; a build places figures in its output at its end
 *    (`output-figures.ts`);
 * 3. in the dev server, a change in the notes folder loads them again;
 * 4. a build writes into the last build's output, keeping its pages where
 *    Astro's incremental build would copy them back, and the figures and
 *    offline manifests it recorded (`kept-output.ts`);
 * 5. after the pages are written: the pages no note makes any more are
 *    removed, then the search index, then what offline reading involves
 *    (`offline-manifest.ts`, which measures the index) and the service worker
 *    configured from it.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { buildNotes, type SiteContent, svgCacheFor } from '../lib/build-notes.ts';
import { listFiles, removeUnused } from '../lib/files.ts';
import { formatErrors, formatWarnings, isError, type NoteProblem } from '../lib/problems.ts';
import { openSearchCache } from '../lib/search-cache.ts';
import { figurePath, normalizeBase } from '../lib/urls.ts';
import { recordTiming, timed } from './build-timings.ts';
import { makeFigureVariants } from './figure-variants.ts';
import {
  astroCacheState,
  forgetOutput,
  type KeptOutput,
  prepareOutput,
  recordOutput,
  removeStalePages,
} from './kept-output.ts';
import { writeOfflineManifests } from './offline-manifest.ts';
import { type FigureFile, placeFigures } from './output-figures.ts';
import { writeSearchIndex } from './pagefind.ts';
import { assemblePublicFiles } from './public-files.ts';
import { writeServiceWorker } from './service-worker.ts';
import { invalidateNotes, virtualNotes, withoutHtml, writeNotes } from './virtual-notes.ts';
import { watchNotes } from './watch-notes.ts';

// The record of an output folder nobody has built into for this long is removed.
const UNUSED_DAYS = 14;

export interface StudyNotesOptions {
  /** The notes folder, relative to the project root. */
  notesDir: string;
  /** Where rendered notes are kept between builds (`src/lib/note-cache.ts`); undefined renders every note. */
  cacheDir: string | undefined;
  /** Dollar-sign math for the whole site (a note may still switch it off for itself). */
  math: boolean;
  /** Whether a link to a note or section that does not exist stops the build (`error`) or is listed (`warning`). */
  brokenLinks: 'error' | 'warning';
  /** About how many pages each of a large site's search indexes holds (`src/lib/search-groups.ts`). */
  searchGroupPages?: number;
}

export default function studyNotes(options: StudyNotesOptions): AstroIntegration {
  let root = process.cwd();
  let notesDir = path.resolve(options.notesDir);
  let base = '/';
  let projectPublic = path.resolve('public');
  // This build's own folder: the assembled public files, and the notes as pages read them.
  let workDir = '';
  // Each note's HTML, as pages read it (`virtual-notes.ts`): kept between builds, so a rebuild writes the edited note's.
  let partsDir = '';
  let publicDir = '';
  // In a build, the figures and their copies: placed in the output at its end, not copied by Vite.
  let figureFiles: FigureFile[] = [];
  let svgCacheDir: string | undefined;
  let building = false;
  // Smaller copies of figures, by content: shared by every build of this project.
  let imageCache = '';
  // What the search step made of each page, kept for the next build of the same site (none: the cache is off).
  let searchCache: string | undefined;
  let state: { file: string } | { report: string } = { report: 'the notes have not been loaded yet' };
  // The notes as last loaded, without their HTML (pages read that from the file), for what the end of the build
  // writes from them (search's titles, offline manifests).
  let loaded: SiteContent | undefined;
  let warnings: NoteProblem[] = [];
  let pagesStarted = 0;
  // In a build: the output folder, where a successful build into it notes what it was built from (the notes folder
  // and the state of Astro's cache), whether Astro's incremental build is on (nothing is kept without it), and the
  // pages kept from the last build.
  let outDir = '';
  let outputRecord = '';
  let builtFrom = (): string | undefined => undefined;
  let keepsPages = false;
  let kept: KeptOutput = { pages: [], files: {} };

  const load = async (logger: AstroIntegrationLogger): Promise<void> => {
    const started = performance.now();
    const { content, problems } = await timed('markdown', () =>
      buildNotes({
        notesDir,
        base,
        root,
        math: options.math,
        brokenLinks: options.brokenLinks,
        cacheDir: options.cacheDir && path.resolve(root, options.cacheDir),
      }),
    );
    warnings = problems.filter((problem) => !isError(problem));
    if (problems.some(isError)) {
      state = { report: formatErrors(problems) };
      loaded = undefined;
      return;
    }
    const file = path.join(workDir, 'notes.json');
    writeNotes(file, partsDir, content);
    state = { file };
    // Pages have the notes from the files: a second copy of every note's HTML held here through the whole build
    // only added to its peak memory.
    loaded = withoutHtml(content);
    const pages = content.notes.reduce((sum, note) => sum + 1 + note.chapters.length, 0);
    const unchanged = content.cachedNotes > 0 ? `, ${content.cachedNotes} unchanged since the last build` : '';
    logger.info(
      `${content.notes.length} notes${unchanged}, ${pages} pages, ${content.figures.length} figures (${Math.round(performance.now() - started)} ms)`,
    );
    await timed('figures', async () => {
      const variants = await makeFigureVariants({ notesDir, figures: content.figures, cacheDir: imageCache });
      if (variants.made > 0)
        logger.info(`made ${variants.made} smaller copies of figures (${variants.reused} kept from earlier builds)`);
      svgCacheDir = svgCacheFor(options.cacheDir && path.resolve(root, options.cacheDir));
      if (building) {
        assemblePublicFiles(publicDir, { projectPublic, notesDir, figures: [], katex: content.hasMath });
        figureFiles = [
          ...content.figures.map((figure) => ({
            from: path.join(notesDir, figure),
            to: figurePath(figure),
            svg: figure.toLowerCase().endsWith('.svg'),
          })),
          ...variants.files.map((file) => ({ ...file, svg: false, named: true })),
        ];
      } else {
        const figures = { notesDir, figures: content.figures, made: variants.files, svgCacheDir };
        assemblePublicFiles(publicDir, { ...figures, projectPublic, katex: content.hasMath });
      }
    });
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
        // One assembled folder per notes folder, output and command, so test builds side by side, and a build
        // beside a running dev server (whose public folder has the figures; a build's does not), never share one.
        const key = createHash('sha256')
          .update(`${notesDir}\0${fileURLToPath(config.outDir)}\0${command}`)
          .digest('hex')
          .slice(0, 16);
        workDir = path.join(root, 'node_modules/.cache/study-notes/builds', key);
        publicDir = path.join(workDir, 'public');
        const parts = path.join(root, 'node_modules/.cache/study-notes/parts');
        removeUnused(parts, UNUSED_DAYS, { keep: (name) => name === key });
        partsDir = path.join(parts, key);
        building = command === 'build';
        mkdirSync(workDir, { recursive: true });
        if (building) {
          outDir = fileURLToPath(config.outDir);
          // One record per output folder, whatever notes were built into it last.
          const outputs = path.join(root, 'node_modules/.cache/study-notes/outputs');
          removeUnused(outputs, UNUSED_DAYS);
          mkdirSync(outputs, { recursive: true });
          outputRecord = path.join(outputs, createHash('sha256').update(outDir).digest('hex').slice(0, 16));
          const astroCache = fileURLToPath(config.cacheDir);
          builtFrom = () => {
            const state = astroCacheState(astroCache);
            return state && `${notesDir}\n${state}`;
          };
          keepsPages = config.experimental.incrementalBuild === true;
        }
        imageCache = path.join(root, 'node_modules/.cache/study-notes/images');
        searchCache = options.cacheDir && path.join(path.dirname(path.resolve(root, options.cacheDir)), 'search', key);
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
          // The output is emptied, or its pages kept, when the build starts (kept-output.ts).
          vite: { plugins: [virtualNotes(() => state)], ...(keepsPages ? { build: { emptyOutDir: false } } : {}) },
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
      'astro:build:start': ({ logger }) => {
        if (keepsPages) {
          kept = prepareOutput(outDir, outputRecord, builtFrom());
          if (kept.pages.length > 0)
            logger.info('writing into the last build’s output, whose pages are kept where their note did not change');
        } else {
          // Astro empties the output itself; what it was built from is no longer what is in it.
          forgetOutput(outputRecord);
        }
        pagesStarted = performance.now();
      },
      'astro:build:generated': () => {
        recordTiming('pages', performance.now() - pagesStarted);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        // Before anything reads the output: of the pages kept from the last build, those this build did not make go.
        if (kept.pages.length > 0) {
          const made = new Set(
            [...assets.values()].flat().map((url) => path.relative(out, fileURLToPath(url)).split(path.sep).join('/')),
          );
          for (const file of listFiles(publicDir)) made.add(file);
          const stale = removeStalePages(out, kept.pages, made);
          if (stale > 0) logger.info(`removed ${stale} pages of the last build that no note makes any more`);
        }
        // Before anything measures the output: the figures, as the public folder would have brought them.
        const figures = await timed('figures', () =>
          placeFigures(out, figureFiles, kept.files.figures ?? new Map(), svgCacheDir),
        );
        if (figures.missing.length > 0)
          logger.warn(`figures removed during the build, not published (build again): ${figures.missing.join(', ')}`);
        const notes = loaded?.notes ?? [];
        const forSearch = notes.map(({ title, categories, path, chapters }) => ({
          title,
          // A nested category as the note's page shows it: 编程 / Python.
          categories: categories.map((category) => category.join(' / ')),
          paths: [path, ...chapters.map((chapter) => chapter.path)],
        }));
        const searchFiles = await timed('search index', () =>
          writeSearchIndex(out, logger, forSearch, openSearchCache(searchCache, root), options.searchGroupPages),
        );
        let manifests = new Map<string, string>();
        if (loaded) {
          const content = loaded;
          await timed('service worker', async () => {
            const plan = writeOfflineManifests(out, content, base, notesDir, searchFiles, kept.files.manifests);
            manifests = plan.manifests;
            await writeServiceWorker(out, base, plan, logger);
          });
        }
        // Listed again at the very end, where an author looks after a build.
        if (warnings.length > 0) logger.warn(formatWarnings(warnings));
        // Astro has copied the public folder and written the pages; only the dev server needs them kept.
        rmSync(workDir, { recursive: true, force: true });
        if (keepsPages) recordOutput(outputRecord, builtFrom(), { figures: figures.placed, manifests });
      },
    },
  };
}

/**
 * The Astro integration that connects the content pipeline to the site:
 * it loads the notes when Astro starts (stopping the build with a readable
 * report if a note is broken), hands the result to pages as the virtual
 * module `virtual:notes`, and serves the figures and KaTeX's files, from
 * the dev server and into the built site.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { buildNotes, measureFigure, type SiteContent } from '../lib/build-notes.ts';
import { recordTiming, timed } from '../lib/build-timings.ts';
import { formatProblems, NoteError } from '../lib/errors.ts';
import { figurePath, katexStylesheetPath, normalizeBase } from '../lib/urls.ts';

const VIRTUAL_ID = 'virtual:notes';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface NotesIntegrationOptions {
  /** The notes folder, relative to the project root. */
  notesDir: string;
}

export default function notesIntegration(options: NotesIntegrationOptions): AstroIntegration {
  let root = process.cwd();
  let notesDir = path.resolve(options.notesDir);
  let base = '/';
  let content: SiteContent | undefined;
  let failure: string | undefined;
  let pagesStarted = 0;

  const load = async (logger: AstroIntegrationLogger): Promise<void> => {
    const started = performance.now();
    let figureMs = 0;
    // Reading figure sizes is figure work, not Markdown work: timed apart for the benchmark.
    const measure = (file: string) => {
      const at = performance.now();
      try {
        return measureFigure(file);
      } finally {
        figureMs += performance.now() - at;
      }
    };
    try {
      // Rendered notes are kept between builds; NOTES_CACHE names another folder, or `off` renders every note afresh.
      const cacheSetting = process.env.NOTES_CACHE;
      const cacheDir =
        cacheSetting === 'off' ? undefined : path.resolve(root, cacheSetting || 'node_modules/.cache/study-notes');
      content = await buildNotes({ notesDir, base, root, measure, cacheDir });
      recordTiming('markdown', performance.now() - started - figureMs);
      recordTiming('figures', figureMs);
      failure = undefined;
      const pages = content.notes.reduce((sum, note) => sum + 1 + note.chapters.length, 0);
      const unchanged = content.cachedNotes > 0 ? `, ${content.cachedNotes} unchanged since the last build` : '';
      logger.info(
        `${content.notes.length} notes${unchanged}, ${pages} pages, ${content.figures.length} figures (${Math.round(performance.now() - started)} ms)`,
      );
    } catch (error) {
      if (!(error instanceof NoteError)) throw error;
      content = undefined;
      failure = formatProblems(error.problems);
    }
  };

  const vitePlugin: Plugin = {
    name: 'study-notes:content',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // In the dev server a broken note shows in the error overlay, then reloads when fixed.
      if (failure) throw new Error(failure);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(content))});`;
    },
  };

  return {
    name: 'study-notes',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger }) => {
        root = path.resolve(fileURLToPath(config.root));
        notesDir = path.resolve(root, options.notesDir);
        base = normalizeBase(config.base);
        if (command === 'preview') return;
        await load(logger);
        if (failure && command === 'build') {
          // A report, not a stack trace: the author's fix is in the notes, not in our code.
          process.stderr.write(`\n${failure}\n`);
          process.exit(1);
        }
        if (failure) logger.error(failure);
        updateConfig({ vite: { plugins: [vitePlugin] } });
      },
      'astro:server:setup': ({ server, logger }) => {
        watchNotes(server, notesDir, async () => {
          await load(logger);
          if (failure) logger.error(failure);
          const module = server.moduleGraph.getModuleById(RESOLVED_ID);
          if (module) server.moduleGraph.invalidateModule(module);
          server.ws.send({ type: 'full-reload' });
        });
        server.middlewares.use((request, response, next) => {
          const file = request.url && staticFileFor(request.url, base, notesDir, content);
          if (!file) return next();
          try {
            response.setHeader('Content-Type', contentType(file.path));
            response.end(file.body ?? readFileSync(file.path));
          } catch {
            next();
          }
        });
      },
      'astro:build:start': () => {
        pagesStarted = performance.now();
      },
      'astro:build:generated': () => {
        recordTiming('pages', performance.now() - pagesStarted);
      },
      'astro:build:done': async ({ dir }) => {
        const site = content;
        if (!site) return;
        const out = fileURLToPath(dir);
        await timed('figures', () => {
          for (const figure of site.figures) {
            const target = path.join(out, figurePath(figure));
            mkdirSync(path.dirname(target), { recursive: true });
            copyFileSync(path.join(notesDir, figure), target);
          }
        });
        if (site.hasMath) writeKatex(path.join(out, path.dirname(katexStylesheetPath)));
      },
    },
  };
}

function watchNotes(server: ViteDevServer, notesDir: string, onChange: () => Promise<void>): void {
  server.watcher.add(notesDir);
  const inNotes = (file: string) => path.resolve(file).startsWith(notesDir + path.sep);
  for (const event of ['add', 'change', 'unlink'] as const) {
    server.watcher.on(event, (file: string) => {
      if (inNotes(file)) void onChange();
    });
  }
}

const katexDist = () => path.dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));

/** KaTeX's stylesheet limited to its WOFF2 fonts, which every supported browser reads. */
function katexCss(): string {
  return readFileSync(path.join(katexDist(), 'katex.min.css'), 'utf8').replace(
    /,url\(fonts\/[^)]+\.woff\) format\("woff"\),url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g,
    '',
  );
}

function writeKatex(target: string): void {
  mkdirSync(path.join(target, 'fonts'), { recursive: true });
  writeFileSync(path.join(target, 'katex.min.css'), katexCss());
  for (const font of readdirSync(path.join(katexDist(), 'fonts'))) {
    if (font.endsWith('.woff2')) copyFileSync(path.join(katexDist(), 'fonts', font), path.join(target, 'fonts', font));
  }
}

/** The file the dev server answers for a figure or KaTeX URL, if the URL is one. */
function staticFileFor(
  url: string,
  base: string,
  notesDir: string,
  content: SiteContent | undefined,
): { path: string; body?: string } | undefined {
  let pathname = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  if (pathname.startsWith(base)) pathname = pathname.slice(base.length);
  else pathname = pathname.replace(/^\//, '');
  const figure = pathname.startsWith('figures/') ? pathname.slice('figures/'.length) : undefined;
  if (figure !== undefined && content?.figures.includes(figure)) return { path: path.join(notesDir, figure) };
  const katexDir = `${path.dirname(katexStylesheetPath)}/`;
  if (pathname === katexStylesheetPath) return { path: pathname, body: katexCss() };
  if (pathname.startsWith(`${katexDir}fonts/`) && /^[\w-]+\.woff2$/.test(path.basename(pathname))) {
    return { path: path.join(katexDist(), 'fonts', path.basename(pathname)) };
  }
  return undefined;
}

function contentType(file: string): string {
  const types: Record<string, string> = {
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.gif': 'image/gif',
    '.webp': 'image/webp',
    '.avif': 'image/avif',
    '.css': 'text/css; charset=utf-8',
    '.woff2': 'font/woff2',
  };
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

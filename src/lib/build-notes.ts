/**
 * The edge of the content pipeline: reads every note in the notes folder,
 * measures its figures, and loads each note. Problems from all notes are
 * gathered so the author sees them together.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { SITE_LANG } from '../site.ts';
import type { FigureSize } from './figures.ts';
import { listFiles } from './files.ts';
import { type LoadedNote, loadNote, type Note } from './load-note.ts';
import { openNoteCache } from './note-cache.ts';
import type { NoteProblem } from './problems.ts';
import type { CheckedFigure } from './raw-figures.ts';
import { sanitizedSvgFile } from './sanitize-svg.ts';

export interface SiteContent {
  notes: Note[];
  /** Every figure used, relative to the notes folder. */
  figures: string[];
  /** Whether any page has math (so KaTeX's files are served). */
  hasMath: boolean;
  /** How many notes came from the cache of earlier builds, unchanged. */
  cachedNotes: number;
}

export interface BuildNotesOptions {
  notesDir: string;
  base: string;
  /** Folder that `displayFile` paths are relative to (the project root). */
  root?: string;
  /** Reads a figure's size (default `measureFigure`). */
  measure?: (file: string) => FigureSize | undefined;
  /** Dollar-sign math for the whole site (default on). */
  math?: boolean;
  /** Where rendered notes are kept between builds (`note-cache.ts`); none: render every note. */
  cacheDir?: string;
}

/** The note files under `dir` (`.md`, `.mdx`), relative and sorted; hidden folders and `node_modules` are skipped. */
export function listNoteFiles(dir: string): string[] {
  return listFiles(dir, { skipFolder: (name) => name.startsWith('.') || name === 'node_modules' }).filter((file) =>
    /\.mdx?$/i.test(file),
  );
}

/**
 * Reads the size (and, for SVG, the description) of a figure file, or
 * undefined if it does not exist. An SVG is also sanitized (kept by content
 * hash in `svgCacheDir`), so what its published copy leaves out is known.
 */
export function measureFigure(file: string, svgCacheDir?: string): CheckedFigure | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const bytes = readFileSync(file);
    const size = imageSize(bytes);
    if (!size.width || !size.height) return undefined;
    const svg = file.toLowerCase().endsWith('.svg');
    const description = svg ? svgDescription(bytes.toString('utf8')) : undefined;
    const removed = svg ? sanitizedSvgFile(file, svgCacheDir).removed : [];
    return {
      width: size.width,
      height: size.height,
      ...(description ? { description } : {}),
      ...(removed.length > 0 ? { removed } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Where sanitized SVG figures are kept between builds: beside the notes cache. */
export function svgCacheFor(cacheDir: string | undefined): string | undefined {
  return cacheDir ? path.join(path.dirname(cacheDir), 'svg') : undefined;
}

/** The text of an SVG's first `<desc>` (or `<title>`), entities decoded. */
export function svgDescription(svg: string): string | undefined {
  const match = /<desc\b[^>]*>([\s\S]*?)<\/desc>/i.exec(svg) ?? /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(svg);
  const text = match?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

/**
 * A note nested thousands of levels deep (quotes, lists, HTML) exhausts the
 * stack of the Markdown and HTML tools before any rule of ours can read it:
 * reported as the note's problem, not as a stack trace. Other errors are bugs
 * of the site's own, and stay errors.
 */
function nestedTooDeeply(error: unknown, displayFile: string): LoadedNote {
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

/** A path as authors see it in errors: relative to the project when inside it. */
function shownPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}

/** The notes as loaded, and every problem found in them (the notes are not to be published if any is an error). */
export interface BuiltNotes {
  content: SiteContent;
  problems: NoteProblem[];
}

/** Loads all notes, newest first, with every problem found in any of them. */
export async function buildNotes(options: BuildNotesOptions): Promise<BuiltNotes> {
  const root = options.root ?? process.cwd();
  const notesDir = path.resolve(root, options.notesDir);
  const sizes = new Map<string, FigureSize | undefined>();
  const svgCache = svgCacheFor(options.cacheDir && path.resolve(root, options.cacheDir));
  const measure = options.measure ?? ((file: string) => measureFigure(file, svgCache));
  const lookup = (relative: string) => {
    if (!sizes.has(relative)) sizes.set(relative, measure(path.join(notesDir, relative)));
    return sizes.get(relative);
  };
  const problems: NoteProblem[] = [];
  const notes: Note[] = [];
  const notesDisplayDir = shownPath(root, notesDir);
  const cache = options.cacheDir ? openNoteCache(path.resolve(root, options.cacheDir), notesDir, root) : undefined;
  for (const relativePath of listNoteFiles(notesDir)) {
    const displayFile = shownPath(root, path.join(notesDir, relativePath));
    const text = readFileSync(path.join(notesDir, relativePath), 'utf8');
    const inputs = { relativePath, displayFile, base: options.base, math: options.math ?? true, text };
    let loaded: LoadedNote | undefined = cache?.get(inputs);
    if (!loaded) {
      loaded = await loadNote(
        { relativePath, displayFile, text },
        { base: options.base, math: inputs.math, lookup, notesDisplayDir },
      ).catch((error: unknown) => nestedTooDeeply(error, displayFile));
      cache?.set(inputs, loaded);
    }
    problems.push(...loaded.problems);
    if (loaded.note) notes.push(loaded.note);
  }
  const bySlug = new Map<string, Note>();
  for (const note of notes) {
    const earlier = bySlug.get(note.slug);
    if (earlier) {
      problems.push({
        file: note.file,
        line: 1,
        severity: 'error',
        message: `this note and ${earlier.file} would both be published at /${note.slug}/`,
        hint: 'rename one of the two files',
      });
    }
    bySlug.set(note.slug, note);
  }

  notes.sort(
    (a, b) => (b.date?.iso ?? '').localeCompare(a.date?.iso ?? '') || a.title.localeCompare(b.title, SITE_LANG),
  );
  const parts = notes.flatMap((note) => [note.intro, ...note.chapters]);
  return {
    content: {
      notes,
      figures: [...new Set(parts.flatMap((part) => part.figures))].sort(),
      hasMath: parts.some((part) => part.hasMath),
      cachedNotes: cache?.hits ?? 0,
    },
    problems,
  };
}

/**
 * The edge of the content pipeline: reads every note in the notes folder,
 * measures its figures, and loads each note. Problems from all notes are
 * gathered so the author sees them together.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { SITE_LANG } from '../site.ts';
import { type Collections, collectNotes } from './collections.ts';
import type { FigureSize } from './figures.ts';
import { listFiles } from './files.ts';
import { type LoadedNote, loadNote, type Note } from './load-note.ts';
import { openNoteCache } from './note-cache.ts';
import { noteUpdatedDates } from './note-dates.ts';
import { decodeNote } from './note-encoding.ts';
import { resolveNoteLinks } from './note-links.ts';
import type { NoteProblem, Severity } from './problems.ts';
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
  /** The notes by category, tag and year (`collections.ts`). */
  collections: Collections;
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
  /** How a link to a note or section that does not exist is reported (default: a warning). */
  brokenLinks?: Severity;
  /** Where rendered notes are kept between builds (`note-cache.ts`); none: render every note. */
  cacheDir?: string;
}

/** The note files under `dir` (`.md`, `.markdown`, `.mdx`), relative and sorted; hidden folders and `node_modules` are skipped. */
export function listNoteFiles(dir: string): string[] {
  return listFiles(dir, { skipFolder: (name) => name.startsWith('.') || name === 'node_modules' }).filter((file) =>
    /\.(md|markdown|mdx)$/i.test(file),
  );
}

/** Why a file that exists cannot be a figure (`it is empty`), or undefined if there is no such file. */
export function whyNotImage(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return 'it is a folder';
    if (stat.size === 0) return 'it is empty (0 bytes)';
    const start = readFileSync(file).subarray(0, 512);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(0, start.lastIndexOf(0x0a) + 1 || start.length));
      return 'it holds text, not image data';
    } catch {
      return 'its bytes are not a PNG, JPEG, GIF, WebP, AVIF or SVG image';
    }
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
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
 * Two pages at one URL: two notes whose names make the same slug (`A.md`,
 * `a.md`), or a note in a folder where another note's chapter is
 * (`书/1-甲.md` and chapter `1 甲` of `书.md`). Each is reported at its page's line.
 */
function samePage(notes: Note[]): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const taken = new Map<string, { file: string; what: string }>();
  for (const note of notes) {
    const pages = [
      { path: note.path, line: 1, what: 'this note' },
      ...note.chapters.map((chapter) => ({
        path: chapter.path,
        line: chapter.line,
        what: `the page "${chapter.heading}"`,
      })),
    ];
    for (const page of pages) {
      const earlier = taken.get(page.path);
      if (earlier) {
        problems.push({
          file: note.file,
          line: page.line,
          severity: 'error',
          message: `${page.what} and ${earlier.what} of ${earlier.file} would both be published at /${page.path}`,
          hint: 'rename one of the two files (or the heading), so each page has its own address',
          rule: 'same-page',
        });
      } else {
        taken.set(page.path, { file: note.file, what: page.what });
      }
    }
  }
  return problems;
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
  // The files a note asked about, found or not: its cached rendering holds while they stay as they are.
  let consulted = new Set<string>();
  const files = {
    lookup: (relative: string) => {
      consulted.add(relative);
      if (!sizes.has(relative)) sizes.set(relative, measure(path.join(notesDir, relative)));
      return sizes.get(relative);
    },
    whyNotImage: (relative: string) => whyNotImage(path.join(notesDir, relative)),
    isFile: (relative: string) => {
      consulted.add(relative);
      return isFile(path.join(notesDir, relative));
    },
  };
  const problems: NoteProblem[] = [];
  const notes: Note[] = [];
  const notesDisplayDir = shownPath(root, notesDir);
  const cache = options.cacheDir ? openNoteCache(path.resolve(root, options.cacheDir), notesDir, root) : undefined;
  const noteFiles = listNoteFiles(notesDir);
  const updated = noteUpdatedDates(notesDir, noteFiles);
  for (const relativePath of noteFiles) {
    const displayFile = shownPath(root, path.join(notesDir, relativePath));
    const decoded = decodeNote(readFileSync(path.join(notesDir, relativePath)));
    if ('problem' in decoded) {
      problems.push({ file: displayFile, severity: 'error', ...decoded.problem });
      continue;
    }
    const { text, encoding } = decoded;
    const inputs = { relativePath, displayFile, base: options.base, math: options.math ?? true, text };
    let loaded: LoadedNote | undefined = cache?.get(inputs);
    if (!loaded) {
      consulted = new Set();
      loaded = await loadNote(
        { relativePath, displayFile, text, encoding },
        { base: options.base, math: inputs.math, notesDisplayDir, ...files },
      ).catch((error: unknown) => nestedTooDeeply(error, displayFile));
      cache?.set(inputs, loaded, [...consulted]);
    }
    problems.push(...loaded.problems);
    if (!loaded.note) continue;
    // When the note last changed comes from git, not from its text: it is added after the cache.
    const date = updated.get(relativePath);
    notes.push(date ? { ...loaded.note, updated: date } : loaded.note);
  }
  const linked = resolveNoteLinks(notes, { base: options.base, brokenLinks: options.brokenLinks ?? 'warning' });
  problems.push(...linked.problems);
  notes.splice(0, notes.length, ...linked.notes);
  problems.push(...samePage(notes));

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
      collections: collectNotes(notes),
    },
    problems,
  };
}

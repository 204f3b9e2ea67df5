/**
 * The edge of the content pipeline: reads every note in the notes folder,
 * measures its figures, and loads each note. Problems from all notes are
 * gathered so the author sees them together.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SITE_LANG } from '../site.ts';
import { type Collections, categoryKey, collectNotes } from './collections.ts';
import { svgCacheFor } from './figure-files.ts';
import type { FigureSize } from './figures.ts';
import { listFiles } from './files.ts';
import type { LoadedNote, Note } from './load-note.ts';
import { type NoteInputs, openNoteCache } from './note-cache.ts';
import { noteUpdatedDates } from './note-dates.ts';
import { decodeNote } from './note-encoding.ts';
import { resolveNoteLinks } from './note-links.ts';
import type { NoteProblem, Severity } from './problems.ts';
import { type RenderJob, renderNotes } from './render-notes.ts';

// Figure files were read here before they had a module of their own; callers may still import them from here.
export { isFile, measureFigure, svgCacheFor, svgDescription, whyNotImage } from './figure-files.ts';

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
 * Each note with a digest of everything its pages show: the note itself and
 * the site's categories and tags it links to. Pages give it to Astro as their
 * `cacheKey`, so a rebuild renders again only the pages of notes that changed.
 */
function withDigests(notes: Note[], collections: Collections): Note[] {
  return notes.map((note) => {
    // Only the pages its own categories and tags link to: another note's edit (its date, its title) changes
    // the home, category and archive pages, not this note's.
    const links = [
      note.categories.map((category) => collections.categoryPaths[categoryKey(category)]),
      note.tags.map((tag) => collections.tagPaths[tag]),
    ];
    const digest = createHash('sha256').update(JSON.stringify(links)).update(JSON.stringify(note));
    return { ...note, digest: digest.digest('hex').slice(0, 32) };
  });
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
  const svgCacheDir = svgCacheFor(options.cacheDir && path.resolve(root, options.cacheDir));
  const problems: NoteProblem[] = [];
  const notesDisplayDir = shownPath(root, notesDir);
  const cache = options.cacheDir ? openNoteCache(path.resolve(root, options.cacheDir), notesDir, root) : undefined;
  const noteFiles = listNoteFiles(notesDir);
  const updated = noteUpdatedDates(notesDir, noteFiles);
  // Each note from the cache when it is unchanged, else rendered (all those, on every core).
  const slots: (LoadedNote | undefined)[] = [];
  const misses: { slot: number; inputs: NoteInputs; job: RenderJob }[] = [];
  for (const relativePath of noteFiles) {
    const displayFile = shownPath(root, path.join(notesDir, relativePath));
    const decoded = decodeNote(readFileSync(path.join(notesDir, relativePath)));
    if ('problem' in decoded) {
      problems.push({ file: displayFile, severity: 'error', ...decoded.problem });
      continue;
    }
    const { text, encoding } = decoded;
    const inputs = { relativePath, displayFile, base: options.base, math: options.math ?? true, text };
    const cached = cache?.get(inputs);
    slots.push(cached);
    if (!cached) {
      const source = { relativePath, displayFile, text, ...(encoding === 'UTF-8' ? {} : { encoding }) };
      const job = { source, base: options.base, math: inputs.math, notesDir, notesDisplayDir, svgCacheDir };
      misses.push({ slot: slots.length - 1, inputs, job });
    }
  }
  const rendered = await renderNotes(
    misses.map((miss) => miss.job),
    options.measure ? { measure: options.measure } : {},
  );
  for (const [index, { loaded, consulted }] of rendered.entries()) {
    const miss = misses[index]!;
    cache?.set(miss.inputs, loaded, consulted);
    slots[miss.slot] = loaded;
  }
  const notes: Note[] = [];
  for (const loaded of slots) {
    if (!loaded) continue;
    problems.push(...loaded.problems);
    if (!loaded.note) continue;
    // When the note last changed comes from git, not from its text: it is added after the cache.
    const date = updated.get(loaded.note.source);
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
  const collections = collectNotes(notes);
  return {
    content: {
      notes: withDigests(notes, collections),
      figures: [...new Set(parts.flatMap((part) => part.figures))].sort(),
      hasMath: parts.some((part) => part.hasMath),
      cachedNotes: cache?.hits ?? 0,
      collections,
    },
    problems,
  };
}

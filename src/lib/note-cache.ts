/**
 * Remembers rendered notes between builds and dev-server starts, so a build
 * renders only the notes that changed. An entry is used only while the note's
 * text and path, the site's base path, the figures it used (size and time
 * of change) and the pipeline itself (this folder's code, the locked
 * dependencies, Node) are all as they were; anything else renders afresh.
 * Notes with errors are never remembered, so their errors always show; a
 * remembered note keeps its warnings, which every build lists again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeUnused } from './files.ts';
import type { LoadedNote, Note } from './load-note.ts';

/** What one note's rendering depended on, besides the pipeline. */
export interface NoteInputs {
  relativePath: string;
  displayFile: string;
  base: string;
  math: boolean;
  text: string;
}

interface Entry {
  /** `size:mtime` (or `missing`) of each file the note used or asked about, relative to the notes folder. */
  figures: Record<string, string>;
  note: Note;
  /** The note's warnings, listed by every build that uses the entry. */
  warnings: LoadedNote['problems'];
}

export interface NoteCache {
  get(inputs: NoteInputs): (LoadedNote & { note: Note }) | undefined;
  /** Remembers a note; `consulted` are the files (relative to the notes folder) its rendering asked about. */
  set(inputs: NoteInputs, loaded: LoadedNote, consulted?: string[]): void;
  /** How many notes this build took from the cache. */
  readonly hits: number;
}

// Entries nobody has used for this long are removed, so the folder does not grow without end.
const UNUSED_DAYS = 14;

/**
 * A cache in `dir` for notes in `notesDir`; `root` is the project, whose
 * `src/lib` and `package-lock.json` fingerprint the pipeline.
 */
export function openNoteCache(dir: string, notesDir: string, root: string): NoteCache {
  const fingerprint = pipelineFingerprint(root);
  try {
    mkdirSync(dir, { recursive: true });
    removeUnused(dir, UNUSED_DAYS);
  } catch {
    // No cache folder: every get misses and every set is skipped.
  }
  const fileFor = (inputs: NoteInputs) => path.join(dir, `${hash(fingerprint, JSON.stringify(inputs))}.json`);
  const stamp = (relative: string) => {
    try {
      const stat = statSync(path.join(notesDir, relative));
      return `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return 'missing';
    }
  };
  let hits = 0;
  return {
    get(inputs) {
      const file = fileFor(inputs);
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
        if (Object.entries(entry.figures).some(([figure, was]) => stamp(figure) !== was)) return undefined;
        const now = new Date();
        utimesSync(file, now, now);
        hits += 1;
        return { note: entry.note, problems: entry.warnings };
      } catch {
        // Not there, or unreadable: render the note.
        return undefined;
      }
    },
    set(inputs, { note, problems }, consulted = []) {
      if (!note) return;
      const used = [...[note.intro, ...note.chapters].flatMap((part) => part.figures), ...consulted];
      const figures = Object.fromEntries(used.map((figure) => [figure, stamp(figure)]));
      const entry: Entry = { figures, note, warnings: problems };
      const file = fileFor(inputs);
      // Written aside, then renamed: a build stopped halfway never leaves half an entry.
      const partial = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(partial, JSON.stringify(entry));
        renameSync(partial, file);
      } catch {
        // A cache that cannot be written (read-only, full disk) only costs time, never the build.
      }
    },
    get hits() {
      return hits;
    },
  };
}

/** Our pipeline code (`src/lib/`, `src/site.ts`), the locked dependency versions and Node's version, hashed. */
export function pipelineFingerprint(root: string): string {
  const digest = createHash('sha256').update(process.version);
  const lib = path.join(root, 'src/lib');
  try {
    for (const file of readdirSync(lib)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort()) {
      digest.update(file).update(readFileSync(path.join(lib, file)));
    }
    // The site's constants (its language, the ids its pages use) shape what the pipeline makes too.
    digest.update(readFileSync(path.join(root, 'src/site.ts')));
    digest.update(readFileSync(path.join(root, 'package-lock.json')));
  } catch {
    // Without the sources to fingerprint, never trust an entry.
    digest.update(String(Math.random()));
  }
  return digest.digest('hex');
}

function hash(...parts: string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex').slice(0, 32);
}

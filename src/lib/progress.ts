/**
 * A reader's progress through the notes, kept on their own device: which
 * chapters they have opened and finished, and where they were last. No
 * server, no account. Chapters are known by note slug and chapter slug, not
 * by anything a build produces, so progress survives a new deploy; it all
 * lives under one versioned localStorage key per site (two sites on one
 * origin, as GitHub project pages are, keep theirs apart). Storage may be
 * missing, full or forbidden (private windows, disabled storage): every
 * access is guarded, and callers learn whether progress can be kept.
 * Pure apart from the storage it is handed; runs in the browser.
 */

/** `read`: the chapter's end was reached; `started`: opened, not finished. */
export type ChapterState = 'read' | 'started';
export type ChapterStatus = ChapterState | 'unread';

/** A place to come back to: a chapter, and the section in it (a heading id). */
export interface Place {
  chapter: string;
  section?: string;
}

export interface NoteProgress {
  chapters: Record<string, ChapterState>;
  last?: Place;
}

/** Progress by note slug. */
export type Progress = Record<string, NoteProgress>;

/** The one localStorage key of a site's progress; the version changes if the format ever does. */
export const progressKey = (base: string): string => `study-notes:progress:v1:${base}`;

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads stored progress, keeping only what is well-formed (storage is the reader's, and may hold anything). */
export function parseProgress(raw: string | null | undefined): Progress {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '{}');
  } catch {
    return {};
  }
  const progress: Progress = {};
  if (!isObject(data)) return progress;
  for (const [note, value] of Object.entries(data)) {
    if (!isObject(value) || !isObject(value.chapters)) continue;
    const chapters: Record<string, ChapterState> = {};
    for (const [chapter, state] of Object.entries(value.chapters)) {
      if (state === 'read' || state === 'started') chapters[chapter] = state;
    }
    const last = value.last;
    progress[note] = {
      chapters,
      ...(isObject(last) && isText(last.chapter)
        ? { last: { chapter: last.chapter, ...(isText(last.section) ? { section: last.section } : {}) } }
        : {}),
    };
  }
  return progress;
}

const noteOf = (progress: Progress, note: string): NoteProgress => progress[note] ?? { chapters: {} };

/** The reader is at `section` (or the start) of `chapter`: it is started, unless already read, and their last place. */
export function visit(progress: Progress, note: string, chapter: string, section?: string): Progress {
  const current = noteOf(progress, note);
  return {
    ...progress,
    [note]: {
      chapters: { ...current.chapters, [chapter]: current.chapters[chapter] ?? 'started' },
      last: section ? { chapter, section } : { chapter },
    },
  };
}

/** The reader reached the end of `chapter`. */
export function markRead(progress: Progress, note: string, chapter: string): Progress {
  const current = noteOf(progress, note);
  return { ...progress, [note]: { ...current, chapters: { ...current.chapters, [chapter]: 'read' } } };
}

export function statusOf(progress: Progress, note: string, chapter: string): ChapterStatus {
  return progress[note]?.chapters[chapter] ?? 'unread';
}

/** How many of the note's chapters (as it has them now) are read and started. */
export function summarize(progress: Progress, note: string, chapters: string[]): { read: number; started: number } {
  const states = chapters.map((chapter) => statusOf(progress, note, chapter));
  return {
    read: states.filter((state) => state === 'read').length,
    started: states.filter((state) => state === 'started').length,
  };
}

/**
 * Where to continue: the last place, if that chapter is not finished; after
 * a finished chapter, the next chapter not yet read (from the start); none
 * when nothing was read yet, the chapter is gone, or every chapter is read.
 */
export function continueAt(progress: Progress, note: string, chapters: string[]): Place | undefined {
  const last = progress[note]?.last;
  const at = last ? chapters.indexOf(last.chapter) : -1;
  if (!last || at === -1) return undefined;
  if (statusOf(progress, note, last.chapter) !== 'read') return last;
  const next = [...chapters.slice(at + 1), ...chapters.slice(0, at)].find(
    (chapter) => statusOf(progress, note, chapter) !== 'read',
  );
  return next ? { chapter: next } : undefined;
}

/** Forgets everything about one note. */
export function clearNote(progress: Progress, note: string): Progress {
  const { [note]: _forgotten, ...rest } = progress;
  return rest;
}

/** localStorage, or anything shaped like it; getting it may throw (storage disabled). */
export type GetStorage = () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The stored progress, and whether progress can be kept at all (a test write succeeds). */
export function loadProgress(storage: GetStorage, key: string): { progress: Progress; available: boolean } {
  try {
    const store = storage();
    const progress = parseProgress(store.getItem(key));
    store.setItem(`${key}:probe`, '1');
    store.removeItem(`${key}:probe`);
    return { progress, available: true };
  } catch {
    return { progress: {}, available: false };
  }
}

/** Stores progress; false when it could not be (no storage, full, forbidden). */
export function saveProgress(storage: GetStorage, key: string, progress: Progress): boolean {
  try {
    storage().setItem(key, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

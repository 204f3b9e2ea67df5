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

/**
 * Progress by note slug, as stored. It is the reader's storage and may hold
 * anything: each function below reads it defensively, and the changes
 * (`visit`, `markRead`, `clearNote`) update it in place and return it.
 */
export type Progress = Record<string, NoteProgress | undefined>;

/** The one localStorage key of a site's progress; the version changes if the format ever does. */
export const progressKey = (base: string): string => `study-notes:progress:v1:${base}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads stored progress: an object, or nothing. */
export function parseProgress(raw: string | null | undefined): Progress {
  try {
    const data: unknown = JSON.parse(raw ?? '{}');
    return isObject(data) ? (data as Progress) : {};
  } catch {
    return {};
  }
}

/** A note's progress, made well-formed where it was not. */
function noteOf(progress: Progress, note: string): NoteProgress {
  const current = progress[note];
  if (!isObject(current) || !isObject(current.chapters)) progress[note] = { chapters: {} };
  return progress[note]!;
}

/** The reader is at `section` (or the start) of `chapter`: it is started, unless already read, and their last place. */
export function visit(progress: Progress, note: string, chapter: string, section?: string): Progress {
  const current = noteOf(progress, note);
  if (statusOf(progress, note, chapter) === 'unread') current.chapters[chapter] = 'started';
  current.last = section ? { chapter, section } : { chapter };
  return progress;
}

/** The reader reached the end of `chapter`. */
export function markRead(progress: Progress, note: string, chapter: string): Progress {
  noteOf(progress, note).chapters[chapter] = 'read';
  return progress;
}

/** Forgets everything about one note. */
export function clearNote(progress: Progress, note: string): Progress {
  delete progress[note];
  return progress;
}

export function statusOf(progress: Progress, note: string, chapter: string): ChapterStatus {
  const state = progress[note]?.chapters?.[chapter];
  return state === 'read' || state === 'started' ? state : 'unread';
}

/** How many of the note's chapters (as it has them now) are read and started. */
export function summarize(progress: Progress, note: string, chapters: string[]): { read: number; started: number } {
  const count = (status: ChapterStatus) =>
    chapters.filter((chapter) => statusOf(progress, note, chapter) === status).length;
  return { read: count('read'), started: count('started') };
}

/**
 * Where to continue: the last place, if that chapter is not finished; after
 * a finished chapter, the next chapter not yet read (from the start); none
 * when nothing was read yet, the chapter is gone, or every chapter is read.
 */
export function continueAt(progress: Progress, note: string, chapters: string[]): Place | undefined {
  const last: Partial<Record<keyof Place, unknown>> | undefined = progress[note]?.last;
  const at = chapters.indexOf(last?.chapter as string);
  if (at === -1) return undefined;
  const chapter = chapters[at]!;
  if (statusOf(progress, note, chapter) !== 'read') {
    return typeof last?.section === 'string' && last.section ? { chapter, section: last.section } : { chapter };
  }
  const next = [...chapters.slice(at + 1), ...chapters.slice(0, at)].find(
    (other) => statusOf(progress, note, other) !== 'read',
  );
  return next ? { chapter: next } : undefined;
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

/**
 * Narrowing the list of notes as the reader types, on the home page: the
 * words typed must all appear in a note's title, categories or tags (case
 * ignored); notes whose title matches come first, otherwise newest first.
 * Runs in the browser over the small list the build writes (`note-list.json`).
 */

/** One note as the list carries it: title, address (with the base path), date, categories, tags. */
export type NoteListEntry = [title: string, url: string, date: string, categories: string, tags: string];

export interface FilterResult {
  /** The notes to show, at most `limit`. */
  shown: NoteListEntry[];
  /** How many notes match in all. */
  total: number;
}

/** The notes matching every word of `query`; none when the query is empty. */
export function filterNotes(entries: NoteListEntry[], query: string, limit = 50): FilterResult {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { shown: [], total: 0 };
  const inTitle: NoteListEntry[] = [];
  const elsewhere: NoteListEntry[] = [];
  for (const entry of entries) {
    const [title, , , categories, tags] = entry;
    const text = `${title}\n${categories}\n${tags}`.toLowerCase();
    if (!words.every((word) => text.includes(word))) continue;
    const titleText = title.toLowerCase();
    (words.every((word) => titleText.includes(word)) ? inTitle : elsewhere).push(entry);
  }
  const all = [...inTitle, ...elsewhere];
  return { shown: all.slice(0, limit), total: all.length };
}

/** Every note's title, address, date, categories and tags, compact, for the home page's filter (`lib/note-filter.ts`). */

import content from 'virtual:notes';
import type { APIRoute } from 'astro';
import { href } from '../components/href.ts';
import type { NoteListEntry } from '../lib/note-filter.ts';

export const GET: APIRoute = () => {
  const notes: NoteListEntry[] = content.notes.map((note) => [
    note.title,
    href(note.path),
    note.date?.text ?? '',
    note.categories.map((path) => path.join(' / ')).join(' · '),
    note.tags.map((tag) => `#${tag}`).join(' '),
  ]);
  return new Response(JSON.stringify({ notes }), { headers: { 'Content-Type': 'application/json' } });
};

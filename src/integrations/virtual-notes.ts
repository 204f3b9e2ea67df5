/**
 * The Vite plugin that hands pages the notes: `import content from
 * 'virtual:notes'` is the pipeline's result for the current notes, without
 * their HTML, and `partHtml(note, n)` the HTML of a note's introduction (0)
 * or chapter n. The module only reads files `writeNotes` wrote: the notes
 * (megabytes of HTML on a large site) never pass through Vite's bundler, and
 * the pages' code stays the same when only notes change. A note's HTML is a
 * file of its own, named by the note's digest, read when a page of it is
 * rendered: a rebuild after one edit writes one such file (not every note's
 * HTML again), and only the notes whose pages are rendered are read and held.
 * In the dev server a broken note shows in Vite's error overlay and the page
 * reloads when it is fixed (`invalidateNotes`).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { SiteContent } from '../lib/build-notes.ts';

const VIRTUAL_ID = 'virtual:notes';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * `current` gives the file the notes as last loaded are written to, or the
 * report of why they could not be loaded.
 */
export function virtualNotes(current: () => { file: string } | { report: string }): Plugin {
  return {
    name: 'study-notes:virtual-notes',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const content = current();
      if ('report' in content) throw new Error(content.report);
      return `import { readFileSync } from 'node:fs';
const { content, parts } = JSON.parse(readFileSync(${JSON.stringify(content.file)}, 'utf8'));
export default content;
const read = new Map();
export function partHtml(note, part) {
  let file = read.get(note.digest);
  if (!file) {
    // Bytes, decoded a part at a time: each page decodes only its own part.
    const bytes = readFileSync(parts + '/' + note.digest + '.html');
    const header = bytes.indexOf(10);
    let start = header + 1;
    const ranges = bytes.toString('latin1', 0, header).split(',').map((length) => [start, (start += Number(length))]);
    // Whole, as written (aside, then renamed): anything else is not to be published.
    if (header < 0 || start !== bytes.length) {
      throw new Error(parts + '/' + note.digest + '.html is not whole; remove that folder and build again');
    }
    file = { bytes, ranges };
    read.set(note.digest, file);
    // Pages are rendered note by note: the last few notes' files are all a build needs at hand.
    if (read.size > 8) read.delete(read.keys().next().value);
  }
  const [from, to] = file.ranges[part];
  return file.bytes.toString('utf8', from, to);
}
`;
    },
  };
}

/**
 * Writes what the module reads: `content` without the notes' HTML to `file`, and in `partsDir` each note's HTML
 * unless written already (a line of each part's length in bytes, then the introduction and the chapters in
 * order); a note's file no note has any more is removed.
 */
export function writeNotes(file: string, partsDir: string, content: SiteContent): void {
  mkdirSync(partsDir, { recursive: true });
  const names = new Set<string>();
  for (const note of content.notes) {
    // Set on every note once all are loaded (`build-notes.ts`); pages find the note's file by it.
    if (!note.digest) throw new Error(`${note.source}: the note has no digest to name its HTML's file by`);
    const name = `${note.digest}.html`;
    names.add(name);
    const to = path.join(partsDir, name);
    const html = [note.intro.html, ...note.chapters.map((chapter) => chapter.html)];
    const header = `${html.map((part) => Buffer.byteLength(part)).join(',')}\n`;
    // Named by the digest of everything the note shows: a whole file of that name holds this HTML.
    if (sizeOf(to) === Buffer.byteLength(header) + html.reduce((sum, part) => sum + Buffer.byteLength(part), 0))
      continue;
    // Written aside, then renamed: a build stopped halfway (or a full disk) never leaves a part of a note's HTML.
    const partial = `${to}.${process.pid}.tmp`;
    writeFileSync(partial, `${header}${html.join('')}`);
    renameSync(partial, to);
  }
  for (const name of readdirSync(partsDir)) if (!names.has(name)) rmSync(path.join(partsDir, name), { force: true });
  writeFileSync(file, JSON.stringify({ content: withoutHtml(content), parts: partsDir }));
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** The notes with every part's HTML left out: what pages need of every note, and what a build holds throughout. */
export function withoutHtml(content: SiteContent): SiteContent {
  const part = <Part extends { html: string }>(rendered: Part): Part => ({ ...rendered, html: '' });
  return {
    ...content,
    notes: content.notes.map((note) => ({ ...note, intro: part(note.intro), chapters: note.chapters.map(part) })),
  };
}

/** Makes pages read the notes again, and reloads the browser. */
export function invalidateNotes(server: ViteDevServer): void {
  const module = server.moduleGraph.getModuleById(RESOLVED_ID);
  if (module) server.moduleGraph.invalidateModule(module);
  server.ws.send({ type: 'full-reload' });
}

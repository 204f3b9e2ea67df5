/**
 * Links a note writes to other files in the notes folder, as it would on
 * disk or in an editor: `[ls(1)](../man1/ls.1.md)`, `[见第二章](./其他笔记.md#一节)`,
 * `[讲义](笔记/讲义.pdf)`, `[上文](#一节)`. On the site these must lead to
 * the page (and section) the target became, or to the published file.
 *
 * In two steps, because a note is rendered (and cached) on its own while a
 * link's target is another note's page:
 * 1. `remarkNoteLinks`, while a part renders: a link to a note (or to a
 *    section of this note) is marked with where it points and its line; a
 *    link to another file beside the notes publishes that file and points at
 *    it; a link to nothing is reported and shown as its text.
 * 2. `resolveNoteLinks`, once every note is loaded: each mark becomes the URL
 *    of the page that holds the target section; a note or section that does
 *    not exist is reported at the link's line (a warning, or an error if the
 *    site asks for it), and the link shown as text.
 */
import { slug as githubSlug } from 'github-slugger';
import type { Link, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type FigureOptions, resolveFigure } from './figures.ts';
import type { Chapter, Note } from './load-note.ts';
import type { NoteProblem, Severity } from './problems.ts';
import { report } from './problems.ts';
import type { RenderedPart } from './render.ts';
import { figurePath, fragmentHref, siteUrl } from './urls.ts';

const NOTE_FILE = /\.(md|markdown|mdx)$/i;

/** The attribute that carries a link's target from step 1 to step 2: `line|note path#fragment`. */
const MARK = 'data-note-link';

/** Remark plugin (step 1): marks links to notes, publishes linked files, reports links to nothing. */
export function remarkNoteLinks(options: FigureOptions) {
  return (tree: Root, file: VFile) => {
    const attachments: string[] = [];
    visit(tree, 'link', (link: Link, index, parent) => {
      const { url } = link;
      // Links elsewhere (`https:`, `mailto:`), and what the author did not write as a path, are not ours.
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) || url === '') return;
      const line = link.position?.start.line ?? 1;
      const [pathPart = '', ...rest] = url.split('#');
      const fragment = rest.join('#');
      if (pathPart === '') {
        mark(link, line, options.noteFile, fragment);
        return;
      }
      // `@其他笔记`: a note named by its file name (Hexo's post_link), wherever it is.
      if (pathPart.startsWith('@')) {
        mark(link, line, pathPart, fragment);
        return;
      }
      const resolved = resolveFigure(pathPart, options.noteFile);
      if (resolved.kind === 'local' && NOTE_FILE.test(resolved.relativeToNotes)) {
        mark(link, line, resolved.relativeToNotes, fragment);
        return;
      }
      if (resolved.kind === 'local' && options.isFile?.(resolved.relativeToNotes)) {
        attachments.push(resolved.relativeToNotes);
        link.url = siteUrl(options.base, figurePath(resolved.relativeToNotes));
        return;
      }
      // A converted book links to its own chapters' old files (`ch02.html#_section`): one note now holds them all.
      if (fragment && resolved.kind === 'local') {
        mark(link, line, `?${options.noteFile}`, fragment, url);
        return;
      }
      report(file, {
        at: link,
        message: `the link ${url} leads to nothing (looked for ${options.notesDisplayDir ?? 'notes'}/${resolved.kind === 'local' ? resolved.relativeToNotes : url})`,
        hint: "correct the path, or put the file in the note's folder; the link is shown as its text meanwhile",
        severity: 'warning',
        rule: 'broken-link',
      });
      if (parent && index !== undefined) {
        parent.children.splice(index, 1, ...link.children);
        return [SKIP, index];
      }
      return undefined;
    });
    file.data.attachments = attachments;
  };
}

/**
 * Marks a link for step 2. `target` is a note's path, `@name` (a note by
 * file name) or `?path` (this note, if it has the section: the link as
 * written, `written`, leads to a file that does not exist).
 */
function mark(link: Link, line: number, target: string, fragment: string, written = ''): void {
  // Step 2 replaces the link's address (the path as written, until then) with the page's.
  const value = `${line}|${target}#${fragment}${written ? `|${encodeURIComponent(written)}` : ''}`;
  link.data = { ...link.data, hProperties: { ...link.data?.hProperties, dataNoteLink: value } };
}

export interface ResolveOptions {
  base: string;
  /** How a link to a note or section that does not exist is reported. */
  brokenLinks: Severity;
}

/**
 * Step 2: gives every marked link in every note its address; returns the
 * notes with their links resolved, and the problems with links that lead nowhere.
 */
export function resolveNoteLinks(notes: Note[], options: ResolveOptions): { notes: Note[]; problems: NoteProblem[] } {
  const byFile = new Map<string, Note>();
  for (const note of notes) byFile.set(note.source, note);
  // Hexo's post_link names a post by its file name; a name two notes share names neither.
  const byName = new Map<string, Note | undefined>();
  for (const note of notes) {
    const name = `@${note.source.split('/').pop()?.replace(NOTE_FILE, '')}`;
    byName.set(name, byName.has(name) ? undefined : note);
  }
  const problems: NoteProblem[] = [];
  const resolvePart = <P extends RenderedPart>(note: Note, part: P): P => {
    if (!part.html.includes(MARK)) return part;
    // The whole opening tag: its `href` (the path as written) goes, the page's address comes in.
    const html = part.html.replace(
      new RegExp(`<a((?: [^>]*?)?) ${MARK}="(\\d+)\\|([^"#]*)#([^"|]*)(?:\\|([^"]*))?"([^>]*)>`, 'g'),
      (
        _,
        before: string,
        line: string,
        target: string,
        fragment: string,
        written: string | undefined,
        after: string,
      ) => {
        const others = `${before}${after}`.replace(/ href="[^"]*"/, '');
        const tag = (href: string) => `<a${href}${others}>`;
        const problem = (message: string) => {
          problems.push({
            file: note.file,
            line: Number(line),
            severity: options.brokenLinks,
            message,
            hint: 'correct the link to the note file and section (as written in the note or its heading), or remove it; it is shown as its text meanwhile',
            rule: 'broken-link',
          });
          return tag('');
        };
        const wanted = decodeEntities(target);
        const section = decodeEntities(fragment);
        const guess = wanted.startsWith('?');
        const into = wanted.startsWith('@') ? byName.get(wanted) : byFile.get(guess ? wanted.slice(1) : wanted);
        if (!into) {
          return problem(
            wanted.startsWith('@')
              ? `{% post_link ${wanted.slice(1)} %} names no note (or more than one)`
              : `the link to ${wanted} leads to no note`,
          );
        }
        const found = findSection(into, section);
        if (!found) {
          return problem(
            guess
              ? `the link ${decodeURIComponent(decodeEntities(written ?? ''))} leads to nothing (no such file, and no section #${section} in this note)`
              : `the link to ${wanted}#${section} leads to no section of that note`,
          );
        }
        const href =
          found.part === part && found.id !== undefined
            ? fragmentHref(found.id)
            : siteUrl(options.base, found.part === into.intro ? into.path : (found.part as Chapter).path, found.id);
        return tag(` href="${href}"`);
      },
    );
    return { ...part, html };
  };
  const resolved = notes.map((note) => ({
    ...note,
    intro: resolvePart(note, note.intro),
    chapters: note.chapters.map((chapter) => resolvePart(note, chapter)),
  }));
  return { notes: resolved, problems };
}

/** The part of `note` that holds the section `fragment` (any element id, or a heading's text), and its id. */
function findSection(note: Note, fragment: string): { part: RenderedPart; id?: string } | undefined {
  const parts: RenderedPart[] = [note.intro, ...note.chapters];
  if (!fragment) return { part: note.intro };
  const wanted = [fragment, githubSlug(fragment)];
  for (const candidate of wanted) {
    for (const part of parts) {
      if (part.anchors.includes(candidate)) return { part, id: candidate };
    }
  }
  // `#NAME` for a heading `name`: ids differ only in case.
  const lower = fragment.toLowerCase();
  for (const part of parts) {
    const id = part.anchors.find((anchor) => anchor.toLowerCase() === lower);
    if (id !== undefined) return { part, id };
  }
  // A link to a chapter's own title lands on that chapter's page.
  const chapter = note.chapters.find((c) => githubSlug(c.heading) === githubSlug(fragment));
  return chapter ? { part: chapter } : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&#x([0-9a-f]+);|&#(\d+);|&(amp|quot|lt|gt);/gi, (_, hex, decimal, named) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(Number(decimal));
    return ({ amp: '&', quot: '"', lt: '<', gt: '>' } as Record<string, string>)[named] ?? '';
  });
}

declare module 'vfile' {
  interface DataMap {
    /** Files beside the notes that a part links to (published as they are), relative to the notes folder. */
    attachments: string[];
  }
}

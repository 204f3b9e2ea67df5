/**
 * Loads one note from its source text: front matter → metadata, body → tree
 * → introduction and chapters (each with the definitions it refers to), each rendered. Pure apart from the figure
 * lookup it is given, so it is tested on strings.
 */
import { slug as githubSlug } from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { inlineReferences, shareFootnotes } from './definitions.ts';
import { NoteError, type NoteProblem } from './errors.ts';
import type { FigureOptions } from './figures.ts';
import { parseFrontMatter } from './front-matter.ts';
import type { UpdatedDate } from './note-dates.ts';
import { type NoteMeta, readNoteMeta } from './note-meta.ts';
import { parseMarkdown } from './parse-note.ts';
import { type RenderedPart, renderPart } from './render.ts';
import { relevelHeadings, splitChapters } from './split-chapters.ts';
import { chapterPath, notePath, type SitePath } from './urls.ts';

export interface Chapter extends RenderedPart {
  number: number;
  /** Heading text without the number. */
  title: string;
  /** The heading as written, e.g. `1 ChatGPT 原理剖析`. */
  heading: string;
  slug: string;
  path: SitePath;
  description: string;
}

export interface Note extends NoteMeta {
  slug: string;
  path: SitePath;
  /** The note's file as shown to authors, e.g. `notes/a.md`. */
  file: string;
  description: string;
  /** Text before the first chapter; the whole note when it has no chapters. */
  intro: RenderedPart;
  chapters: Chapter[];
  /** When the note last changed (git, or the file's time), set where files are read (`build-notes.ts`). */
  updated?: UpdatedDate;
}

export interface NoteSource {
  /** Path relative to the notes folder, posix separators: `生成式AI学习笔记.md`. */
  relativePath: string;
  /** Path shown in errors: `notes/生成式AI学习笔记.md`. */
  displayFile: string;
  text: string;
}

/** The URL slug of a note or chapter title: lower-case, spaces to `-`, CJK kept. */
export function slugify(text: string): string {
  return githubSlug(text);
}

/** Loads and renders one note. Throws a NoteError listing every problem in it. */
export async function loadNote(source: NoteSource, options: Omit<FigureOptions, 'noteFile'>): Promise<Note> {
  const file = source.displayFile;
  const text = source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = parseFrontMatter(text, file);
  const stem = source.relativePath
    .split('/')
    .pop()!
    .replace(/\.mdx?$/i, '');
  const meta = readNoteMeta(split.data, stem, split.yaml, file);
  const mdx = /\.mdx$/i.test(source.relativePath);
  const tree = inlineReferences(parseMarkdown(split.body, mdx));
  const parts = splitChapters(tree, file, split.bodyLineOffset);
  const footnotes = shareFootnotes(
    [parts.intro, ...parts.chapters.map((chapter) => chapter.tree)],
    file,
    split.bodyLineOffset,
  );
  const [intro = parts.intro, ...chapterTrees] = footnotes.parts;
  const chapters = parts.chapters.map((chapter, index) => ({ ...chapter, tree: chapterTrees[index] ?? chapter.tree }));
  const slug = slugify(stem) || 'note';
  const context = {
    ...options,
    noteFile: source.relativePath,
    displayFile: file,
    lineOffset: split.bodyLineOffset,
    mdx,
  };

  const problems: NoteProblem[] = [...footnotes.problems];
  const render = async (part: Root, chapter?: number): Promise<RenderedPart> => {
    const result = await renderPart(relevelHeadings(part), { ...context, chapter });
    if ('problems' in result) {
      problems.push(...result.problems);
      return { html: '', headings: [], figures: [], hasMath: false, readingMinutes: 0 };
    }
    return result;
  };

  const renderedIntro = await render(intro);
  const renderedChapters: Chapter[] = [];
  for (const chapter of chapters) {
    const chapterSlug = [String(chapter.number), slugify(chapter.title)].filter(Boolean).join('-');
    renderedChapters.push({
      ...(await render(chapter.tree, chapter.number)),
      number: chapter.number,
      title: chapter.title,
      heading: chapter.heading,
      slug: chapterSlug,
      path: chapterPath(slug, chapterSlug),
      description: summarize(chapter.tree) || `${meta.title}：${chapter.heading}`,
    });
  }
  if (problems.length > 0) throw new NoteError(problems);

  return {
    ...meta,
    slug,
    path: notePath(slug),
    file,
    description: meta.description ?? (summarize(intro) || meta.title),
    intro: renderedIntro,
    chapters: renderedChapters,
  };
}

/** The first paragraph's text, shortened for `<meta name="description">`. */
function summarize(tree: Root): string {
  const paragraph = tree.children.find((node) => node.type === 'paragraph' && toString(node).trim());
  const text = paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : '';
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

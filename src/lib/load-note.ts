/**
 * Loads one note from its source text: front matter → metadata, body → tree
 * → introduction and chapters (each with the definitions it refers to), each rendered. Pure apart from the figure
 * lookup it is given, so it is tested on strings.
 */
import { slug as githubSlug } from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { inlineReferences, shareFootnotes } from './definitions.ts';
import type { FigureOptions } from './figures.ts';
import { readFrontMatter } from './front-matter.ts';
import { checkMath } from './math.ts';
import { type NoteMeta, readNoteMeta } from './note-meta.ts';
import { parseMarkdown } from './parse-note.ts';
import { isError, type NoteProblem, problemsIn } from './problems.ts';
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

/** A note as loaded: the note, unless a problem stops it, and every problem found in it. */
export interface LoadedNote {
  note: Note | undefined;
  problems: NoteProblem[];
}

export interface LoadOptions extends Omit<FigureOptions, 'noteFile'> {
  /** Dollar-sign math for the whole site (default on); a note can switch it off with `math: false`. */
  math?: boolean;
}

/** Loads and renders one note, reporting every problem in it (the note is undefined if any is an error). */
export async function loadNote(source: NoteSource, options: LoadOptions): Promise<LoadedNote> {
  const text = source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const file = new VFile({ path: source.displayFile, value: text });
  const mdx = /\.mdx$/i.test(source.relativePath);
  let syntax = { mdx, math: options.math ?? true };
  let tree = parseMarkdown(text, syntax);
  const frontMatter = readFrontMatter(tree, file);
  if (syntax.math && frontMatter.data.math === false) {
    // The note says its dollar signs are text: read it again without math (its front matter is read already).
    syntax = { mdx, math: false };
    tree = parseMarkdown(text, syntax);
    if (tree.children[0]?.type === 'yaml') tree.children.shift();
  }
  if (syntax.math) checkMath(tree, file, (fragment) => parseMarkdown(fragment, syntax));
  const stem = source.relativePath
    .split('/')
    .pop()!
    .replace(/\.mdx?$/i, '');
  const meta = readNoteMeta(frontMatter, stem, file);
  const parts = splitChapters(inlineReferences(tree), file);
  const [intro = parts.intro, ...chapterTrees] = shareFootnotes(
    [parts.intro, ...parts.chapters.map((chapter) => chapter.tree)],
    file,
  );
  const chapters = parts.chapters.map((chapter, index) => ({ ...chapter, tree: chapterTrees[index] ?? chapter.tree }));
  const slug = slugify(stem) || 'note';
  const context = { ...options, noteFile: source.relativePath, file, mdx };
  const render = (part: Root) => renderPart(relevelHeadings(part), context);

  const renderedIntro = await render(intro);
  const renderedChapters: Chapter[] = [];
  for (const chapter of chapters) {
    const chapterSlug = [String(chapter.number), slugify(chapter.title)].filter(Boolean).join('-');
    renderedChapters.push({
      ...(await render(chapter.tree)),
      number: chapter.number,
      title: chapter.title,
      heading: chapter.heading,
      slug: chapterSlug,
      path: chapterPath(slug, chapterSlug),
      description: summarize(chapter.tree) || `${meta.title}：${chapter.heading}`,
    });
  }
  const problems = problemsIn(file);
  if (problems.some(isError)) return { note: undefined, problems };
  const note: Note = {
    ...meta,
    slug,
    path: notePath(slug),
    file: source.displayFile,
    description: meta.description ?? (summarize(intro) || meta.title),
    intro: renderedIntro,
    chapters: renderedChapters,
  };
  return { note, problems };
}

/** The first paragraph's text, shortened for `<meta name="description">`. */
function summarize(tree: Root): string {
  const paragraph = tree.children.find((node) => node.type === 'paragraph' && toString(node).trim());
  const text = paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : '';
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

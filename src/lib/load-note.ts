/**
 * Loads one note from its source text: front matter → metadata; the text →
 * tree (dollar signs decided, pandoc's attributes read) → introduction and
 * pages (each with the definitions it refers to), each rendered. Pure apart
 * from the figure lookup it is given, so it is tested on strings.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { SITE_LANG } from '../site.ts';
import { inlineReferences, shareFootnotes } from './definitions.ts';
import type { FigureOptions } from './figures.ts';
import { readFrontMatter } from './front-matter.ts';
import { readHexoTags } from './hexo-tags.ts';
import { checkMath } from './math.ts';
import type { UpdatedDate } from './note-dates.ts';
import { type LangChoice, noteLang } from './note-lang.ts';
import { type NoteMeta, readNoteMeta } from './note-meta.ts';
import { readPandocAttributes } from './pandoc-attributes.ts';
import { parseMarkdown } from './parse-note.ts';
import { isError, type NoteProblem, problemsIn, report } from './problems.ts';
import { type RenderedPart, renderPart } from './render.ts';
import { relevelHeadings, splitChapters } from './split-chapters.ts';
import { chapterPath, notePath, noteSlug, type SitePath, slugify } from './urls.ts';

/** A page of a note after its introduction: a chapter, or an unnumbered page such as an appendix. */
export interface Chapter extends RenderedPart {
  /** The chapter's number; undefined for an unnumbered page (an appendix, references). */
  number: number | undefined;
  /** Heading text without the number. */
  title: string;
  /** The heading as written, as text, e.g. `1 ChatGPT 原理剖析`. */
  heading: string;
  /** The heading's line in the note file. */
  line: number;
  slug: string;
  path: SitePath;
  description: string;
}

export interface Note extends NoteMeta {
  /** The note's file, relative to the notes folder: `手册/man1/ls.1.md`. */
  source: string;
  /** What its pages show, hashed (set once every note is loaded): the pages' cache key for Astro. */
  digest?: string;
  /** The language of the note's text (`zh-CN`, `zh-TW`, …), for its pages' `lang`. */
  lang: string;
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
  /** The encoding the text was read from, if not UTF-8 (`GB18030`): the build says so. */
  encoding?: string;
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
  if (source.encoding && source.encoding !== 'UTF-8') {
    report(file, {
      at: { line: 1, column: 1 },
      message: `this note is saved as ${source.encoding}; it was read as ${source.encoding}`,
      hint: 'nothing is lost; save the note as UTF-8 to silence this (most editors offer it under "Save with encoding")',
      severity: 'warning',
      rule: 'encoding',
    });
  }
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
  readPandocAttributes(tree);
  readHexoTags(tree, file, source.relativePath);
  const lang = noteLang(frontMatter.data.lang, text);
  if ('invalid' in lang) {
    report(file, {
      at: { line: frontMatter.lineOf('lang'), column: 1 },
      message: `lang: ${JSON.stringify(lang.invalid)} is not a language tag, so the note's language is read from its text`,
      hint: 'write a tag such as `lang: zh-TW`, `lang: zh-CN` or `lang: en`, or remove the line',
      severity: 'warning',
      rule: 'front-matter',
    });
  }
  const stem = source.relativePath
    .split('/')
    .pop()!
    .replace(/\.(md|markdown|mdx)$/i, '');
  const meta = readNoteMeta(frontMatter, stem, file);
  const parts = splitChapters(inlineReferences(tree), file);
  const [intro = parts.intro, ...chapterTrees] = shareFootnotes(
    [parts.intro, ...parts.chapters.map((chapter) => chapter.tree)],
    file,
  );
  const chapters = parts.chapters.map((chapter, index) => ({ ...chapter, tree: chapterTrees[index] ?? chapter.tree }));
  const slug = noteSlug(source.relativePath);
  const context = { ...options, noteFile: source.relativePath, file, mdx };
  const render = (part: Root, chapter?: number) => renderPart(relevelHeadings(part), { ...context, chapter });

  const renderedIntro = await render(intro);
  const renderedChapters: Chapter[] = [];
  const slugs = new Set<string>();
  for (const chapter of chapters) {
    const numbered = [chapter.number === undefined ? '' : String(chapter.number), slugify(chapter.title)];
    const chapterSlug = uniqueSlug(numbered.filter(Boolean).join('-') || 'page', slugs);
    renderedChapters.push({
      ...(await render(chapter.tree, chapter.number)),
      number: chapter.number,
      title: chapter.title,
      heading: chapter.heading,
      line: chapter.line,
      slug: chapterSlug,
      path: chapterPath(slug, chapterSlug),
      description: summarize(chapter.tree) || `${meta.title}：${chapter.heading}`,
    });
  }
  const problems = problemsIn(file);
  if (problems.some(isError)) return { note: undefined, problems };
  const note: Note = {
    ...meta,
    source: source.relativePath,
    lang: languageOf(lang, text),
    slug,
    path: notePath(slug),
    file: source.displayFile,
    description: meta.description ?? (summarize(intro) || meta.title),
    intro: renderedIntro,
    chapters: renderedChapters,
  };
  return { note, problems };
}

/** The language chosen for a note; an invalid declaration falls back to its text's. */
function languageOf(choice: LangChoice, text: string): string {
  if ('lang' in choice) return choice.lang;
  const read = noteLang(undefined, text);
  return 'lang' in read ? read.lang : SITE_LANG;
}

/** `slug`, or `slug-2`, `slug-3` … if a page of the note has it already. */
function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let n = 2; taken.has(unique); n += 1) unique = `${slug}-${n}`;
  taken.add(unique);
  return unique;
}

/** The first paragraph's text, shortened for `<meta name="description">`. */
function summarize(tree: Root): string {
  const paragraph = tree.children.find((node) => node.type === 'paragraph' && toString(node).trim());
  const text = paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : '';
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

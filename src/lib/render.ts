/**
 * Renders one part of a note (its introduction or a chapter) from mdast to
 * HTML: figures resolved, MDX HTML kept, footnotes labelled in Chinese, math
 * typeset by KaTeX and code coloured by Shiki at build time (each only where
 * the part has some), headings given anchors. Problems found on the way are
 * reported on the note's file.
 */

import rehypeShiki from '@shikijs/rehype';
import type { Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { CODE_HIGHLIGHTING } from './code-highlighting.ts';
import { rehypeFigureDialogs } from './figure-dialogs.ts';
import { rehypeFigureNumbers } from './figure-numbers.ts';
import { type FigureOptions, remarkFigures } from './figures.ts';
import { type PageHeading, rehypeHeadingAnchors } from './heading-anchors.ts';
import { KATEX_OPTIONS } from './math.ts';
import { remarkMdxAsHtml } from './mdx-as-html.ts';
import { remarkNoteLinks } from './note-links.ts';
import { rehypeRawFigures } from './raw-figures.ts';
import { readingMinutes } from './reading-time.ts';
import { rehypeResponsiveFigures } from './responsive-figures.ts';
import { markdownImagePlaces, rehypeSanitizeNote } from './sanitize-html.ts';
import { rehypeTableTokens } from './table-tokens.ts';
import { eachElement } from './tree-walk.ts';

export interface RenderedPart {
  html: string;
  headings: PageHeading[];
  /** Every id in the part (headings, footnotes, the author's anchors), for links from elsewhere to find. */
  anchors: string[];
  /** Files the part publishes, relative to the notes folder: its figures and the files it links to. */
  figures: string[];
  /** Whether the part contains math, so only such pages load KaTeX's CSS. */
  hasMath: boolean;
  /** Estimated minutes to read (`reading-time.ts`: Chinese by characters, not words). */
  readingMinutes: number;
}

export interface RenderContext extends FigureOptions {
  /** The note's file: problems are reported on it. */
  file: VFile;
  /** Whether the note is MDX (so JSX and expressions need handling). */
  mdx?: boolean;
  /** The chapter's number, for figure numbers (图 2-1); none in an introduction (图 1). */
  chapter?: number;
}

/**
 * Renders `tree` to HTML, reporting problems on the note's file. The tree is
 * changed on the way (figures rewritten): pass one that is not used again.
 */
export async function renderPart(tree: Root, context: RenderContext): Promise<RenderedPart> {
  // Each part renders with a file of its own (figures, headings), whose messages join the note's.
  const file = new VFile({ path: context.file.path, value: context.file.value });
  const types = typesIn(tree);
  const hasMath = types.has('math') || types.has('inlineMath');
  const markdownImages = markdownImagePlaces(tree);
  const processor = unified()
    .use(remarkFigures, context)
    .use(remarkNoteLinks, context)
    .use(context.mdx ? [remarkMdxAsHtml] : [])
    .use(remarkRehype, {
      allowDangerousHtml: true,
      footnoteLabel: '脚注',
      footnoteLabelProperties: { className: ['footnotes-label'] },
      footnoteBackLabel: (index: number) => `返回正文第 ${index + 1} 处引用`,
    })
    // The author's HTML joins the tree (lines kept), its images become figures, then only what is safe stays.
    .use(types.has('html') ? [rehypeRaw] : [])
    .use(rehypeRawFigures, { ...context, markdownImages })
    .use(rehypeSanitizeNote, { markdownImages })
    // Every math node was read by `math.ts` already: its problems are reported, so KaTeX only typesets here.
    .use(hasMath ? [[rehypeKatex, { ...KATEX_OPTIONS, throwOnError: false, strict: 'ignore' }]] : [])
    .use(types.has('code') ? [[rehypeShiki, CODE_HIGHLIGHTING]] : [])
    .use(types.has('table') ? [rehypeTableTokens] : [])
    .use(rehypeFootnoteIds)
    .use(rehypeResponsiveFigures, { base: context.base, lookup: context.lookup })
    .use(rehypeFigureNumbers, { chapter: context.chapter })
    .use(rehypeFigureDialogs)
    .use(rehypeHeadingAnchors)
    .use(rehypeStringify);
  const hast = await processor.run(tree, file);
  // rehype-katex's own messages repeat what `math.ts` reported already, with its line.
  context.file.messages.push(...file.messages.filter((message) => message.source !== 'rehype-katex'));
  return {
    html: processor.stringify(hast, file),
    headings: file.data.headings ?? [],
    anchors: idsIn(hast),
    figures: [...new Set([...(file.data.figures ?? []), ...(file.data.attachments ?? [])])],
    hasMath,
    readingMinutes: readingMinutes(hast),
  };
}

/**
 * Footnote ids come percent-encoded (`fn-%E5%8B%BE`) while their links are
 * read decoded; ids as written (`fn-勾股`) make every `#fragment` match.
 */
function rehypeFootnoteIds() {
  return (tree: HastRoot) => {
    eachElement(tree, (node) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id.startsWith('user-content-fn')) node.properties.id = decoded(id);
    });
  };
}

function idsIn(tree: HastRoot): string[] {
  const ids: string[] = [];
  eachElement(tree, (node) => {
    if (typeof node.properties.id === 'string') ids.push(node.properties.id);
  });
  return ids;
}

/** `id` decoded, or as it is where it is not valid percent-encoding (a label such as `[^%E0%A4]`). */
function decoded(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** The kinds of node in a part, found in one walk, so that only the plugins it needs run. */
function typesIn(tree: Root): Set<string> {
  const types = new Set<string>();
  const walk = (node: Nodes) => {
    types.add(node.type);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return types;
}

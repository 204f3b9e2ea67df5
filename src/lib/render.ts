/**
 * Renders one part of a note (its introduction or a chapter) from mdast to
 * HTML: figures resolved, MDX HTML kept, footnotes labelled in Chinese, math
 * typeset by KaTeX and code coloured by Shiki at build time (each only where
 * the part has some), headings given anchors. Problems found on the way come back as values with
 * the note's file and line.
 */

import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { NoteProblem } from './errors.ts';
import { type FigureOptions, remarkFigures } from './figures.ts';
import { type PageHeading, rehypeHeadingAnchors } from './heading-anchors.ts';
import { remarkMdxAsHtml } from './mdx-as-html.ts';
import { rehypeResponsiveFigures } from './responsive-figures.ts';

export interface RenderedPart {
  html: string;
  headings: PageHeading[];
  /** Figures used, relative to the notes folder. */
  figures: string[];
  /** Whether the part contains math, so only such pages load KaTeX's CSS. */
  hasMath: boolean;
}

export interface RenderContext extends FigureOptions {
  /** The note's path as shown in errors, e.g. `notes/a.md`. */
  displayFile: string;
  /** Lines before the parsed body in the file (the front matter). */
  lineOffset: number;
  /** Whether the note is MDX (so JSX and expressions need handling). */
  mdx?: boolean;
}

/**
 * Code is coloured at build time for both themes at once (CSS variables the
 * stylesheet picks from by colour scheme), so no highlighter runs in the
 * browser. Languages load when a note first uses them; an unknown language is
 * shown as plain text, never dropped.
 */
const CODE_HIGHLIGHTING: RehypeShikiOptions = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  defaultColor: false,
  langs: [],
  lazy: true,
  defaultLanguage: 'text',
  fallbackLanguage: 'text',
};

const HINTS: Record<string, string> = {
  katex: 'fix the TeX between the `$` signs (see the KaTeX error above); write a literal dollar sign as `\\$`',
};

/**
 * Renders `tree` to HTML, or returns the problems that stop it. The tree is
 * changed on the way (figures rewritten): pass one that is not used again.
 */
export async function renderPart(
  tree: Root,
  context: RenderContext,
): Promise<RenderedPart | { problems: NoteProblem[] }> {
  const file = new VFile({ path: context.displayFile });
  const hasMath = contains(tree, ['math', 'inlineMath']);
  const processor = unified()
    .use(remarkFigures, context)
    .use(context.mdx ? [remarkMdxAsHtml] : [])
    .use(remarkRehype, {
      allowDangerousHtml: true,
      footnoteLabel: '脚注',
      footnoteLabelProperties: { className: ['footnotes-label'] },
      footnoteBackLabel: (index: number) => `返回正文第 ${index + 1} 处引用`,
    })
    .use(hasMath ? [[rehypeKatex, { output: 'htmlAndMathml', strict: false }]] : [])
    .use(contains(tree, ['code']) ? [[rehypeShiki, CODE_HIGHLIGHTING]] : [])
    .use(rehypeFootnoteIds)
    .use(rehypeHeadingAnchors)
    .use(rehypeResponsiveFigures, { base: context.base })
    .use(rehypeStringify, { allowDangerousHtml: true });
  const hast = await processor.run(tree, file);
  const problems: NoteProblem[] = file.messages.map((message) => ({
    file: context.displayFile,
    line: (message.line ?? 1) + context.lineOffset,
    message:
      message.source === 'rehype-katex'
        ? `invalid TeX: ${message.cause instanceof Error ? message.cause.message : message.reason}`
        : message.reason,
    hint:
      message.note ??
      HINTS[message.ruleId ?? ''] ??
      HINTS[message.source === 'rehype-katex' ? 'katex' : ''] ??
      'fix this line of the note',
  }));
  if (problems.length > 0) return { problems };
  return {
    html: processor.stringify(hast, file),
    headings: file.data.headings ?? [],
    figures: file.data.figures ?? [],
    hasMath,
  };
}

/**
 * Footnote ids come percent-encoded (`fn-%E5%8B%BE`) while their links are
 * read decoded; ids as written (`fn-勾股`) make every `#fragment` match.
 */
function rehypeFootnoteIds() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id.startsWith('user-content-fn')) node.properties.id = decodeURIComponent(id);
    });
  };
}

function contains(tree: Root, types: string[]): boolean {
  let found = false;
  visit(tree, types, () => {
    found = true;
  });
  return found;
}

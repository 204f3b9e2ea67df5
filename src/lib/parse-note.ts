/**
 * Parses a note's Markdown body into an mdast tree, once, with the syntax the
 * site renders: GFM (tables, footnotes, task lists), `$…$` / `$$…$$` math,
 * and MDX syntax for `.mdx` notes.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);

/** Parses `body`; `mdx` selects MDX syntax (JSX and expressions). */
export function parseMarkdown(body: string, mdx: boolean): Root {
  return (mdx ? mdxParser : markdownParser).parse(body);
}

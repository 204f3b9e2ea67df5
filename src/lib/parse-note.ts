/**
 * Parses a note into an mdast tree, once, with the syntax the site renders:
 * front matter (`---` … `---`, or `...` as pandoc closes it), GFM (tables,
 * footnotes, task lists), `$…$` / `$$…$$` math unless math is off, and MDX
 * syntax for `.mdx` notes. The whole file is parsed, so every position is a
 * line of the file.
 */
import type { Root } from 'mdast';
import remarkFrontmatter, { type Options as RemarkFrontmatterOptions } from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

export interface Syntax {
  /** MDX: JSX and expressions (`.mdx` notes). */
  mdx: boolean;
  /** Dollar-sign math; off, dollar signs are text. */
  math: boolean;
}

const FRONT_MATTER: RemarkFrontmatterOptions = [
  { type: 'yaml', marker: '-' },
  { type: 'yaml', fence: { open: '---', close: '...' } },
];

const parsers = new Map<string, Processor<Root>>();

function parser({ mdx, math }: Syntax): Processor<Root> {
  const key = `${mdx}:${math}`;
  let found = parsers.get(key);
  if (!found) {
    found = unified()
      .use(remarkParse)
      .use(mdx ? [remarkMdx] : [])
      .use(remarkFrontmatter, FRONT_MATTER)
      .use(remarkGfm)
      .use(math ? [remarkMath] : []) as unknown as Processor<Root>;
    parsers.set(key, found);
  }
  return found;
}

/** Parses a note's whole text (or a piece of it, read again) with the syntax given. */
export function parseMarkdown(text: string, syntax: Syntax): Root {
  return parser(syntax).parse(text);
}

/**
 * Notes converted with pandoc to its own Markdown (`pandoc -o note.md`
 * writes it) carry pandoc's attribute syntax, which CommonMark reads as text:
 * a heading's `{#id .class}`, attributes after code and links
 * (`` `jessie`{.literal} ``, `[1](#ftn){#ref .footnote}`), spans with
 * attributes (`[debian]{.filename}`, the empty anchor `[]{#start}`) and
 * fenced divs (`::: {#ftn.idm64 .footnote}` … `:::`). Left as they are,
 * they show as `{#第-1-章 .title}` in titles and text, and the links that
 * point at their ids lead nowhere. This step takes them out of the text and
 * keeps what they mean for a reader: the text, and an anchor where an id was.
 * Classes and other attributes are styling for pandoc's own outputs; they go.
 * @see https://pandoc.org/MANUAL.html#extension-header_attributes
 * @see https://pandoc.org/MANUAL.html#extension-fenced_divs
 */
import type { Heading, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';

// One attribute: `#id`, `.class` or `key=value`.
const ATTRIBUTE = String.raw`(?:#[^\s{}]+|\.[^\s{}]+|[\w-]+=(?:"[^"]*"|[^\s{}]+))`;
// A whole attribute block, `{#id .class key=value}` (it may wrap onto the next line).
const BLOCK = String.raw`\{\s*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*\s*\}`;
const HEADING_ATTRIBUTES = new RegExp(String.raw`\s*(${BLOCK})\s*$`);
const LEADING_BLOCK = new RegExp(`^${BLOCK}`);
// `[text]{…}`: a span with attributes (its text has no brackets, as pandoc writes simple ones).
const SPAN = new RegExp(String.raw`\[([^\[\]\n]*)\](${BLOCK})`, 'g');
// A fenced div's fence on a line of its own: `::: {#id .class}`, `::: note`, `:::`.
const FENCE = new RegExp(String.raw`^[ \t]*:{3,}[ \t]*(?:${BLOCK}|[\w-]+)?[ \t]*:*[ \t]*$`, 'gm');
// Inline elements pandoc writes attributes after.
const ATTRIBUTED = new Set([
  'inlineCode',
  'link',
  'image',
  'emphasis',
  'strong',
  'delete',
  'linkReference',
  'imageReference',
]);

/** The id in an attribute block, if it has one. */
function idOf(block: string): string | undefined {
  return /(?:^|[\s{])#([^\s{}]+)/.exec(block)?.[1];
}

/** An empty element with an id, for links to point at (`<span id="start"></span>`). */
function anchor(id: string): RootContent {
  return { type: 'pandocAnchor', data: { hName: 'span', hProperties: { id } } } as unknown as RootContent;
}

export function readPandocAttributes(tree: Root): void {
  visit(tree, 'heading', (heading: Heading) => {
    const last = heading.children.at(-1);
    if (last?.type !== 'text') return;
    const match = HEADING_ATTRIBUTES.exec(last.value);
    if (!match) return;
    last.value = last.value.slice(0, match.index);
    const id = idOf(match[1] ?? '');
    if (id) heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
  });
  visit(tree, 'text', (text: Text, index, parent) => {
    if (!parent || index === undefined || !/[{:]/.test(text.value)) return undefined;
    const replacement = readText(text, parent.children[index - 1]);
    if (!replacement) return undefined;
    parent.children.splice(index, 1, ...(replacement as typeof parent.children));
    return index + replacement.length;
  });
  removeEmptyParagraphs(tree);
}

/** The nodes to put in place of `text` once its attribute syntax is read, or undefined if it has none. */
function readText(text: Text, before: RootContent | undefined): RootContent[] | undefined {
  let value = text.value;
  const nodes: RootContent[] = [];
  // Attributes right after code, a link or emphasis belong to it.
  if (before && ATTRIBUTED.has(before.type)) {
    const leading = LEADING_BLOCK.exec(value);
    if (leading) {
      const id = idOf(leading[0]);
      if (id) nodes.push(anchor(id));
      value = value.slice(leading[0].length);
    }
  }
  value = value.replace(FENCE, (fence) => {
    const id = idOf(fence);
    return id ? `\u0000${id}\u0000` : '';
  });
  let at = 0;
  const pushText = (piece: string) => {
    // An id that stood on a fence line is an anchor where the line was.
    for (const [index, part] of piece.split('\u0000').entries()) {
      if (index % 2 === 1) nodes.push(anchor(part));
      else if (part) nodes.push({ type: 'text', value: part });
    }
  };
  for (const match of value.matchAll(SPAN)) {
    pushText(value.slice(at, match.index));
    const id = idOf(match[2] ?? '');
    if (id) nodes.push(anchor(id));
    if (match[1]) nodes.push({ type: 'text', value: match[1] });
    at = match.index + match[0].length;
  }
  pushText(value.slice(at));
  const changed = nodes.length !== 1 || nodes[0]?.type !== 'text' || (nodes[0] as Text).value !== text.value;
  if (!changed) return undefined;
  // Fence lines leave their line breaks behind: text that is only line breaks now goes.
  return nodes
    .map((node) => (node.type === 'text' ? { ...node, value: node.value.replace(/^\n+|\n+$/g, '\n') } : node))
    .filter((node) => node.type !== 'text' || node.value.trim() !== '' || nodes.length === 1);
}

/** Paragraphs that held only a fence now hold nothing (or only anchors): empty ones go. */
function removeEmptyParagraphs(tree: Root): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (node.type !== 'paragraph' || !parent || index === undefined) return undefined;
    const paragraph = node as Paragraph;
    if (paragraph.children.length === 0) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

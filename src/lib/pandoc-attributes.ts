/**
 * Notes converted with pandoc (`-t markdown`) carry pandoc's attribute syntax,
 * which CommonMark reads as text: a heading's `{#id .class}` at its end, and
 * empty spans `[]{#anchor}` that mark a place to link to. Left as they are,
 * they show as `{#第-1-章 .title}` in titles and break the links that point
 * at them. This step takes them out of the text and keeps what they mean:
 * the heading's id, and an anchor where the span was.
 * @see https://pandoc.org/MANUAL.html#extension-header_attributes
 */
import type { Heading, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

// `{#id .class key=value}` at the end of a heading's text.
const HEADING_ATTRIBUTES = /\s*\{(#[^\s{}]+)?(?:\s+[^{}]*)?\}\s*$/;
// `[]{#anchor}` (an empty span with only an id).
const EMPTY_SPAN = /\[\]\{#([^\s{}]+)\}/g;

export function readPandocAttributes(tree: Root): void {
  visit(tree, 'heading', (heading: Heading) => {
    const last = heading.children.at(-1);
    if (last?.type !== 'text') return;
    const match = HEADING_ATTRIBUTES.exec(last.value);
    if (!match || !/^\s*\{[#.]/.test(match[0])) return;
    last.value = last.value.slice(0, match.index);
    if (match[1])
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1].slice(1) } };
  });
  visit(tree, 'text', (text: Text, index, parent) => {
    if (!parent || index === undefined || !text.value.includes('[]{#')) return;
    const pieces: (Text | Anchor)[] = [];
    let at = 0;
    for (const match of text.value.matchAll(EMPTY_SPAN)) {
      if (match.index > at) pieces.push({ type: 'text', value: text.value.slice(at, match.index) });
      pieces.push({ type: 'pandocAnchor', data: { hName: 'span', hProperties: { id: match[1]! } } });
      at = match.index + match[0].length;
    }
    if (at < text.value.length) pieces.push({ type: 'text', value: text.value.slice(at) });
    parent.children.splice(index, 1, ...(pieces as typeof parent.children));
    return index + pieces.length;
  });
}

/** An empty element with an id, for links to point at (`<span id="anchor"></span>`). */
interface Anchor {
  type: 'pandocAnchor';
  data: { hName: 'span'; hProperties: { id: string } };
}

/**
 * Keeps words, numbers and options whole in table cells. On a phone a wide
 * table scrolls inside its box, but a browser still breaks a cell's text at
 * every hyphen and slash (`--quoting-style=shell-/escape`, `0/0/` `0`), which
 * makes man-page and shell tables unreadable. Each run of Latin letters,
 * digits and their punctuation in a cell is wrapped in a span that does not
 * wrap; Chinese text between them still breaks between characters, and the
 * cell's text is unchanged.
 */
import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { eachElement, SKIP as SKIP_CHILDREN } from './tree-walk.ts';

// A token a line must not break inside: Latin, digits and the punctuation inside options, paths and numbers.
const TOKEN = /[-+/.~]*[\p{Script=Latin}\d](?:[\p{Script=Latin}\d%+:/=.,_~@#*&-]*[\p{Script=Latin}\d%/=*-])?/gu;
// Only what could break inside it needs the span: `abc` never breaks, `a-b` or `1/2` may.
const BREAKABLE = /[-/=.,:_~+]/;

export function rehypeTableTokens() {
  return (tree: Root) => {
    eachElement(tree, (cell) => {
      if (cell.tagName !== 'td' && cell.tagName !== 'th') return undefined;
      visit(cell, 'text', (text: Text, index, parent) => {
        if (!parent || index === undefined || (parent.type === 'element' && parent.tagName === 'code'))
          return undefined;
        const pieces = split(text.value);
        if (pieces.length === 1 && pieces[0]!.type === 'text') return undefined;
        parent.children.splice(index, 1, ...pieces);
        return [SKIP, index + pieces.length];
      });
      return SKIP_CHILDREN;
    });
  };
}

function split(value: string): ElementContent[] {
  const pieces: ElementContent[] = [];
  let at = 0;
  for (const match of value.matchAll(TOKEN)) {
    if (!BREAKABLE.test(match[0])) continue;
    if (match.index > at) pieces.push({ type: 'text', value: value.slice(at, match.index) });
    pieces.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['nowrap'] },
      children: [{ type: 'text', value: match[0] }],
    });
    at = match.index + match[0].length;
  }
  if (at < value.length) pieces.push({ type: 'text', value: value.slice(at) });
  return pieces;
}

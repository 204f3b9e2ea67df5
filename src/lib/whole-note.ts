/**
 * Puts a note's rendered parts (introduction, chapters) on one page, for
 * print and PDF, without rendering the Markdown again. Each part was made to
 * be a page of its own: chapters reuse section ids (`小结` in every chapter),
 * every chapter carries its own copy of the footnotes it cites, and a
 * chapter's sections are h2 under its h1. On the one page every id must be
 * unique and every `#link` and ARIA reference must still find its target, so
 * each part's ids are prefixed (`2-能够使用工具的ai/21-webgpt的训练过程`)
 * and, should two still meet, numbered; headings move one level down under
 * the chapter headings. Pure: HTML in, HTML out.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { fragmentHref } from './urls.ts';

export interface PartToEmbed {
  /** The part's rendered HTML (`RenderedPart.html`). */
  html: string;
  /** Put before each of the part's ids: `''` for the introduction, `<chapter slug>/` for a chapter. */
  prefix: string;
  /** Levels to move headings down: 1 for a chapter (its h2 sections under the chapter's h2), at most to h6. */
  demote: number;
}

// Attributes that name other elements by id (space-separated lists).
const ID_LISTS = ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'htmlFor', 'headers'] as const;
// Attributes that name one element by id: a button's dialog (`figure-dialogs.ts`), a popover's.
const ID_REFS = ['commandFor', 'popoverTarget'] as const;
const HEADING = /^h([1-6])$/;

/**
 * The parts' HTML for one page, in order: ids unique across the page and
 * not in `reserved` (the ids the page itself uses, such as chapter headings),
 * references rewritten to match.
 */
export function embedParts(parts: PartToEmbed[], reserved: string[] = []): string[] {
  const taken = new Set(reserved);
  return parts.map((part) => {
    const tree: Root = fromHtml(part.html, { fragment: true });
    const renamed = new Map<string, string>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id) {
        const unique = uniqueId(part.prefix + id, taken);
        renamed.set(id, unique);
        node.properties.id = unique;
      }
      const depth = HEADING.exec(node.tagName)?.[1];
      if (depth && part.demote) node.tagName = `h${Math.min(6, Number(depth) + part.demote)}`;
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (typeof href === 'string' && href.startsWith('#')) {
        const target = renamed.get(decodeFragment(href.slice(1)));
        if (target) node.properties.href = fragmentHref(target);
      }
      for (const name of ID_REFS) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = renamed.get(value) ?? value;
      }
      for (const name of ID_LISTS) {
        // Parsed HTML holds these as lists of ids.
        const value = node.properties[name];
        if (Array.isArray(value)) node.properties[name] = value.map((ref) => renamed.get(String(ref)) ?? ref);
      }
    });
    return toHtml(tree);
  });
}

/** `id`, or `id-2`, `id-3` … the first not taken; marks it taken. */
function uniqueId(id: string, taken: Set<string>): string {
  let unique = id;
  for (let n = 2; taken.has(unique); n += 1) unique = `${id}-${n}`;
  taken.add(unique);
  return unique;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * What Pagefind indexes for a page: the built HTML with its note content in
 * the search form (`search-text.ts`), its figures' alt text included, and
 * the heading anchors left out. The page readers get is not changed.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { searchForm, type ToSimplified } from './search-text.ts';

/** The HTML Pagefind should index for `html`, or undefined if the page has no note content. */
export function prepareForIndex(html: string, toSimplified: ToSimplified): string | undefined {
  const tree: Root = fromHtml(html);
  const body = select('[data-pagefind-body]', tree);
  if (!body) return undefined;
  // Results show the author's own title, not its search form.
  const h1 = select('h1', body);
  if (h1) body.properties.dataPagefindMeta = `title:${toString(h1).trim()}`;
  visit(body, (node, index, parent) => {
    if (node.type === 'element' && hasClass(node, 'heading-anchor') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'text') node.value = searchForm(node.value, toSimplified);
    if (node.type === 'element' && node.tagName === 'img' && typeof node.properties.alt === 'string') {
      node.properties.alt = searchForm(node.properties.alt, toSimplified);
      node.properties.dataPagefindIndexAttrs = 'alt';
    }
    return undefined;
  });
  return toHtml(tree);
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

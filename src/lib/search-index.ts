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
import { SITE_LANG } from '../site.ts';
import { SECTION_TITLES_META, searchForm, type ToSimplified, unspaceHan } from './search-text.ts';

// The note content of a built page: the one <article data-pagefind-body> (pages never nest articles).
const NOTE_CONTENT = /<article\b[^>]*\bdata-pagefind-body\b[^>]*>[\s\S]*?<\/article>/;

/**
 * The HTML Pagefind should index for `html`, or undefined if the page has no
 * note content. Only the note content is parsed and passed on (with the
 * page's language): the rest of the page is never indexed, and skipping it
 * keeps indexing fast for thousands of pages.
 */
export function prepareForIndex(html: string, toSimplified: ToSimplified): string | undefined {
  const content = NOTE_CONTENT.exec(html)?.[0];
  if (!content) return undefined;
  const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? SITE_LANG;
  const tree: Root = fromHtml(content, { fragment: true });
  const body = select('[data-pagefind-body]', tree);
  if (!body) return undefined;
  // Results show the author's own title, not its search form.
  const h1 = select('h1', body);
  if (h1) body.properties.dataPagefindMeta = `title:${toString(h1).trim()}`;
  const sectionTitles = titlesAsWritten(body, toSimplified);
  visit(body, (node, index, parent) => {
    if (node.type === 'element' && hasClass(node, 'heading-anchor') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'text' && node.value.trim()) node.value = searchForm(node.value, toSimplified);
    if (node.type === 'element' && node.tagName === 'img' && typeof node.properties.alt === 'string') {
      node.properties.alt = searchForm(node.properties.alt, toSimplified);
      node.properties.dataPagefindIndexAttrs = 'alt';
    }
    return undefined;
  });
  if (Object.keys(sectionTitles).length > 0) {
    // Metadata only (not indexed text): results show these section titles as the author wrote them.
    body.children.unshift({
      type: 'element',
      tagName: 'p',
      properties: { dataPagefindIgnore: 'index', dataPagefindMeta: SECTION_TITLES_META },
      children: [{ type: 'text', value: JSON.stringify(sectionTitles) }],
    });
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${toHtml(tree)}</body></html>`;
}

/**
 * The section headings (by id) whose search form would read differently from
 * the text (traditional characters, spaces the author put between them).
 */
function titlesAsWritten(body: Element, toSimplified: ToSimplified): Record<string, string> {
  const titles: Record<string, string> = {};
  visit(body, 'element', (node) => {
    const id = node.properties.id;
    if (!/^h[2-6]$/.test(node.tagName) || typeof id !== 'string') return;
    const children = node.children.filter((child) => !(child.type === 'element' && hasClass(child, 'heading-anchor')));
    const text = toString({ ...node, children }).trim();
    if (unspaceHan(searchForm(text, toSimplified)) !== text) titles[id] = text;
  });
  return titles;
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

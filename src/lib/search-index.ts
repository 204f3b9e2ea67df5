/**
 * What Pagefind indexes for a built page, and what results will show of it.
 *
 * The page is parsed once and its `[data-pagefind-body]` element (the note
 * content) taken whole, whatever it contains (an MDX note may have its own
 * `<article>`). Pagefind gets that element in the index form
 * (`search-text.ts`: folded, a word per Han character, figure descriptions
 * indexed, heading anchors and what the page marks `data-pagefind-ignore`
 * left out). Beside it comes the same text as written, and where its title
 * and headings lie, from which `search-store.ts` makes what results show:
 * the page's own characters and spacing, never the index form.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { SITE_LANG } from '../site.ts';
import { indexForm, WORD_BREAK } from './search-text.ts';

/** A heading of the page: where its text lies in `PreparedPage.text` (code points, end excluded). */
export interface PreparedHeading {
  /** Its id (the URL fragment); none for the title. */
  id?: string;
  /** As written. */
  title: string;
  start: number;
  end: number;
}

export interface PreparedPage {
  /** The page Pagefind indexes. */
  html: string;
  /** The indexed text as written, blocks separated by spaces. */
  text: string;
  /** The same, folded as the index is (same length in code points). */
  folded: string;
  /** The title (the `h1`) first, then every heading with an id. */
  headings: PreparedHeading[];
}

// Elements whose text stands apart from what comes before and after.
const BLOCK =
  /^(address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)$/;
const NOT_TEXT = /^(script|style|template|noscript)$/;

/** Pagefind's attributes on the content element that the site's index does not use (filters and metadata are the site's own). */
// The start tag of the element the templates mark for indexing, and the page's language on <html>.
const BODY_START = /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body\b/i;
const HTML_LANG = /<html\s[^>]*\blang="([^"]*)"/i;

const DROPPED_ATTRIBUTES = ['dataPagefindFilter', 'dataPagefindMeta', 'dataPagefindSort', 'dataPagefindWeight'];

/**
 * The index form of `html` and its text as written, or undefined if the
 * page has no note content.
 */
export function prepareForIndex(html: string, fold: (text: string) => string): PreparedPage | undefined {
  // Parsed from the indexed element's start tag on: what comes before it (the head, the header, the drawer:
  // two thirds of a page) holds nothing to index, and parsing is most of the cost. The parser still closes the
  // element where it really ends, however many <article>s a note has inside it.
  const start = html.search(BODY_START);
  if (start < 0) return undefined;
  const tree: Root = fromHtml(html.slice(start), { fragment: true });
  const body = select('[data-pagefind-body]', tree);
  if (!body) return undefined;
  const lang = HTML_LANG.exec(html.slice(0, start))?.[1] ?? SITE_LANG;

  const text: string[] = [];
  const folded: string[] = [];
  const headings: PreparedHeading[] = [];
  const space = () => {
    if (text.length > 0 && text.at(-1) !== ' ') {
      text.push(' ');
      folded.push(' ');
    }
  };
  const add = (value: string): string => {
    const written = [...value.replaceAll(WORD_BREAK, '').replace(/\s+/g, ' ')];
    const index = indexForm(written.join(''), fold);
    const foldedChars = [...index.replaceAll(WORD_BREAK, '')];
    text.push(...written);
    folded.push(...(foldedChars.length === written.length ? foldedChars : written));
    return index;
  };

  const walk = (element: Element) => {
    element.children = element.children.filter((child) => keep(child));
    for (const child of element.children) {
      if (child.type === 'text') child.value = add(child.value);
      else if (child.type === 'element') {
        const block = BLOCK.test(child.tagName);
        if (block) space();
        const heading = /^h[1-6]$/.test(child.tagName) ? { start: text.length } : undefined;
        if (child.tagName === 'img' && typeof child.properties.alt === 'string' && child.properties.alt.trim()) {
          space();
          child.properties.alt = add(child.properties.alt);
          child.properties.dataPagefindIndexAttrs = 'alt';
          space();
        }
        walk(child);
        if (heading) {
          const title = text.slice(heading.start).join('').trim();
          const id = typeof child.properties.id === 'string' ? child.properties.id : undefined;
          if (child.tagName === 'h1' && !headings.some((h) => h.id === undefined))
            headings.unshift({ title, start: heading.start, end: text.length });
          else if (id) headings.push({ id, title, start: heading.start, end: text.length });
        }
        if (block) space();
      }
    }
  };
  for (const name of DROPPED_ATTRIBUTES) delete body.properties[name];
  walk(body);
  return {
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${toHtml(body)}</body></html>`,
    text: text.join(''),
    folded: folded.join(''),
    headings,
  };
}

/** Whether a node stays in what is indexed. */
function keep(node: ElementContent): boolean {
  if (node.type === 'comment') return false;
  if (node.type !== 'element') return true;
  if (NOT_TEXT.test(node.tagName)) return false;
  if (node.properties.dataPagefindIgnore !== undefined) return false;
  const classes = node.properties.className;
  return !(Array.isArray(classes) && classes.includes('heading-anchor'));
}

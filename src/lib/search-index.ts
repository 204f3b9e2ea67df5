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
import { type DefaultTreeAdapterMap, parseFragment, serializeOuter } from 'parse5';
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

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

// The start tag of the element the templates mark for indexing, and the page's language on <html>.
const BODY_START = /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body\b/i;
const HTML_LANG = /<html\s[^>]*\blang="([^"]*)"/i;

/** Pagefind's attributes on the content element that the site's index does not use (filters and metadata are the site's own). */
const DROPPED_ATTRIBUTES = /^data-pagefind-(filter|meta|sort|weight)$/;

/**
 * The index form of `html` and its text as written, or undefined if the
 * page has no note content.
 */
export function prepareForIndex(html: string, fold: (text: string) => string): PreparedPage | undefined {
  // Parsed from the indexed element's start tag on: what comes before it (the head, the header, the drawer:
  // two thirds of a page) holds nothing to index, and parsing is most of the cost. The parser still closes the
  // element where it really ends, however many <article>s a note has inside it. parse5's own tree, not hast:
  // turning every page into hast and back took as long as parsing it (0.7 s of a 500-note build).
  const start = html.search(BODY_START);
  if (start < 0) return undefined;
  const body = findElement(parseFragment(html.slice(start)).childNodes, (element) =>
    element.attrs.some((attribute) => attribute.name === 'data-pagefind-body'),
  );
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
    element.childNodes = element.childNodes.filter((child) => keep(child));
    for (const child of element.childNodes) {
      if (child.nodeName === '#text') {
        if ('value' in child) child.value = add(child.value);
      } else if ('tagName' in child) {
        const block = BLOCK.test(child.tagName);
        if (block) space();
        const heading = /^h[1-6]$/.test(child.tagName) ? { start: text.length } : undefined;
        const alt = child.tagName === 'img' ? child.attrs.find((attribute) => attribute.name === 'alt') : undefined;
        if (alt?.value.trim()) {
          space();
          alt.value = add(alt.value);
          // Pagefind reads the first of two such attributes: one is set, whatever the page had.
          child.attrs = child.attrs.filter((attribute) => attribute.name !== 'data-pagefind-index-attrs');
          child.attrs.push({ name: 'data-pagefind-index-attrs', value: 'alt' });
          space();
        }
        walk(child);
        if (heading) {
          const title = text.slice(heading.start).join('').trim();
          const id = attribute(child, 'id');
          if (child.tagName === 'h1' && !headings.some((h) => h.id === undefined))
            headings.unshift({ title, start: heading.start, end: text.length });
          else if (id) headings.push({ id, title, start: heading.start, end: text.length });
        }
        if (block) space();
      }
    }
  };
  body.attrs = body.attrs.filter((attribute) => !DROPPED_ATTRIBUTES.test(attribute.name));
  walk(body);
  return {
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${serializeOuter(body)}</body></html>`,
    text: text.join(''),
    folded: folded.join(''),
    headings,
  };
}

/** Whether a node stays in what is indexed. */
function keep(node: ChildNode): boolean {
  if (node.nodeName === '#comment') return false;
  if (!('tagName' in node)) return true;
  if (NOT_TEXT.test(node.tagName)) return false;
  if (attribute(node, 'data-pagefind-ignore') !== undefined) return false;
  // Class names are separated by ASCII white space only (a no-break or ideographic space is part of a name).
  return !(attribute(node, 'class') ?? '').split(/[ \t\n\f\r]+/).includes('heading-anchor');
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

/** The first element, in document order, that passes `test`. */
function findElement(nodes: ChildNode[], test: (element: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (!('tagName' in node)) continue;
    if (test(node)) return node;
    const found = findElement(node.childNodes, test);
    if (found) return found;
  }
  return undefined;
}

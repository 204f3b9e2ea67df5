/**
 * Notes are documents, so nothing in one may run in a reader's browser or
 * load from another site. Authors paste HTML from web pages, merge notes
 * from classmates and convert documents they did not write; this step keeps
 * what such HTML means as a document (text, structure, tables, `<details>`,
 * `<kbd>`, `<sub>`, classes, ids) and drops what could act: scripts, event
 * handlers, styles, forms, frames and embedded objects. An allowlist
 * (hast-util-sanitize, GitHub's rules adapted to notes) decides; this module
 * only adds what the sanitizer does not do itself: it tells the author, at
 * the line, what was not published, and it refuses links that would run
 * code and anything that would load from another site.
 *
 * It runs on the whole rendered part (Markdown and HTML alike) right after
 * raw HTML is parsed, before KaTeX and Shiki add their own trusted markup:
 * whatever a pipeline step emits before it must be in `NOTE_SCHEMA`.
 * @see https://github.com/syntax-tree/hast-util-sanitize
 */
import type { Element, Root } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';
import type { Root as MdastRoot } from 'mdast';
import { find, html } from 'property-information';
import type { Point } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { report } from './problems.ts';
import { eachElement, SKIP } from './tree-walk.ts';
import {
  isAllowedImageSource,
  isAllowedLink,
  isOtherSite,
  LINK_HINT,
  linkRefusal,
  shownUrl,
  urlScheme,
} from './url-policy.ts';

const GLOBAL_ATTRIBUTES = [
  'className',
  'id',
  'title',
  'lang',
  'dir',
  'hidden',
  'ariaLabel',
  'ariaDescribedBy',
  'ariaLabelledBy',
  'ariaHidden',
];

/** Elements removed with everything inside them: their content is code, styling or another document. */
const STRIP = [
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'title',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'select',
  'video',
  'audio',
  'canvas',
  'map',
  'head',
  'meta',
  'link',
  'base',
  'param',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
];

/**
 * What a note's HTML may hold. Elements not listed are unwrapped (their text
 * stays, e.g. `<font>`, `<center>`, `<form>`, `<button>`), except those in
 * `STRIP`. Ids are kept as written (`#anchor` links into a note must keep
 * working); `name` is not, so no element can stand in for a page global.
 */
export const NOTE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'figure',
    'figcaption',
    'picture',
    'source',
    'caption',
    'colgroup',
    'col',
    'mark',
    'u',
    'small',
    'cite',
    'abbr',
    'dfn',
    'time',
    'bdi',
    'bdo',
    'wbr',
    'address',
    'hgroup',
  ].filter((name) => !STRIP.includes(name)),
  attributes: {
    '*': GLOBAL_ATTRIBUTES,
    // dataNoteLink: a link to another note, given its address once every note is loaded (`note-links.ts`).
    a: ['href', 'hrefLang', 'dataFootnoteRef', 'dataFootnoteBackref', 'dataNoteLink'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'srcSet', 'sizes'],
    source: ['srcSet', 'sizes', 'type', 'media', 'width', 'height'],
    section: ['dataFootnotes'],
    input: [['disabled', true], ['type', 'checkbox'], 'checked'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    td: ['align', 'colSpan', 'rowSpan', 'headers'],
    th: ['align', 'colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    time: ['dateTime'],
    details: ['open'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
  },
  ancestors: { ...defaultSchema.ancestors, input: ['li'] },
  clobber: [],
  clobberPrefix: '',
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https', 'data'], cite: ['http', 'https'] },
  strip: STRIP,
};

/** Elements that load what their URL attributes name: from another site, they break the offline rule. */
const LOADS: Record<string, string[]> = {
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  picture: [],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  script: ['src'],
  link: ['href'],
  input: ['src'],
  image: ['href', 'xLinkHref'],
};

const HTML_HINT =
  "a note keeps HTML's text, structure, tables and classes; scripts, event handlers (on…), inline styles, forms and embedded content are not published";

export interface SanitizeOptions {
  /** Start points (`line:column`) of the note's Markdown images: `figures.ts` has judged their sources already. */
  markdownImages?: ReadonlySet<string>;
}

/** A node's start as `line:column`, to recognise the same place in another tree. */
export const placeKey = (point: Point | undefined): string => (point ? `${point.line}:${point.column}` : '');

/** Where the Markdown images of an mdast tree start (HTML `<img>`s start elsewhere: at their `<`). */
export function markdownImagePlaces(tree: MdastRoot): Set<string> {
  const places = new Set<string>();
  visitParents(tree, 'image', (image) => {
    places.add(placeKey(image.position?.start));
  });
  return places;
}

/**
 * Rehype plugin: refuses what would load from another site (an error, as for
 * Markdown images), drops links that would run code (a warning; the text
 * stays), sanitizes the tree with `NOTE_SCHEMA` and reports every element
 * and attribute it lost, one warning per line.
 */
export function rehypeSanitizeNote(options: SanitizeOptions = {}) {
  return (tree: Root, file: VFile): Root => {
    const losses = new Losses();
    const refused = new Set<Element>();
    const originals = new Map<number, { element: Element; at: Point | undefined; properties: string[] }>();
    let key = 0;
    eachElement(tree, (element, ancestors) => {
      const at = placeOf(element, ancestors);
      const fromMarkdown =
        element.tagName === 'img' && options.markdownImages?.has(placeKey(element.position?.start)) === true;
      if (!fromMarkdown && refuseOtherSites(element, at, file)) refused.add(element);
      // An old-style anchor (`<a name="x">`, as pandoc and Word write them) keeps working as an id.
      if (element.tagName === 'a' && typeof element.properties.name === 'string' && !element.properties.id) {
        element.properties.id = element.properties.name;
        delete element.properties.name;
      }
      if (!checkUrls(element, at, file, fromMarkdown)) {
        // An image whose source is not published is its alt text.
        const parent = ancestors.at(-1)!;
        const alt = element.properties.alt;
        parent.children.splice(parent.children.indexOf(element), 1, {
          type: 'text',
          value: typeof alt === 'string' ? alt : '',
        });
        return SKIP;
      }
      key += 1;
      setKey(element, key);
      originals.set(key, { element, at, properties: Object.keys(element.properties) });
    });
    const clean = sanitize(tree, NOTE_SCHEMA) as Root;
    const kept = new Map<number, Element>();
    eachElement(clean, (element) => {
      const found = keyOf(element);
      if (found !== undefined) kept.set(found, element);
      setKey(element, undefined);
    });
    const removedWithContent = new Set<Element>();
    eachElement(tree, (element, ancestors) => {
      const original = originals.get(keyOf(element) ?? -1);
      if (!original || ancestors.some((ancestor) => removedWithContent.has(ancestor as Element))) return;
      const survivor = kept.get(keyOf(element) ?? -1);
      if (!survivor) {
        if (refused.has(element)) return;
        const stripped = STRIP.includes(element.tagName);
        if (stripped) removedWithContent.add(element);
        const content = element.children.length === 0 ? '' : stripped ? ' with its content' : ' (its text kept)';
        losses.add(original.at, `<${element.tagName}>${content}`);
        return;
      }
      for (const property of original.properties) {
        if (
          !(property in survivor.properties) ||
          changed(element.properties[property], survivor.properties[property])
        ) {
          losses.add(original.at, `${attributeName(property)}= on <${element.tagName}>`);
        }
      }
    });
    losses.reportOn(file);
    return clean;
  };
}

/** Pairs an element with its sanitized copy (the sanitizer copies `data`), to report what was lost. */
const KEY = 'noteSanitizeKey';

function setKey(element: Element, key: number | undefined): void {
  const { [KEY]: _old, ...rest } = (element.data ?? {}) as Record<string, unknown>;
  const data = key === undefined ? rest : { ...rest, [KEY]: key };
  if (Object.keys(data).length > 0) element.data = data as unknown as Element['data'];
  else delete element.data;
}

function keyOf(element: Element): number | undefined {
  const key = (element.data as Record<string, unknown> | undefined)?.[KEY];
  return typeof key === 'number' ? key : undefined;
}

/** What was lost on each line, reported once per line. */
class Losses {
  readonly #byLine = new Map<number, { at: Point; items: Map<string, number> }>();

  add(at: Point | undefined, item: string): void {
    const line = at?.line ?? 1;
    const entry = this.#byLine.get(line) ?? { at: at ?? { line: 1, column: 1 }, items: new Map() };
    entry.items.set(item, (entry.items.get(item) ?? 0) + 1);
    this.#byLine.set(line, entry);
  }

  reportOn(file: VFile): void {
    for (const { at, items } of this.#byLine.values()) {
      const list = [...items].map(([item, count]) => (count > 1 ? `${item} (${count}×)` : item)).join(', ');
      report(file, {
        at,
        message: `not published from the HTML on this line: ${list}`,
        hint: HTML_HINT,
        severity: 'warning',
        rule: 'html-removed',
      });
    }
  }
}

/** An error for each URL of a loading element that points at another site; the URL is dropped. Whether any was. */
function refuseOtherSites(element: Element, at: Point | undefined, file: VFile): boolean {
  const attributes = LOADS[element.tagName];
  if (!attributes) return false;
  let found = false;
  for (const property of attributes) {
    const remote = urlsOf(element.properties[property]).find(isOtherSite);
    if (!remote) continue;
    report(file, {
      at,
      message: `<${element.tagName} ${attributeName(property)}="${shownUrl(remote)}"> loads from another site; the notes must work offline`,
      hint:
        element.tagName === 'img' || element.tagName === 'source'
          ? "save the image in the note's asset folder (next to the note) and reference it by a relative path"
          : 'save the file beside the note and link to it, or link to the page instead: [title](https://…)',
      rule: 'remote-resource',
    });
    delete element.properties[property];
    found = true;
  }
  return found;
}

/**
 * Links that would run code are dropped (their text stays); image sources
 * that are not pictures likewise. False when the element is an image left
 * without a source.
 */
function checkUrls(element: Element, at: Point | undefined, file: VFile, fromMarkdown: boolean): boolean {
  const href = element.properties.href;
  if (typeof href === 'string' && !isAllowedLink(href)) {
    report(file, {
      at,
      message: `${linkRefusal(href)}, so it is not published`,
      hint: LINK_HINT,
      severity: 'warning',
      rule: 'unsafe-url',
    });
    delete element.properties.href;
  }
  const cite = element.properties.cite;
  if (typeof cite === 'string' && !isAllowedLink(cite)) delete element.properties.cite;
  for (const property of ['src', 'srcSet', 'poster'] as const) {
    const value = element.properties[property];
    if (value === undefined || value === null) continue;
    // A Markdown image's source was judged by `figures.ts`; only its inline data is left to check here.
    if (fromMarkdown && !urlsOf(value).some((url) => urlScheme(url) === 'data:')) continue;
    const refused = urlsOf(value).find((url) => !isAllowedImageSource(url));
    if (!refused) continue;
    report(file, {
      at,
      message: `the ${element.tagName === 'img' ? 'image' : `<${element.tagName}>`} source ${shownUrl(refused)} is not a picture a note may publish, so it is left out`,
      hint: 'an image is a file beside the note (a relative path) or inline picture data (data:image/png;base64,…)',
      severity: 'warning',
      rule: 'unsafe-url',
    });
    delete element.properties[property];
    if (element.tagName === 'img' && property === 'src') return false;
  }
  return true;
}

/** The URLs in an attribute's value: one, or each candidate of a `srcset`. */
function urlsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.includes(',') && /\s\d/.test(value) ? srcsetUrls(value) : [value];
  if (Array.isArray(value)) return value.flatMap((item) => srcsetUrls(String(item)));
  return [];
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function changed(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

/** `onclick` for `onClick`, `data-x` for `dataX`: what the author wrote. */
function attributeName(property: string): string {
  return find(html, property).attribute;
}

/** Where to report about `element`: its own start, or its nearest placed ancestor's. */
function placeOf(element: Element, ancestors: readonly unknown[]): Point | undefined {
  if (element.position) return element.position.start;
  for (const ancestor of [...ancestors].reverse()) {
    const position = (ancestor as Element).position;
    if (position) return position.start;
  }
  return undefined;
}

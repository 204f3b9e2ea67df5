/**
 * SVG figures are drawings, but an SVG file may also hold scripts, event
 * handlers, `<foreignObject>` HTML and references to other sites. Inside
 * `<img>` none of that runs, but the site also serves each figure on its own
 * (opening a figure shows the file), where a script would run in the site's
 * origin and an `<image href="https://…">` would load from elsewhere. So the
 * copy that is published is sanitized at build time by DOMPurify (a
 * maintained sanitizer, run on jsdom's DOM) with its SVG profile, plus what
 * DOMPurify leaves to us: references outside the file (`href`, `url()` in
 * attributes and stylesheets, `@import`) are dropped, only `#fragment`
 * references and embedded pictures stay, so a figure loads nothing.
 *
 * A drawing with nothing to remove is published byte for byte as drawn; one
 * with something removed is re-serialized as XML and the note's author is
 * told what was removed (`sanitize-html.ts` reports it at the image's line).
 * Results are kept by content hash, in memory and (given a folder) on disk,
 * so thousands of figures cost one hash each on later builds.
 * @see https://github.com/cure53/DOMPurify
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as csstree from 'css-tree';
import type { Config, DOMPurify, UponSanitizeAttributeHookEvent } from 'dompurify';
import { isAllowedLink, shownUrl } from './url-policy.ts';

export interface SanitizedSvg {
  /** The file to publish: the original text when nothing was removed. */
  svg: string;
  /** What was removed, as the author would name it (`<script>`, `onload= on <svg>`), with counts. */
  removed: string[];
}

/** Embedded raster pictures an SVG may carry (`<image href="data:image/png;base64,…">`). */
const EMBEDDED_PICTURE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,/i;

const EDITOR_ATTRIBUTE = /^(?:xmlns:[\w.-]+|(?:inkscape|sodipodi|serif|sketch|i|x|graph|a|dc|cc|rdf):[\w.-]+)$/i;

// An editor prefix bound to one of these would be a disguised `xlink:href` or SVG attribute: judged as such.
const KNOWN_NAMESPACES = [
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1999/xhtml',
];

const PURIFY_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // `<use href="#glyph">` draws text and symbols in many exported figures; its references are checked below.
  ADD_TAGS: ['use'],
  // Accessibility and XML bookkeeping that drawing tools write and that do nothing but describe.
  ADD_ATTR: [
    'role',
    'version',
    'baseProfile',
    'xml:space',
    'focusable',
    'enable-background',
    'requiredFeatures',
    'requiredExtensions',
  ],
  FORBID_TAGS: ['foreignObject', 'foreignobject', 'script'],
  // The file is a document of its own: ids such as `title` cannot clobber the page that shows it.
  SANITIZE_DOM: false,
  KEEP_CONTENT: false,
  IN_PLACE: true,
};

interface Purifier {
  purify: DOMPurify;
  window: import('jsdom').DOMWindow;
  /** What the current run removed beyond DOMPurify's own record. */
  removed: string[];
}

let purifier: Purifier | undefined;

/** jsdom and DOMPurify load on first use (synchronously, as figures are measured): a site without SVG figures never pays for them. */
function loadPurifier(): Purifier {
  if (!purifier) {
    const require = createRequire(import.meta.url);
    const { JSDOM } = require('jsdom') as typeof import('jsdom');
    const createDOMPurify = require('dompurify') as typeof import('dompurify').default;
    const { window } = new JSDOM('');
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    const state: Purifier = { purify, window, removed: [] };
    purify.addHook('uponSanitizeAttribute', (node, event) => checkAttribute(node, event, state.removed));
    purifier = state;
  }
  return purifier;
}

/** Sanitizes one SVG file's text. `rewrite` re-serializes even a clean file (to test that rewriting keeps the drawing). */
export function sanitizeSvg(source: string, options: { rewrite?: boolean } = {}): SanitizedSvg {
  const state = loadPurifier();
  state.removed = [];
  const { window, purify } = state;
  const document = new window.DOMParser().parseFromString(source, 'image/svg+xml');
  let root: Element | null = document.documentElement;
  const wellFormed = document.getElementsByTagName('parsererror').length === 0;
  let purified: Removal[];
  if (wellFormed && root?.localName === 'svg') {
    // Outside the drawing only a doctype and comments may stand: `<?xml-stylesheet?>` would load (or transform) it.
    for (const node of [...document.childNodes]) {
      if (node.nodeType === window.Node.PROCESSING_INSTRUCTION_NODE) {
        state.removed.push(`<?${(node as ProcessingInstruction).target}?>`);
      }
    }
    // `<style><![CDATA[…]]></style>` is how drawing tools write CSS: the same text, which DOMPurify keeps as text.
    for (const node of [...descendants(root)]) {
      if (node.nodeType === window.Node.CDATA_SECTION_NODE)
        node.parentNode?.replaceChild(document.createTextNode((node as CDATASection).data), node);
    }
    purify.sanitize(root, PURIFY_CONFIG);
    purified = purify.removed as Removal[];
  } else {
    // Not well-formed XML, or not an SVG at all: read as a browser reads HTML, keep the first drawing in it.
    state.removed.push(wellFormed ? 'the file is not an SVG drawing' : 'the file is not well-formed XML');
    const body = purify.sanitize(source, { ...PURIFY_CONFIG, IN_PLACE: false, RETURN_DOM: true }) as unknown as Element;
    // The document DOMPurify wraps the text in is not the author's.
    purified = (purify.removed as Removal[]).filter(
      (entry) => !['html', 'head', 'body'].includes((entry.element as Element | undefined)?.localName ?? ''),
    );
    root = body.querySelector('svg');
  }
  if (!root)
    return {
      svg: '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      removed: count([...state.removed, 'everything: no drawing was found']),
    };
  for (const style of [...root.getElementsByTagName('style')]) {
    const { css, removed } = cleanCss(style.textContent ?? '', 'stylesheet');
    if (removed.length > 0) {
      style.textContent = css;
      state.removed.push(...removed.map((item) => `${item} in <style>`));
    }
  }
  // References are reported by `checkAttribute`, with what they pointed at; comments are inert in a drawing.
  const own = purified.filter(
    (entry) => !['href', 'xlink:href'].includes(entry.attribute?.name ?? '') && entry.element?.nodeType !== 8,
  );
  const removed = count([...own.map(describeRemoval), ...state.removed]);
  if (removed.length === 0 && !options.rewrite) return { svg: source, removed };
  return { svg: `${new window.XMLSerializer().serializeToString(root)}\n`, removed };
}

/** Keeps an attribute only if it refers to nothing outside the file; `url()` references in it are cleaned. */
function checkAttribute(node: Element, event: UponSanitizeAttributeHookEvent, removed: string[]): void {
  const name = event.attrName;
  // Namespace declarations and drawing tools' own notes (Inkscape, Illustrator, Affinity) describe, never draw or load.
  const namespace = node.attributes.getNamedItem(name)?.namespaceURI ?? null;
  const inert = !/[:(]/.test(event.attrValue.replace(/^https?:\/\/[^\s]*$/, ''));
  if (EDITOR_ATTRIBUTE.test(name) && inert && !KNOWN_NAMESPACES.includes(namespace ?? '')) {
    event.forceKeepAttr = true;
    return;
  }
  const value = event.attrValue;
  const element = node.localName;
  if (name === 'href' || name === 'xlink:href') {
    const trimmed = value.trim();
    const allowed =
      element === 'a'
        ? isAllowedLink(trimmed)
        : trimmed.startsWith('#') || ((element === 'image' || element === 'feImage') && EMBEDDED_PICTURE.test(trimmed));
    if (!allowed) {
      event.keepAttr = false;
      removed.push(`a reference to ${shownUrl(trimmed)} (${name}= on <${element}>)`);
    }
    return;
  }
  if (!/url\s*\(|@import|image-set/i.test(value)) return;
  const { css, removed: references } = cleanCss(value, name === 'style' ? 'declarationList' : 'value');
  if (references.length === 0) return;
  event.attrValue = css;
  removed.push(...references.map((reference) => `${reference} (${name}= on <${element}>)`));
}

/**
 * CSS with every reference outside the file taken out: `@import` rules
 * dropped, `url(…)` and image-set strings that are not `#fragment`s or
 * embedded pictures pointed at nothing (`url(#)`), so no request is made.
 */
export function cleanCss(
  css: string,
  context: 'stylesheet' | 'declarationList' | 'value',
): { css: string; removed: string[] } {
  const removed: string[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(css, { context, parseValue: true, parseCustomProperty: false });
  } catch {
    return { css: '', removed: ['unreadable CSS'] };
  }
  const local = (url: string) => url.trim().startsWith('#') || EMBEDDED_PICTURE.test(url.trim());
  csstree.walk(ast, {
    enter(
      node: csstree.CssNode,
      item: csstree.ListItem<csstree.CssNode> | undefined,
      list: csstree.List<csstree.CssNode> | undefined,
    ) {
      if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') {
        removed.push('an @import');
        if (list && item) list.remove(item);
        return;
      }
      if (node.type === 'Url' && !local(node.value)) {
        removed.push(`a reference to ${shownUrl(node.value)}`);
        node.value = '#';
      }
      if (node.type === 'Function' && /image-set$/i.test(node.name)) {
        node.children.forEach((child) => {
          if (child.type === 'String' && !local(child.value)) {
            removed.push(`a reference to ${shownUrl(child.value)}`);
            child.value = '#';
          }
        });
      }
    },
  });
  return { css: removed.length > 0 ? csstree.generate(ast) : css, removed };
}

function* descendants(node: Node): Generator<Node> {
  for (const child of [...node.childNodes]) {
    yield child;
    yield* descendants(child);
  }
}

/** DOMPurify's record of one removal: an element, or an attribute and the element it was on. */
type Removal = { element?: Node; attribute?: Attr | null; from?: Node };

function describeRemoval(entry: Removal): string {
  if (entry.attribute)
    return `${entry.attribute.name}= on <${(entry.from as Element | undefined)?.localName ?? 'svg'}>`;
  const node = entry.element;
  if (node?.nodeType === 7) return `<?${(node as ProcessingInstruction).target}?>`;
  if (node?.nodeType === 8) return 'a comment';
  return (node as Element | undefined)?.localName ? `<${(node as Element).localName}>` : 'a part of the file';
}

/** `x`, `x`, `y` → `x (2×)`, `y`. */
function count(items: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => (n > 1 ? `${item} (${n}×)` : item));
}

const memory = new Map<string, SanitizedSvg>();

/**
 * The sanitized copy of the SVG file at `file`, by its content's hash: from
 * memory, from `cacheDir` (`<hash>.json`), or made now and kept in both.
 */
export function sanitizedSvgFile(file: string, cacheDir?: string): SanitizedSvg {
  const source = readFileSync(file, 'utf8');
  // The sanitizer's own version is part of the key: a new rule sanitizes every figure again.
  const hash = createHash('sha256').update(SANITIZER_VERSION).update(source).digest('hex');
  const remembered = memory.get(hash);
  if (remembered) return remembered;
  const cache = cacheDir ? path.join(cacheDir, `${hash}.json`) : undefined;
  let result = cache ? readCache(cache) : undefined;
  if (!result) {
    result = sanitizeSvg(source);
    if (cacheDir && cache) {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cache, JSON.stringify(result));
    }
  }
  memory.set(hash, result);
  return result;
}

/** Changes whenever the rules above change what is published. */
export const SANITIZER_VERSION = 'svg-1';

function readCache(file: string): SanitizedSvg | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as SanitizedSvg;
    return typeof value.svg === 'string' && Array.isArray(value.removed) ? value : undefined;
  } catch {
    return undefined;
  }
}

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
import { decodeHTMLAttribute } from 'entities/decode';
import { escapeAttribute } from 'entities/escape';
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
const ID_LISTS = new Set(['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'for', 'headers']);
// Attributes that name one element by id: a button's dialog (`figure-dialogs.ts`), a popover's.
const ID_REFS = new Set(['commandfor', 'popovertarget']);
const HEADING = /^h([1-6])$/;
// Elements whose text is not HTML (nothing in it is a tag): anywhere, and in HTML but not inside SVG or MathML.
const RAW_TEXT = new Set(['script', 'style']);
const RAW_TEXT_IN_HTML = new Set(['textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const FOREIGN = new Set(['svg', 'math']);

/**
 * The parts' HTML for one page, in order: ids unique across the page and
 * not in `reserved` (the ids the page itself uses, such as chapter headings),
 * references rewritten to match.
 *
 * The HTML is edited where it names an id or a heading, and left byte for
 * byte elsewhere: read as tags, not parsed into a tree and written again
 * (which took most of a 500-note build's page time). It is the pipeline's
 * own output (`render.ts`), so every tag is well formed.
 */
export function embedParts(parts: PartToEmbed[], reserved: string[] = []): string[] {
  const taken = new Set(reserved);
  return parts.map((part) => {
    const tags = readTags(part.html);
    const renamed = new Map<string, string>();
    for (const tag of tags) {
      const id = tag.attributes.find((attribute) => attribute.name === 'id');
      if (id?.value) {
        const unique = uniqueId(part.prefix + id.value, taken);
        renamed.set(id.value, unique);
        if (unique !== id.value) id.replacement = unique;
      }
    }
    const edits: Edit[] = [];
    for (const tag of tags) {
      const depth = part.demote ? HEADING.exec(tag.name)?.[1] : undefined;
      if (depth)
        edits.push({ from: tag.nameStart, to: tag.nameEnd, text: `h${Math.min(6, Number(depth) + part.demote)}` });
      for (const attribute of tag.attributes) {
        const { name, value } = attribute;
        if (name === 'href' && value.startsWith('#')) {
          const target = renamed.get(decodeFragment(value.slice(1)));
          if (target) attribute.replacement = fragmentHref(target);
        } else if (ID_REFS.has(name)) {
          const target = renamed.get(value);
          if (target) attribute.replacement = target;
        } else if (ID_LISTS.has(name)) {
          const ids = value.split(/[ \t\n\f\r]+/).filter(Boolean);
          if (ids.some((ref) => renamed.has(ref)))
            attribute.replacement = ids.map((ref) => renamed.get(ref) ?? ref).join(' ');
        }
        if (attribute.replacement !== undefined)
          edits.push({
            from: attribute.valueStart,
            to: attribute.valueEnd,
            text: `"${escapeAttribute(attribute.replacement)}"`,
          });
      }
    }
    return applyEdits(part.html, edits);
  });
}

interface Attribute {
  /** Lowercase. */
  name: string;
  /** With character references decoded. */
  value: string;
  /** Where the value is written, quotes included (`valueStart === valueEnd`: written without one). */
  valueStart: number;
  valueEnd: number;
  replacement?: string;
}

interface Tag {
  /** Lowercase. */
  name: string;
  /** An end tag (which has no attributes). */
  closing: boolean;
  nameStart: number;
  nameEnd: number;
  attributes: Attribute[];
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Every start and end tag of `html`, in order (comments and the text of scripts and styles skipped). */
function readTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const name = /[^\t\n\f\r />]+/y;
  const space = /[\t\n\f\r ]*/y;
  // As HTML reads a name: its first character may be `=`. Always matches where it is tried (the cursor is on
  // none of space, `/`, `>`), so reading always moves on.
  const attributeName = /[^\t\n\f\r />][^\t\n\f\r />=]*/y;
  const unquoted = /[^\t\n\f\r >]*/y;
  let at = html.indexOf('<');
  // How deep in SVG or MathML, where a title or a textarea is markup like any other.
  let foreign = 0;
  while (at !== -1 && at < html.length) {
    if (html.startsWith('<!--', at)) {
      // From the second dash on, so `<!-->` and `<!--->` (empty comments) end where a browser ends them.
      const end = html.indexOf('-->', at + 2);
      at = end === -1 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const closing = html[at + 1] === '/';
    const nameStart = at + (closing ? 2 : 1);
    if (!/[a-zA-Z]/.test(html[nameStart] ?? '')) {
      // `<!doctype>`, `<?…>`, or a `<` that is text.
      const end = html.indexOf('>', at + 1);
      at = end === -1 ? -1 : html.indexOf('<', end + 1);
      continue;
    }
    name.lastIndex = nameStart;
    name.exec(html);
    const nameEnd = name.lastIndex;
    const tagName = html.slice(nameStart, nameEnd).toLowerCase();
    const attributes: Attribute[] = [];
    let cursor = nameEnd;
    let selfClosing = false;
    for (;;) {
      space.lastIndex = cursor;
      space.exec(html);
      cursor = space.lastIndex;
      const char = html[cursor];
      if (char === undefined || char === '>') break;
      selfClosing = char === '/';
      if (selfClosing) {
        cursor += 1;
        continue;
      }
      attributeName.lastIndex = cursor;
      attributeName.exec(html);
      const attribute = html.slice(cursor, attributeName.lastIndex).toLowerCase();
      cursor = attributeName.lastIndex;
      space.lastIndex = cursor;
      space.exec(html);
      let valueStart = space.lastIndex;
      let valueEnd = valueStart;
      let written = '';
      if (html[valueStart] === '=') {
        space.lastIndex = valueStart + 1;
        space.exec(html);
        valueStart = space.lastIndex;
        const quote = html[valueStart];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, valueStart + 1);
          valueEnd = close === -1 ? html.length : close + 1;
          written = html.slice(valueStart + 1, valueEnd - 1);
        } else {
          unquoted.lastIndex = valueStart;
          unquoted.exec(html);
          valueEnd = unquoted.lastIndex;
          written = html.slice(valueStart, valueEnd);
        }
        cursor = valueEnd;
      } else {
        valueStart = cursor;
        valueEnd = cursor;
      }
      // The first of two attributes of one name is the one a browser keeps.
      if (!attributes.some((seen) => seen.name === attribute))
        attributes.push({ name: attribute, value: decodeHTMLAttribute(written), valueStart, valueEnd });
    }
    tags.push({ name: tagName, closing, nameStart, nameEnd, attributes: closing ? [] : attributes });
    at = html.indexOf('<', cursor);
    if (FOREIGN.has(tagName) && !selfClosing) foreign += closing ? -1 : 1;
    if (!closing && at !== -1 && (RAW_TEXT.has(tagName) || (foreign === 0 && RAW_TEXT_IN_HTML.has(tagName)))) {
      const end = new RegExp(`</${tagName}`, 'gi');
      end.lastIndex = cursor;
      at = end.exec(html)?.index ?? -1;
    }
  }
  return tags;
}

/** `html` with each edit's span replaced by its text (edits in order, not overlapping). */
function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  edits.sort((a, b) => a.from - b.from);
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += html.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  return result + html.slice(at);
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

/**
 * Every URL the site emits is built here: the slugs of notes and their pages,
 * fragments, and the base path the site is deployed under (`/` or
 * `/<repo>/`), percent-encoded segment by segment, so Chinese file names,
 * notes in folders and sub-path deploys never produce a broken link.
 */
import { slug as githubSlug } from 'github-slugger';

/** A site path such as `生成式ai学习笔记/1-chatgpt-原理剖析/`, relative to the base, not encoded. */
export type SitePath = string;

/** `/` or `/<repo>/`: always starts and ends with a slash. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Encodes each segment of a path, keeping `/` separators and a trailing slash. */
export function encodePath(path: SitePath): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The href for a site path under `base`, e.g. `/notes-site/%E7%94%9F.../`. A `#fragment` is encoded too. */
export function siteUrl(base: string, path: SitePath = '', fragment?: string): string {
  const root = normalizeBase(base);
  const href = root + encodePath(path.replace(/^\/+/, ''));
  return fragment ? href + fragmentHref(fragment) : href;
}

/** A link to an element of the same page: `#` and the id, percent-encoded. */
export function fragmentHref(id: string): string {
  return `#${encodeURIComponent(id)}`;
}

/** Where a note's page lives. */
export function notePath(noteSlug: string): SitePath {
  return `${noteSlug}/`;
}

/** Where a chapter's page lives. */
export function chapterPath(noteSlug: string, chapterSlug: string): SitePath {
  return `${noteSlug}/${chapterSlug}/`;
}

/**
 * The last segment of a note's whole-note page (introduction and every
 * chapter on one page, for print and PDF). Its `·` is a character the slugger
 * always removes, so no chapter slug can ever equal it, however chapters are named.
 */
export const WHOLE_NOTE_SEGMENT = '全文·打印';

/** Where a note's whole-note page lives. */
export function wholeNotePath(noteSlug: string): SitePath {
  return `${noteSlug}/${WHOLE_NOTE_SEGMENT}/`;
}

/** Whether a URL (percent-encoded or not) is a whole-note page: kept out of the sitemap, which lists each text once. */
export function isWholeNoteUrl(url: string): boolean {
  let path = url;
  try {
    path = decodeURIComponent(new URL(url, 'http://site').pathname);
  } catch {
    // Not a URL we can read: compare it as written.
  }
  return path.endsWith(`/${WHOLE_NOTE_SEGMENT}/`);
}

/** Where a figure is served: its path inside the notes folder, under `figures/`. */
export function figurePath(relativeToNotes: string): SitePath {
  return `figures/${relativeToNotes}`;
}

/** KaTeX's stylesheet, served from the site itself. */
export const katexStylesheetPath: SitePath = 'katex/katex.min.css';

/**
 * The site's own paths at the top of the site: a note may not be published
 * there (`notes/404.md`, `notes/pagefind.md`), so such a note goes elsewhere.
 */
export const RESERVED_PATHS = new Set([
  '404',
  '404.html',
  '_astro',
  'archives',
  'categories',
  'favicon.svg',
  'figures',
  'icons',
  'katex',
  'manifest.webmanifest',
  'note-list.json',
  'offline',
  'pagefind',
  'robots.txt',
  'sitemap-0.xml',
  'sitemap-index.xml',
  'sw.js',
  'tags',
]);

// A file name may be 255 bytes; a slug stays well under, with room for `index.html` files beside it.
const MAX_SLUG_BYTES = 120;

/**
 * A URL segment for a title or file name, the way GitHub makes heading ids:
 * lower-case, spaces to `-`, punctuation dropped, Chinese kept. A long one is
 * cut and given a short hash of the whole, so it stays unique and stable.
 */
export function slugify(text: string): string {
  return capSlug(githubSlug(text), text);
}

/**
 * A URL segment for a folder or file name of a note: like `slugify`, but dots
 * stay (`ls.1`, `maint-guide.zh-tw`), as the name is the author's.
 */
export function slugifyName(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}._-]/gu, '')
    .replace(/^[.-]+|[.-]+$/g, '');
  return capSlug(slug, name);
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

function capSlug(slug: string, whole: string): string {
  if (bytes(slug) <= MAX_SLUG_BYTES) return slug;
  const hash = shortHash(whole);
  let cut = '';
  for (const char of slug) {
    if (bytes(cut + char) > MAX_SLUG_BYTES - hash.length - 1) break;
    cut += char;
  }
  return `${cut.replace(/-+$/, '')}-${hash}`;
}

/** Eight hex digits of FNV-1a over the text: enough to tell two long titles apart, and the same every build. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Where a note is published: its path in the notes folder, each folder and
 * the file name as a slug, extension dropped (`手册/man1/ls.1.md` →
 * `手册/man1/ls.1`), as Hexo keeps a post's folders. A note named like one of
 * the site's own paths gets `-笔记` added (`404.md` → `404-笔记`).
 */
export function noteSlug(relativeToNotes: string): string {
  const segments = relativeToNotes
    .replace(/\.(md|markdown|mdx)$/i, '')
    .split('/')
    .map((segment) => slugifyName(segment) || 'note');
  if (RESERVED_PATHS.has(segments[0]!)) segments[0] = `${segments[0]}-笔记`;
  return segments.join('/');
}

/** Whether a note slug's first segment would collide with the site's own top-level paths. */
export function isReservedSegment(slug: string): boolean {
  return RESERVED_PATHS.has(slug.toLowerCase());
}

/** Page 1 of a list lives at `path`; page 2 at `path` + `page/2/`. */
function paged(path: SitePath, page: number): SitePath {
  return page > 1 ? `${path}page/${page}/` : path;
}

/** Every category, as a tree. */
export const categoriesIndexPath: SitePath = 'categories/';

/** A category's page: its slug and its parents' slugs, top first (`categories/编程/python/`). */
export function categoryPath(slugs: string[], page = 1): SitePath {
  return paged(`categories/${slugs.join('/')}/`, page);
}

/** Every tag. */
export const tagsIndexPath: SitePath = 'tags/';

/** A tag's page. */
export function tagPath(slug: string, page = 1): SitePath {
  return paged(`tags/${slug}/`, page);
}

/** The notes by date, newest first: all of them, or one year's. */
export function archivePath(year?: string, page = 1): SitePath {
  return paged(year ? `archives/${year}/` : 'archives/', page);
}

/** The list of every note's title, address, date and categories that the home page's filter loads. */
export const noteListPath: SitePath = 'note-list.json';

/** A smaller copy of a figure, in a modern format: `figures/<path>.<width>.<format>`. */
export function figureVariantPath(relativeToNotes: string, width: number, format: string): SitePath {
  return `${figurePath(relativeToNotes)}.${width}.${format}`;
}

/** The figure (relative to the notes folder) that a `src` emitted by `siteUrl(base, figurePath(…))` names. */
export function figureFromUrl(base: string, url: string): string | undefined {
  const prefix = siteUrl(base, 'figures/');
  if (!url.startsWith(prefix)) return undefined;
  try {
    return url
      .slice(prefix.length)
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return undefined;
  }
}

/** The page a reader gets for a page that was not saved, while offline. */
export const offlinePagePath: SitePath = 'offline/';

/** What saving the site for offline reading involves: sizes, and each note's manifest. */
export const offlineSiteManifestPath: SitePath = 'offline/site.json';

/** What saving one note involves: its pages, figures and search fragments, with sizes. */
export function offlineNoteManifestPath(noteSlug: string): SitePath {
  return `offline/notes/${noteSlug}.json`;
}

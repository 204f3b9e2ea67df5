/**
 * Every URL the site emits is built here, from the base path the site is
 * deployed under (`/` or `/<repo>/`) and percent-encoded segment by segment,
 * so Chinese file names and sub-path deploys never produce a broken link.
 */

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

/** Where a figure is served: its path inside the notes folder, under `figures/`. */
export function figurePath(relativeToNotes: string): SitePath {
  return `figures/${relativeToNotes}`;
}

/** KaTeX's stylesheet, served from the site itself. */
export const katexStylesheetPath: SitePath = 'katex/katex.min.css';

/**
 * Top-level path segments the site uses for its own pages and files, as Hexo
 * does (`categories/`, `tags/`, `archives/`), so no note may be published
 * under one of these names: its pages would collide with the site's.
 */
export const RESERVED_SEGMENTS = [
  'categories',
  'tags',
  'archives',
  'offline',
  'figures',
  'katex',
  'pagefind',
  'icons',
  '_astro',
] as const;

/** Whether a note slug would collide with the site's own top-level paths. */
export function isReservedSegment(slug: string): boolean {
  return (RESERVED_SEGMENTS as readonly string[]).includes(slug.toLowerCase());
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

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

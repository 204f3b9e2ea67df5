/**
 * Offline reading within a budget. A small site is saved whole on the first
 * visit (the service worker precaches it); a large one only its shell
 * (styles, scripts, the home page, search), plus every page and figure the
 * reader opens, plus whatever the reader chooses to save, a note or the
 * whole site, from a control that shows the size first. This module is what
 * the build, the service worker's configuration and that control share: the
 * threshold, the cache names, the manifests' shape, and which copy of each
 * figure a screen needs. Pure, and safe to run in the browser.
 */
import type { CacheKind } from './offline-caches.ts';
import { FIGURE_COLUMN_PX, isRasterFigure, VARIANT_WIDTHS } from './responsive-figures.ts';

/** Sites up to this size (everything the service worker would store) are saved whole on the first visit. */
export const WHOLE_SITE_BYTES = 4 * 1024 * 1024;

/** The search index is saved with the shell up to this size, so offline search finds every note. */
export const SEARCH_INDEX_PRECACHE_BYTES = 2 * 1024 * 1024;

export { CACHE_NAMES, type CacheKind } from './offline-caches.ts';

/** A file of the site, by its URL (base path included, percent-encoded), and its size. */
export interface OfflineFile {
  url: string;
  bytes: number;
}

/** A figure: its original, and its smaller copies (narrowest first; none for SVG). */
export interface FigureFiles {
  original: OfflineFile;
  variants: (OfflineFile & { width: number })[];
}

/** What saving one note takes: its pages, its figures, and the files search shows its pages from. */
export interface NoteManifest {
  title: string;
  pages: OfflineFile[];
  figures: FigureFiles[];
  fragments: OfflineFile[];
  /** Whether a page of it has math, so KaTeX's fonts are saved with it. */
  math: boolean;
}

/** What the site holds for offline reading; written by the build at `offline/site.json`. */
export interface SiteManifest {
  /** `whole`: the first visit stores everything; `shell`: the shell, then what is read or saved. */
  mode: 'whole' | 'shell';
  /** Everything the service worker would store to hold the whole site. */
  totalBytes: number;
  /** What the first visit stores unasked. */
  precacheBytes: number;
  /** The search index (chunks, metadata, filters) and whether the first visit stores it. */
  search: { files: OfflineFile[]; precached: boolean };
  /** KaTeX's fonts, saved with notes that have math. */
  katex: OfflineFile[];
  /** Pages of no note: the home page, categories, tags, the archive. */
  pages: OfflineFile[];
  /** Each note: where its manifest is, and its size at each figure width (`VARIANT_WIDTHS`). */
  notes: { manifest: string; bytes: number[] }[];
}

// Files of the built site (relative to it) that no reader needs offline: for crawlers, Pagefind UIs
// the site does not use, the service worker itself, the manifests the save control reads online.
const NEVER_STORED = [
  /^sw\.js$/,
  /^workbox-[^/]*\.js$/,
  /^pagefind\/pagefind-(?:component|modular)-ui\./,
  /^pagefind\/playground\//,
  /^sitemap[^/]*\.xml$/,
  /^robots\.txt$/,
  /^offline\/(?:site\.json|notes\/)/,
];

// The shell: what any page needs to open and to search, offline, whatever the note.
const SHELL = [
  /^_astro\//,
  /^(?:offline\/)?index\.html$/,
  /^404\.html$/,
  /^manifest\.webmanifest$/,
  /^favicon\.svg$/,
  /^icons\//,
  /^note-list\.json$/,
  /^katex\/katex\.min\.css$/,
  // Pagefind's runtime and the site's table of pages (src/lib/search-store.ts), which every search reads first.
  /^pagefind\/(?:pagefind\.js|pagefind-entry\.json|wasm\.[^/]+|search\.pf_site)$/,
  // Each other group's entry file, which the first search reads (src/lib/search-groups.ts).
  /^pagefind\/groups\/\d+\/pagefind-entry\.json$/,
];

/** A figure's original where smaller copies serve the page: offline, the widest copy stands in for it. */
export function isRasterOriginal(file: string): boolean {
  return file.startsWith('figures/') && isRasterFigure(file) && !/\.\d+\.(?:webp|avif)$/.test(file);
}

/** The search index proper: term chunks, page metadata, filters (not the runtime, not the text of each page). */
export function isSearchIndexFile(file: string): boolean {
  return /^pagefind\/(?:groups\/\d+\/)?(?:(?:index|filter)\/|[^/]+\.pf_meta$)/.test(file);
}

/** Whether a file of the built site is stored when the whole site is. */
export function storedWhenWhole(file: string): boolean {
  return !NEVER_STORED.some((pattern) => pattern.test(file)) && !isRasterOriginal(file);
}

/** Whether a file is in the shell every first visit stores; with `searchIndex`, the search index too. */
export function inShell(file: string, searchIndex: boolean): boolean {
  return SHELL.some((pattern) => pattern.test(file)) || (searchIndex && isSearchIndexFile(file));
}

/** Whether the first visit stores the whole site or its shell. */
export function precacheMode(totalBytes: number): SiteManifest['mode'] {
  return totalBytes <= WHOLE_SITE_BYTES ? 'whole' : 'shell';
}

/** The pixels a figure needs across on this screen: the column (or screen less padding) times its density. */
export function figurePixels(viewportWidth: number, devicePixelRatio: number): number {
  return Math.ceil(Math.min(FIGURE_COLUMN_PX, viewportWidth - 32) * devicePixelRatio);
}

/** Which of `VARIANT_WIDTHS` a figure `pixels` across is saved at: the first wide enough, else the widest. */
export function widthTier(pixels: number): number {
  const tier = VARIANT_WIDTHS.findIndex((width) => width >= pixels);
  return tier === -1 ? VARIANT_WIDTHS.length - 1 : tier;
}

/**
 * The copy of each screenshot or photo a site stored whole keeps: the one for
 * the text column at 1× (640 px); offline, the service worker shows it
 * wherever another copy was asked for.
 */
export const WHOLE_SITE_FIGURE_TIER = 1;

/** The file of a figure to save for a screen at `tier`: the narrowest copy wide enough, else the widest, else the original. */
export function figureFileAt(figure: FigureFiles, tier: number): OfflineFile {
  const wanted = VARIANT_WIDTHS[tier] ?? Number.POSITIVE_INFINITY;
  return figure.variants.find((variant) => variant.width >= wanted) ?? figure.variants.at(-1) ?? figure.original;
}

/** Every file of a note to save at `tier`, with the cache it goes to. */
export function noteFiles(note: NoteManifest, tier: number): { cache: CacheKind; file: OfflineFile }[] {
  return [
    ...note.pages.map((file) => ({ cache: 'pages' as const, file })),
    ...note.figures.map((figure) => ({ cache: 'figures' as const, file: figureFileAt(figure, tier) })),
    ...note.fragments.map((file) => ({ cache: 'search' as const, file })),
  ];
}

/** A note's size at each tier, for the site manifest. */
export function noteBytesByTier(note: NoteManifest): number[] {
  return VARIANT_WIDTHS.map((_, tier) => noteFiles(note, tier).reduce((sum, { file }) => sum + file.bytes, 0));
}

/** Bytes as a reader reads them: `340 KB`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/**
 * What offline reading involves, measured on the built site after the search
 * index is written: whether the first visit stores the whole site or its
 * shell (`src/lib/offline-plan.ts` decides by bytes), and, for the "save for
 * offline reading" control, a manifest per note (its pages, figures and
 * files search shows them from, with sizes) and one for the site (`offline/site.json`).
 * The service worker is configured from the result.
 *
 * A rebuild into the last build's output finds its manifests kept
 * (`kept-output.ts`), each recorded with the hash of what it holds, and
 * writes only those that changed (a one-note edit: two of 500), removing
 * those of notes gone.
 */
import { createHash } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measureFigure, type SiteContent } from '../lib/build-notes.ts';
import { folderMaker, listFiles } from '../lib/files.ts';
import {
  type FigureFiles,
  figureFileAt,
  inShell,
  isSearchIndexFile,
  type NoteManifest,
  noteBytesByTier,
  type OfflineFile,
  precacheMode,
  SEARCH_INDEX_PRECACHE_BYTES,
  type SiteManifest,
  storedWhenWhole,
  WHOLE_SITE_FIGURE_TIER,
} from '../lib/offline-plan.ts';
import { figureVariants, isRasterFigure } from '../lib/responsive-figures.ts';
import {
  figurePath,
  offlineNoteManifestPath,
  offlinePagePath,
  offlineSiteManifestPath,
  type SitePath,
  siteUrl,
  wholeNotePath,
} from '../lib/urls.ts';
import { removeKept } from './kept-output.ts';
import type { SearchFiles } from './pagefind.ts';

export interface OfflinePlan {
  /** The manifests in the output, each with the hash of what it holds (for the next build's `kept`). */
  manifests: Map<string, string>;
  mode: SiteManifest['mode'];
  /** The files the service worker precaches, relative to the built site. */
  precache: string[];
  totalBytes: number;
  precacheBytes: number;
}

/**
 * Writes `offline/site.json` and one manifest per note into `out`, but for those `kept` from the last build with
 * the same hash; returns what the service worker precaches.
 */
export function writeOfflineManifests(
  out: string,
  content: SiteContent,
  base: string,
  notesDir: string,
  search: SearchFiles,
  kept: Map<string, string> = new Map(),
): OfflinePlan {
  // The manifests kept are not measured: a clean build measures the site before it writes them.
  const sizes = new Map(
    listFiles(out)
      .filter((file) => !kept.has(file))
      .map((file) => [file, statSync(path.join(out, file)).size]),
  );
  const manifests = new Map<string, string>();
  const changed: { file: SitePath; json: string }[] = [];
  const writeJson = (file: SitePath, value: unknown) => {
    const json = JSON.stringify(value);
    const digest = createHash('sha256').update(json).digest('base64url');
    manifests.set(file, digest);
    if (kept.get(file) !== digest) changed.push({ file, json });
  };
  const sum = (files: string[]) => files.reduce((total, file) => total + (sizes.get(file) ?? 0), 0);
  const fileAt = (file: string): OfflineFile => ({ url: siteUrl(base, file), bytes: sizes.get(file) ?? 0 });
  const pageAt = (page: SitePath): OfflineFile => ({
    url: siteUrl(base, page),
    bytes: sizes.get(`${page}index.html`) ?? 0,
  });
  const widths = new Map<string, number>();
  const figureFiles = (figure: string): FigureFiles => {
    if (isRasterFigure(figure) && !widths.has(figure)) {
      widths.set(figure, measureFigure(path.join(notesDir, figure))?.width ?? 0);
    }
    return {
      original: fileAt(figurePath(figure)),
      variants: figureVariants(figure, widths.get(figure) ?? 0)
        .filter((variant) => sizes.has(variant.path))
        .map((variant) => ({ width: variant.width, ...fileAt(variant.path) })),
    };
  };

  // A site stored whole keeps one copy of each screenshot or photo, the text column's; offline it stands in for the others.
  const spareCopies = new Set(
    content.figures.flatMap((figure) => {
      const files = figureFiles(figure);
      const kept = figureFileAt(files, WHOLE_SITE_FIGURE_TIER);
      return files.variants.filter((variant) => variant.url !== kept.url).map((variant) => variant.url);
    }),
  );
  const whole = [...sizes.keys()].filter((file) => storedWhenWhole(file) && !spareCopies.has(siteUrl(base, file)));
  const totalBytes = sum(whole);
  const mode = precacheMode(totalBytes);
  const indexFiles = [...sizes.keys()].filter(isSearchIndexFile);
  const indexPrecached = mode === 'whole' || sum(indexFiles) <= SEARCH_INDEX_PRECACHE_BYTES;
  const precache = mode === 'whole' ? whole : whole.filter((file) => inShell(file, indexPrecached));

  const notePages = new Set<string>();
  const notes: SiteManifest['notes'] = [];
  for (const note of content.notes) {
    const parts = [note.intro, ...note.chapters];
    // The note's page, its chapters, and the whole note on one page (where it has chapters).
    const pages = [
      note.path,
      ...note.chapters.map((chapter) => chapter.path),
      ...(note.chapters.length > 0 ? [wholeNotePath(note.slug)] : []),
    ];
    for (const page of pages) notePages.add(`${page}index.html`);
    const manifest: NoteManifest = {
      title: note.title,
      pages: pages.map(pageAt),
      figures: [...new Set(parts.flatMap((part) => part.figures))].map(figureFiles),
      fragments: pages.flatMap((page) => (search.byPage.get(page) ?? []).map(fileAt)),
      math: parts.some((part) => part.hasMath),
    };
    const manifestPath = offlineNoteManifestPath(note.slug);
    writeJson(manifestPath, manifest);
    notes.push({ manifest: siteUrl(base, manifestPath), bytes: noteBytesByTier(manifest) });
  }

  const site: SiteManifest = {
    mode,
    totalBytes,
    precacheBytes: sum(precache),
    search: { files: indexFiles.map(fileAt), precached: indexPrecached },
    katex: [...sizes.keys()].filter((file) => file.startsWith('katex/fonts/')).map(fileAt),
    pages: [...sizes.keys()]
      .filter((file) => file.endsWith('index.html') && !notePages.has(file) && file !== `${offlinePagePath}index.html`)
      .map((file) => pageAt(file.slice(0, -'index.html'.length))),
    notes,
  };
  writeJson(offlineSiteManifestPath, site);
  // A removed note's manifest, kept from the last build, goes before any is written: where case is ignored, a note
  // renamed `Note` → `note` would otherwise lose the manifest just written under the new name.
  for (const file of kept.keys()) if (!manifests.has(file)) removeKept(out, file);
  const makeFolder = folderMaker();
  for (const { file, json } of changed) {
    const to = path.join(out, file);
    makeFolder(to);
    // Never written through: the kept file goes first.
    rmSync(to, { force: true });
    writeFileSync(to, json);
  }
  return { manifests, mode, precache, totalBytes, precacheBytes: site.precacheBytes };
}

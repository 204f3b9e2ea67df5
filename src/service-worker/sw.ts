/// <reference lib="webworker" />
/**
 * The service worker, as source: bundled at the end of a build
 * (`src/integrations/service-worker.ts`) with the files to precache and the
 * site's paths written in. Workbox's own modules do the work Workbox's
 * generateSW would have written out: precache what the build chose (the
 * whole of a small site, a large one's shell) versioned by content, keep
 * every page and figure the reader opens and what they saved for offline
 * reading; offline, a page never saved gets a page saying so, and a figure's
 * missing copy another copy of it (search says itself when part of what it
 * needs could not be loaded).
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheFallbackPlugin, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { CACHE_NAMES } from '../lib/offline-caches.ts';
import { HIGHLIGHT_PARAM } from '../site.ts';

/** What the build writes in: the files to precache, and the site's paths (already percent-encoded, base included). */
interface Config {
  precache: { url: string; revision: string | null }[];
  figures: string;
  search: string;
  katex: string;
  /** The page shown for a page never saved, relative to the worker. */
  offlinePage: string;
}
declare const self: ServiceWorkerGlobalScope;
declare const STUDY_NOTES_SERVICE_WORKER: Config;
const config = STUDY_NOTES_SERVICE_WORKER;

setCacheNameDetails({ prefix: 'study-notes' });
self.skipWaiting();
clientsClaim();
precacheAndRoute(config.precache, {
  directoryIndex: 'index.html',
  // A result's `?highlight=` must not miss the cached page; Pagefind asks for its entry file with `?ts=<now>`.
  ignoreURLParametersMatching: [new RegExp(`^${HIGHLIGHT_PARAM}$`), /^ts$/, /^utm_/],
});
cleanupOutdatedCaches();

const ok = new CacheableResponsePlugin({ statuses: [200] });
const under =
  (prefix: string) =>
  ({ url }: { url: URL }) =>
    url.pathname.startsWith(prefix);

// Pages: fresh from the network when there is one, else as last read or saved; else the offline page.
registerRoute(
  ({ request }) => request.mode === 'navigate',
  new NetworkFirst({
    cacheName: CACHE_NAMES.pages,
    networkTimeoutSeconds: 4,
    matchOptions: { ignoreSearch: true, ignoreVary: true },
    plugins: [ok, new PrecacheFallbackPlugin({ fallbackURL: config.offlinePage })],
  }),
);
// Figures: from the cache at once, refreshed behind; offline, another copy of the same figure.
registerRoute(
  under(config.figures),
  new StaleWhileRevalidate({
    cacheName: CACHE_NAMES.figures,
    matchOptions: { ignoreVary: true },
    plugins: [ok, { handlerDidError: anotherCopyOfTheFigure }],
  }),
);
// The text search shows of each page is named by Pagefind's page id, which does not cover all of it (the note's
// title, the text as written): from the cache at once, refreshed behind, as figures are.
registerRoute(
  under(`${config.search}page/`),
  new StaleWhileRevalidate({ cacheName: CACHE_NAMES.search, matchOptions: { ignoreVary: true }, plugins: [ok] }),
);
// Search's index chunks are named by their content: a cached one is never stale. (Its runtime and table of pages,
// not so named, are in the shell every visit precaches, versioned by content.)
registerRoute(
  under(config.search),
  new CacheFirst({ cacheName: CACHE_NAMES.search, matchOptions: { ignoreVary: true }, plugins: [ok] }),
);
// KaTeX's fonts: kept once fetched.
registerRoute(
  under(config.katex),
  new CacheFirst({ cacheName: CACHE_NAMES.files, matchOptions: { ignoreVary: true }, plugins: [ok] }),
);

/**
 * Offline, a figure's copy (or original) that was never stored is answered
 * with a stored copy of the same figure: the narrowest one at least as wide,
 * else the widest. The reader sees the figure, a little softer or sharper.
 */
async function anotherCopyOfTheFigure({ request }: { request: Request }): Promise<Response | undefined> {
  const copy = /\.(\d+)\.(?:webp|avif)$/;
  const wanted = new URL(request.url).pathname;
  const stem = wanted.replace(copy, '');
  const widthOf = (pathname: string) => Number(copy.exec(pathname)?.[1] ?? Number.POSITIVE_INFINITY);
  const target = widthOf(wanted);
  const better = (width: number, than: number) =>
    width >= target !== than >= target ? width >= target : width >= target ? width < than : width > than;
  let best: { cache: Cache; key: Request; width: number } | undefined;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const key of await cache.keys()) {
      const pathname = new URL(key.url).pathname;
      if (pathname === wanted) continue;
      if (pathname !== stem && !(pathname.startsWith(stem) && copy.test(pathname.slice(stem.length)))) continue;
      const width = widthOf(pathname);
      if (!best || better(width, best.width)) best = { cache, key, width };
    }
  }
  return best ? best.cache.match(best.key) : undefined;
}

/**
 * Makes the built site work offline within a budget: Workbox's generateSW
 * writes a service worker that precaches what `offline-manifest.ts` chose
 * (a small site whole, a large one its shell: styles, scripts, the home
 * page, search), versioned by content hash, so a new deploy replaces exactly
 * what changed and old caches are cleaned up. Beyond the precache it keeps
 * every page and figure the reader opens, and serves what the reader saved
 * for offline reading (the control writes into the same caches). Offline, a
 * page never saved gets a page saying so, a figure's missing copy another
 * copy of it, and search a result marked as not saved instead of an error.
 * Runs last, after the search index and the manifests are written.
 * @see https://developer.chrome.com/docs/workbox/modules/workbox-build#generatesw
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { generateSW, type RuntimeCaching } from 'workbox-build';
import { CACHE_NAMES } from '../lib/offline-caches.ts';
import { formatBytes } from '../lib/offline-plan.ts';
import { encodePath, offlinePagePath } from '../lib/urls.ts';
import { HIGHLIGHT_PARAM } from '../site.ts';
import type { OfflinePlan } from './offline-manifest.ts';

/** Writes `out/sw.js`, precaching `plan.precache`, for a site served under `base`. */
export async function writeServiceWorker(
  out: string,
  base: string,
  plan: OfflinePlan,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const { count, warnings } = await generateSW({
    globDirectory: out,
    // The exact files chosen, each pattern a literal path.
    globPatterns: plan.precache.map(escapeGlob),
    swDest: path.join(out, 'sw.js'),
    cacheId: 'study-notes',
    directoryIndex: 'index.html',
    // A result's `?highlight=` must not miss the cached page.
    // Pagefind asks for its entry file with `?ts=<now>` to dodge HTTP caches; the precache is versioned anyway.
    ignoreURLParametersMatching: [new RegExp(`^${HIGHLIGHT_PARAM}$`), /^ts$/, /^utm_/],
    // Astro's and Vite's files carry a content hash in their names already.
    dontCacheBustURLsMatching: /\/_astro\//,
    cleanupOutdatedCaches: true,
    skipWaiting: true,
    clientsClaim: true,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    runtimeCaching: runtimeCaching(base),
    sourcemap: false,
    mode: 'production',
  });
  for (const warning of warnings) logger.warn(warning);
  const what =
    plan.mode === 'whole' ? 'the whole site' : `its shell (the whole site is ${formatBytes(plan.totalBytes)})`;
  logger.info(`service worker precaches ${what}: ${count} files, ${formatBytes(plan.precacheBytes)}`);
}

/** `[`, `*` and the like in a file name are literal characters, not patterns. */
function escapeGlob(file: string): string {
  return file.replace(/[\\[\]{}()*?!+@]/g, '\\$&');
}

function runtimeCaching(base: string): RuntimeCaching[] {
  const under = (folder: string) => new RegExp(`^[^?#]*${escapeRegExp(encodePath(`${base}${folder}`))}`);
  return [
    {
      // Pages: fresh from the network when there is one, else as last read or saved; else the offline page.
      urlPattern: ({ request }) => request.mode === 'navigate',
      handler: 'NetworkFirst',
      options: {
        cacheName: CACHE_NAMES.pages,
        networkTimeoutSeconds: 4,
        matchOptions: { ignoreSearch: true, ignoreVary: true },
        cacheableResponse: { statuses: [200] },
        precacheFallback: { fallbackURL: `${offlinePagePath}index.html` },
      },
    },
    {
      // Figures: from the cache at once, refreshed behind; offline, another copy of the same figure.
      urlPattern: under('figures/'),
      handler: 'StaleWhileRevalidate',
      options: {
        cacheName: CACHE_NAMES.figures,
        matchOptions: { ignoreVary: true },
        cacheableResponse: { statuses: [200] },
        plugins: [{ handlerDidError: anotherCopyOfTheFigure }],
      },
    },
    {
      // Search chunks and fragments are named by their content: a cached one is never stale.
      urlPattern: under('pagefind/'),
      handler: 'CacheFirst',
      options: {
        cacheName: CACHE_NAMES.search,
        matchOptions: { ignoreVary: true },
        cacheableResponse: { statuses: [200] },
        plugins: [{ handlerDidError: fragmentOfAnUnsavedPage }],
      },
    },
    {
      // KaTeX's fonts, and anything else not precached: kept once fetched.
      urlPattern: under('katex/'),
      handler: 'CacheFirst',
      options: {
        cacheName: CACHE_NAMES.files,
        matchOptions: { ignoreVary: true },
        cacheableResponse: { statuses: [200] },
      },
    },
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The two functions below are copied into sw.js as their source text: they may use nothing from this module.

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

/**
 * Offline, the search fragment of a page that was not saved is answered with
 * one that says so (a result titled 未离线保存 leading to the offline page),
 * so search lists every note it finds and opens the saved ones. Pagefind
 * reads a fragment sent uncompressed when it starts with its signature.
 */
async function fragmentOfAnUnsavedPage({ request }: { request: Request }): Promise<Response | undefined> {
  if (!new URL(request.url).pathname.endsWith('.pf_fragment')) return undefined;
  const fragment = {
    url: '/offline/',
    content: '这一页没有离线保存，联网后才能打开。',
    word_count: 0,
    filters: {},
    meta: { title: '（未离线保存的页面）' },
    anchors: [],
  };
  return new Response(`pagefind_dcd${JSON.stringify(fragment)}`, {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
}

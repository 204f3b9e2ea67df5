/**
 * Makes the built site work offline after one visit: Workbox's generateSW
 * writes a service worker that precaches every page, figure, stylesheet,
 * script and the search bundle and index, versioned by content hash, so a
 * new deploy replaces exactly what changed and old caches are cleaned up.
 * Runs last, after the search index is written.
 * @see https://developer.chrome.com/docs/workbox/modules/workbox-build#generatesw
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { generateSW } from 'workbox-build';
import { HIGHLIGHT_PARAM } from '../site.ts';

/** Writes `out/sw.js`, precaching everything in `out`. */
export async function writeServiceWorker(out: string, logger: AstroIntegrationLogger): Promise<void> {
  const { count, size, warnings } = await generateSW({
    globDirectory: out,
    globPatterns: ['**/*'],
    globIgnores: [
      'sw.js',
      'workbox-*.js',
      // Pagefind UIs the site does not use, and its playground.
      'pagefind/pagefind-component-ui.*',
      'pagefind/pagefind-modular-ui.*',
      'pagefind/playground/**',
      // For crawlers, not readers.
      'sitemap*.xml',
      'robots.txt',
    ],
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
    sourcemap: false,
    mode: 'production',
  });
  for (const warning of warnings) logger.warn(warning);
  logger.info(`service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KB`);
}

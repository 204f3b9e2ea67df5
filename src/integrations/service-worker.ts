/**
 * Makes the built site work offline within a budget: bundles the service
 * worker (`src/service-worker/sw.ts`, Workbox's own modules) with rolldown,
 * the bundler Vite already brings, and writes into it the files
 * `offline-manifest.ts` chose to precache (a small site whole, a large one
 * its shell), each versioned by its content, so a new deploy replaces exactly
 * what changed. Why not Workbox's generateSW: it runs Babel, Rollup and
 * terser in worker threads to write out the same calls, most of a one-note
 * build's time and hundreds of MB at 500 notes. Runs last, after the search
 * index and the manifests are written.
 * @see https://developer.chrome.com/docs/workbox/modules/workbox-precaching
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { formatBytes } from '../lib/offline-plan.ts';
import { encodePath, figurePath, katexStylesheetPath, offlinePagePath, siteUrl } from '../lib/urls.ts';
import type { OfflinePlan } from './offline-manifest.ts';

const SOURCE = fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url));

// Names that carry their content's hash already: Astro's assets, Pagefind's index chunks, filters and metadata.
// (Not the text of each page search shows: named by Pagefind's page id, which does not cover all of it.)
const HASHED_NAME = /^(_astro\/|pagefind\/(groups\/\d+\/)?((index|filter)\/|pagefind\.[\w-]+\.pf_meta$))/;

/** Writes `out/sw.js`, precaching `plan.precache`, for a site served under `base`. */
export async function writeServiceWorker(
  out: string,
  base: string,
  plan: OfflinePlan,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const precache = plan.precache
    .filter((file) => file !== 'sw.js')
    .sort()
    .map((file) => ({
      url: encodePath(file),
      revision: HASHED_NAME.test(file)
        ? null
        : createHash('md5')
            .update(readFileSync(path.join(out, file)))
            .digest('hex'),
    }));
  const config = {
    precache,
    figures: siteUrl(base, figurePath('')),
    search: siteUrl(base, 'pagefind/'),
    katex: siteUrl(base, `${path.posix.dirname(katexStylesheetPath)}/`),
    offlinePage: `${offlinePagePath}index.html`,
  };
  const { build } = await import('rolldown');
  const bundle = await build({
    input: SOURCE,
    write: false,
    logLevel: 'silent',
    output: { format: 'iife', minify: true },
    transform: {
      define: { 'process.env.NODE_ENV': '"production"', STUDY_NOTES_SERVICE_WORKER: JSON.stringify(config) },
    },
  });
  const [chunk] = bundle.output;
  if (chunk?.type !== 'chunk') throw new Error('the service worker did not bundle');
  writeFileSync(path.join(out, 'sw.js'), chunk.code);
  const what =
    plan.mode === 'whole' ? 'the whole site' : `its shell (the whole site is ${formatBytes(plan.totalBytes)})`;
  logger.info(`service worker precaches ${what}: ${precache.length} files, ${formatBytes(plan.precacheBytes)}`);
}

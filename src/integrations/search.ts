/**
 * Builds the Pagefind index as the last step of `astro build`, with
 * Pagefind's Node API (its extended binary, which segments Chinese), from
 * each page's search form (`src/lib/search-index.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { recordTiming } from '../lib/build-timings.ts';
import { prepareForIndex } from '../lib/search-index.ts';
import { toSimplified } from '../lib/to-simplified.ts';
import { siteUrl } from '../lib/urls.ts';
import { SITE_LANG } from '../site.ts';

const INDEX_BATCH = 16;

export default function searchIntegration(): AstroIntegration {
  return {
    name: 'study-notes:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: SITE_LANG.toLowerCase() });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let pages = 0;
        const files = pageFiles(out);
        // Pagefind's service indexes several files at once; a few in flight keep it busy.
        for (let start = 0; start < files.length; start += INDEX_BATCH) {
          await Promise.all(
            files.slice(start, start + INDEX_BATCH).map(async (file) => {
              const content = prepareForIndex(readFileSync(path.join(out, file), 'utf8'), toSimplified);
              if (!content) return;
              // Relative to the site: Pagefind prefixes its base URL (where its bundle is served) itself.
              const url = siteUrl('/', file.replace(/index\.html$/, ''));
              const added = await index.addHTMLFile({ url, content });
              if (added.errors.length > 0)
                throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
              pages += 1;
            }),
          );
        }
        const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        recordTiming('search index', performance.now() - started);
        logger.info(`indexed ${pages} pages for search (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}

/** The built HTML pages, relative to the output folder, Pagefind's own files excluded. */
function pageFiles(out: string): string[] {
  return (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .sort();
}

/**
 * The search index, written at the end of a build with Pagefind's Node API
 * (its extended binary, which segments Chinese), from each page's search
 * form (`src/lib/search-index.ts`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { listFiles } from '../lib/files.ts';
import { prepareForIndex } from '../lib/search-index.ts';
import { toSimplified } from '../lib/to-simplified.ts';
import { siteUrl } from '../lib/urls.ts';
import { SITE_LANG } from '../site.ts';

// Pagefind's service indexes several files at once; a few in flight keep it busy.
const INDEX_BATCH = 16;

/** Indexes the built pages in `out` into `out/pagefind/`. */
export async function writeSearchIndex(out: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SITE_LANG.toLowerCase() });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  const files = listFiles(out).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
  for (let start = 0; start < files.length; start += INDEX_BATCH) {
    await Promise.all(
      files.slice(start, start + INDEX_BATCH).map(async (file) => {
        const content = prepareForIndex(readFileSync(path.join(out, file), 'utf8'), toSimplified);
        if (!content) return;
        // Relative to the site: Pagefind prefixes its base URL (where its bundle is served) itself.
        const url = siteUrl('/', file.replace(/index\.html$/, ''));
        const added = await index.addHTMLFile({ url, content });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
        pages += 1;
      }),
    );
  }
  const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  logger.info(`indexed ${pages} pages for search (${Math.round(performance.now() - started)} ms)`);
}

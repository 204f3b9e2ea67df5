/**
 * What search costs a reader and how well it finds: index size, the bytes
 * the first search fetches, query latency (median and p95 after the first
 * query), and the query set's score with the site's folding against
 * Pagefind alone on the same pages.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { judge, runQueries } from '../../tests/helpers/search.ts';
import { serveSite } from '../../tests/helpers/serve.ts';
import { SEARCH_CASES } from '../../tests/search-queries.ts';
import { fileSizes, quantile } from './measuring.ts';

export interface SearchBench {
  indexBytes: number;
  runtimeBytes: number;
  firstSearchBytes: number;
  firstSearchGzipBytes: number;
  firstSearchRequests: number;
  medianMs: number;
  p95Ms: number;
  score: number;
  pagefindAloneScore: number;
  cases: number;
  pagefindAloneFailures: string[];
}

const UI_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

/** Measures search on a built site in `dir` (served at `/`). */
export async function benchSearch(dir: string, chapterPath: string): Promise<SearchBench> {
  const bundle = path.join(dir, 'pagefind');
  const sizes = fileSizes(bundle);
  const indexBytes = sizes
    .filter(({ file }) => /^(index|fragment)\/|\.pf_meta$|pagefind-entry\.json$/.test(file))
    .reduce((sum, f) => sum + f.bytes, 0);
  const runtimeBytes = sizes
    .filter(({ file }) => !UI_FILE.test(file) && /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(file))
    .reduce((sum, f) => sum + f.bytes, 0);

  // Pagefind alone: the same pages indexed as they are, queried as typed.
  const plainDir = path.join(dir, 'pagefind-plain');
  rmSync(plainDir, { recursive: true, force: true });
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: dir });
  await index!.writeFiles({ outputPath: plainDir });
  await pagefind.close();

  const site = await serveSite(dir, '/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const fetched: { url: string; bytes: number }[] = [];
    await page.goto(site.url + chapterPath, { waitUntil: 'networkidle' });
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      fetched.push({ url: response.url(), bytes: body.length });
    });
    await page.click('.search-button');
    await page.locator('.search-dialog .pagefind-ui__search-input').fill('接龙');
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    await page.waitForLoadState('networkidle');
    const firstSearchBytes = fetched.reduce((sum, f) => sum + f.bytes, 0);
    const firstSearchGzipBytes = fetched.reduce((sum, f) => {
      const local = path.join(dir, decodeURIComponent(new URL(f.url).pathname));
      try {
        return sum + gzipSync(readFileSync(local)).length;
      } catch {
        return sum + f.bytes;
      }
    }, 0);

    const queries = SEARCH_CASES.map((c) => c.query);
    const fresh = await browser.newPage();
    await fresh.goto(site.url);
    // The first query pays for loading Pagefind; latency is measured on the rest.
    await runQueries(fresh, '/pagefind/', ['预热']);
    const ours = await runQueries(fresh, '/pagefind/', queries);
    const plainPage = await browser.newPage();
    await plainPage.goto(site.url);
    const alone = await runQueries(plainPage, '/pagefind-plain/', queries, true);
    const times = ours.map((f) => f.milliseconds);
    const aloneFailures = SEARCH_CASES.flatMap((c, i) => {
      const why = judge(c, alone[i]!);
      return why ? [`${c.query}: ${why}`] : [];
    });
    return {
      indexBytes,
      runtimeBytes,
      firstSearchBytes,
      firstSearchGzipBytes,
      firstSearchRequests: fetched.length,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      score: SEARCH_CASES.filter((c, i) => judge(c, ours[i]!) === undefined).length,
      pagefindAloneScore: SEARCH_CASES.length - aloneFailures.length,
      cases: SEARCH_CASES.length,
      pagefindAloneFailures: aloneFailures,
    };
  } finally {
    await browser.close();
    await site.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
}

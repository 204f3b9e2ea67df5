/**
 * What search costs a reader and how well it finds, for the site's search
 * and for Pagefind alone on the same pages (Pagefind's default indexing of
 * the built pages, its default UI with sections shown), measured the same
 * way in Chromium: each query typed a key at a time into the UI, results
 * read once they settle.
 *
 * - passed: the query set's cases that land where they must;
 * - exact precision@5: of the first five results, the share whose page
 *   contains the query as written, not only its characters apart;
 * - latency: from the last keystroke to the last change of the results
 *   (median and p95, the first query excluded: it loads search);
 * - first search: bytes fetched from opening search to the first results
 *   (as served, and gzipped as a server would send text), the requests;
 * - index: the bytes of the index as deployed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import type { QueryRun, QuerySet } from '../../tests/helpers/search-sets.ts';
import { PAGEFIND_UI, type SearchUi, typeQuery } from '../../tests/helpers/search-ui.ts';
import { serveSite } from '../../tests/helpers/serve.ts';
import { fileSizes, quantile } from './measuring.ts';

export interface FirstSearch {
  bytes: number;
  gzipBytes: number;
  requests: number;
  files: { url: string; bytes: number }[];
}

export interface UiRun {
  ui: string;
  firstSearch: FirstSearch;
  queries: QueryRun[];
}

export interface UiSummary {
  ui: string;
  passed: number;
  total: number;
  /** Cases whose answer is first (when the set says). */
  first?: number;
  precisionAt5: number;
  medianMs: number;
  p95Ms: number;
  firstSearchBytes: number;
  firstSearchGzipBytes: number;
  firstSearchRequests: number;
  failures: string[];
}

export interface SiteSearchBench {
  site: string;
  pages: number;
  indexBytes: number;
  plainIndexBytes: number;
  ours: UiSummary;
  plain: UiSummary;
}

/** Pagefind's own files that are not the index (UIs, highlighter, playground). */
const NOT_INDEX = /^(pagefind-(ui|component-ui|modular-ui|highlight)\.|playground\/|ui\.html$)/;

/** Bytes of a Pagefind bundle as deployed, without the UIs the site does not load. */
export function bundleBytes(dir: string): number {
  return fileSizes(dir)
    .filter(({ file }) => !NOT_INDEX.test(file))
    .reduce((sum, f) => sum + f.bytes, 0);
}

/** Indexes the built pages in `dir` as Pagefind does by default, into `dir/pagefind-plain/`, with its default UI at `ui.html`. */
export async function writePlainPagefind(dir: string): Promise<string> {
  const out = path.join(dir, 'pagefind-plain');
  rmSync(out, { recursive: true, force: true });
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: dir });
  await index!.writeFiles({ outputPath: out });
  await pagefind.close();
  const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(readFileSync(path.join(dir, 'index.html'), 'utf8'))?.[1] ?? 'zh-CN';
  writeFileSync(
    path.join(out, 'ui.html'),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Pagefind alone</title>` +
      '<link rel="stylesheet" href="pagefind-ui.css"><script src="pagefind-ui.js"></script></head>' +
      '<body><div id="search"></div><script>new PagefindUI({ element: "#search", showSubResults: true, showImages: false });</script></body></html>',
  );
  return out;
}

/** Opens `startPath` in a fresh browser context, opens search, types each query; the first query's bytes are counted. */
export async function runUi(
  browser: Browser,
  siteUrl: string,
  dir: string,
  startPath: string,
  ui: SearchUi,
  queries: string[],
): Promise<UiRun> {
  // No service worker: it would fetch the whole site in the background, which is not search's cost.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(siteUrl + startPath, { waitUntil: 'networkidle' });
    const files: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(
        response
          .body()
          .then((body) => {
            files.push({ url: decodeURIComponent(response.url().replace(siteUrl, '/')), bytes: body.length });
          })
          .catch(() => undefined),
      );
    });
    await ui.open(page);
    const runs: QueryRun[] = [];
    const [first, ...rest] = queries;
    runs.push({ query: first!, ...(await typeQuery(page, ui, first!)) });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const firstFiles = [...files];
    for (const query of rest) runs.push({ query, ...(await typeQuery(page, ui, query)) });
    const gzipBytes = firstFiles.reduce((sum, f) => {
      try {
        return sum + gzipSync(readFileSync(path.join(dir, f.url.split(/[?#]/)[0]!))).length;
      } catch {
        return sum + f.bytes;
      }
    }, 0);
    return {
      ui: ui.name,
      firstSearch: {
        bytes: firstFiles.reduce((sum, f) => sum + f.bytes, 0),
        gzipBytes,
        requests: firstFiles.length,
        files: firstFiles,
      },
      queries: runs,
    };
  } finally {
    await context.close();
  }
}

/** Passed, precision and latency of one UI's run over a query set. */
export function summarize(run: UiRun, set: QuerySet): UiSummary {
  const failures: string[] = [];
  let passed = 0;
  let first = 0;
  const precisions: number[] = [];
  for (const [index, query] of run.queries.entries()) {
    const why = set.judge(index, query);
    if (why) failures.push(`${query.query}: ${why}`);
    else passed += 1;
    if (set.first?.(index, query)) first += 1;
    const precision = set.precision(index, query);
    if (precision !== undefined) precisions.push(precision);
  }
  const times = run.queries.slice(1).map((q) => q.settledMs);
  return {
    ui: run.ui,
    passed,
    total: run.queries.length,
    ...(set.first ? { first } : {}),
    precisionAt5: precisions.reduce((sum, p) => sum + p, 0) / Math.max(1, precisions.length),
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    firstSearchBytes: run.firstSearch.bytes,
    firstSearchGzipBytes: run.firstSearch.gzipBytes,
    firstSearchRequests: run.firstSearch.requests,
    failures,
  };
}

/**
 * Measures the site's search (`ours`, as `ui` drives it) and Pagefind alone
 * on the built site in `dir` (served at `/`), over a query set; `raw` gets
 * both runs, for a later look.
 */
export async function benchSiteSearch(options: {
  site: string;
  dir: string;
  pages: number;
  startPath: string;
  ui: SearchUi;
  set: QuerySet;
  raw?: (runs: UiRun[]) => void;
}): Promise<SiteSearchBench> {
  const { dir, set } = options;
  const plainDir = await writePlainPagefind(dir);
  const site = await serveSite(dir, '/');
  const browser = await launchBrowser();
  try {
    const ours = await runUi(browser, site.url, dir, options.startPath, options.ui, set.queries);
    const plain = await runUi(browser, site.url, dir, 'pagefind-plain/ui.html', PAGEFIND_UI, set.queries);
    options.raw?.([ours, plain]);
    return {
      site: options.site,
      pages: options.pages,
      indexBytes: bundleBytes(path.join(dir, 'pagefind')),
      plainIndexBytes: bundleBytes(plainDir),
      ours: summarize(ours, set),
      plain: summarize(plain, set),
    };
  } finally {
    await browser.close();
    await site.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
}

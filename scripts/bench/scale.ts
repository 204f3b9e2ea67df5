/**
 * What a reader pays as a collection grows to a real one: for generated
 * corpora (notes in nested categories, `collection.ts`, the first note's 21
 * figures as 1600-pixel PNG screenshots, as real notes have), the home
 * page's HTML gzipped, the bytes a first visit downloads (the page and what
 * the service worker stores unasked), and the figure bytes a 360-px phone
 * downloads reading chapter 1 of the first note to its end, against the PNGs'.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { SiteManifest } from '../../src/lib/offline-plan.ts';
import { launchBrowser, untilServiceWorkerControls } from '../../tests/helpers/browser.ts';
import { serveSite } from '../../tests/helpers/serve.ts';
import { runBuild } from '../../tests/helpers/sites.ts';
import { fileIntoCategories, rasterizeFigures } from './collection.ts';
import { generateCorpus } from './corpus.ts';

export interface ScaleRun {
  notes: number;
  /** The home page's HTML, gzipped. */
  homeGzipBytes: number;
  /** Everything the first visit to the home page downloads, the service worker's precache included. */
  firstVisitBytes: number;
  /** `whole` or `shell` (see src/lib/offline-plan.ts). */
  offlineMode: SiteManifest['mode'];
  /** What holding the whole site would take. */
  siteBytes: number;
  /** Figure bytes a 360-px phone downloads reading chapter 1 of the first note to its end. */
  chapterImageBytes: number;
  /** The PNG files of those figures. */
  chapterPngBytes: number;
}

const CHAPTER_1 = `note-0001/${encodeURIComponent('1-chatgpt-原理剖析')}/`;

/** The first note's figures as PNG screenshots, made once and copied into each corpus. */
async function screenshots(work: string, root: string): Promise<string> {
  const dir = path.join(work, 'png-figures');
  if (existsSync(dir)) return dir;
  const scratch = mkdtempSync(path.join(work, 'rasterize-'));
  generateCorpus(1, scratch, root);
  await rasterizeFigures(path.join(scratch, 'note-0001.md'), path.join(scratch, 'note-0001'));
  mkdirSync(dir);
  cpSync(path.join(scratch, 'note-0001'), path.join(dir, 'note-0001'), { recursive: true });
  cpSync(path.join(scratch, 'note-0001.md'), path.join(dir, 'note-0001.md'));
  rmSync(scratch, { recursive: true, force: true });
  return dir;
}

async function firstVisit(browser: Browser, dir: string): Promise<number> {
  const site = await serveSite(dir, '/');
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await untilServiceWorkerControls(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    return site.served.reduce((sum, response) => sum + response.bytes, 0);
  } finally {
    await context.close();
    await site.close();
  }
}

async function chapterImages(browser: Browser, dir: string): Promise<number> {
  const site = await serveSite(dir, '/');
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await page.goto(site.url + CHAPTER_1, { waitUntil: 'load' });
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The figures in the text: a closed dialog's full-size image is lazy and never loads, so never decodes.
      const inText = document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)');
      await Promise.all([...inText].map((img) => img.decode().catch(() => undefined)));
    });
    await page.waitForLoadState('networkidle');
    return site.served
      .filter((response) => response.path.startsWith('/figures/'))
      .reduce((sum, response) => sum + response.bytes, 0);
  } finally {
    await context.close();
    await site.close();
  }
}

/** Builds and measures a corpus of each size in `sizes`. */
export async function benchScale(root: string, sizes: number[], log: (line: string) => void): Promise<ScaleRun[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-scale-'));
  const browser = await launchBrowser();
  const runs: ScaleRun[] = [];
  try {
    const pngs = await screenshots(work, root);
    const chapterPngBytes = (() => {
      const chapter = readFileSync(path.join(pngs, 'note-0001.md'), 'utf8').split(/^#{1,2} 2 /m)[0]!;
      const used = [...chapter.matchAll(/\]\(note-0001\/([^)]+\.png)\)/g)].map((match) => match[1]!);
      return used.reduce((sum, file) => sum + statSync(path.join(pngs, 'note-0001', file)).size, 0);
    })();
    for (const notes of sizes) {
      const corpus = path.join(work, `notes-${notes}`);
      generateCorpus(notes, corpus, root);
      rmSync(path.join(corpus, 'note-0001'), { recursive: true, force: true });
      cpSync(pngs, corpus, { recursive: true });
      fileIntoCategories(corpus);
      const out = path.join(work, `site-${notes}`);
      const started = performance.now();
      const build = runBuild({ notesDir: corpus, base: '/', outDir: out }, { NOTES_CACHE: 'off' });
      if (build.status !== 0) throw new Error(`building ${notes} notes failed:\n${build.output}`);
      log(`  ${notes} notes built in ${((performance.now() - started) / 1000).toFixed(0)} s; measuring…`);
      const manifest = JSON.parse(readFileSync(path.join(out, 'offline/site.json'), 'utf8')) as SiteManifest;
      runs.push({
        notes,
        homeGzipBytes: gzipSync(readFileSync(path.join(out, 'index.html'))).length,
        firstVisitBytes: await firstVisit(browser, out),
        offlineMode: manifest.mode,
        siteBytes: manifest.totalBytes,
        chapterImageBytes: await chapterImages(browser, out),
        chapterPngBytes,
      });
      rmSync(out, { recursive: true, force: true });
      rmSync(corpus, { recursive: true, force: true });
    }
    return runs;
  } finally {
    await browser.close();
    for (const name of readdirSync(work)) rmSync(path.join(work, name), { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

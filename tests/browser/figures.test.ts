/**
 * Screenshots and photos in Chromium: a 360-px phone reading the chapter to
 * the end downloads the small WebP copies (at most a quarter of the
 * originals' bytes), a desktop the column-wide ones, nothing shifts while
 * they load, a figure opens full size, and the page passes axe in both themes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { browseSite } from '../helpers/browse-site.ts';
import { untilServiceWorkerControls } from '../helpers/browser.ts';

const CHAPTER = `${encodeURIComponent('截图笔记')}/${encodeURIComponent('1-截图与照片')}/`;
const ORIGINALS = /\.(png|jpe?g)$/;

interface Fetched {
  url: string;
  bytes: number;
}

/** Reads the chapter to its end at `width` px: the figure files fetched, and the layout shift. */
async function readToTheEnd(page: Page, url: string): Promise<{ figures: Fetched[]; shift: number }> {
  const figures: Fetched[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/figures/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    figures.push({ url: decodeURIComponent(response.url()), bytes: body.length });
  });
  await page.goto(url, { waitUntil: 'load' });
  const shift = await page.evaluate(async () => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) total += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    // Only the figures in the text: a closed dialog's full-size image is lazy and never loads, so it never decodes.
    const inText = document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)');
    await Promise.all([...inText].map((img) => img.decode().catch(() => undefined)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    return total;
  });
  await page.waitForLoadState('networkidle');
  return { figures, shift };
}

describe('figures that are screenshots and photos, in Chromium', () => {
  const session = browseSite('figures');

  const open = (width: number) =>
    session.browser
      .newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 1, serviceWorkers: 'block' })
      .then((context) => context.newPage());

  it('a 360-px phone downloads the 360-px WebP copies, at most a quarter of the originals, and nothing shifts', async () => {
    const page = await open(360);
    const { figures, shift } = await readToTheEnd(page, session.site.url + CHAPTER);
    const raster = figures.filter((figure) => !figure.url.endsWith('.svg'));
    assert.deepEqual(raster.map((figure) => figure.url.replace(/^.*\//, '')).sort(), [
      '山坡照片.jpg.360.webp',
      '终端截图.png.360.webp',
    ]);
    const originals = await page.evaluate(
      async (urls) => {
        const sizes = await Promise.all(urls.map((url) => fetch(url).then((response) => response.arrayBuffer())));
        return sizes.reduce((sum, body) => sum + body.byteLength, 0);
      },
      raster.map((figure) => encodeURI(figure.url.replace(/\.360\.webp$/, ''))),
    );
    const downloaded = raster.reduce((sum, figure) => sum + figure.bytes, 0);
    assert.ok(downloaded * 4 <= originals, `${downloaded} B of ${originals} B`);
    assert.equal(shift, 0);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)')].map(
        (img) => img.complete && img.naturalWidth,
      ),
    );
    assert.ok(shown.every(Boolean), `every figure shown: ${shown}`);
    await page.context().close();
  });

  it('a 1280-px screen downloads the column-wide copies, never the originals, and nothing shifts', async () => {
    const page = await open(1280);
    const { figures, shift } = await readToTheEnd(page, session.site.url + CHAPTER);
    assert.ok(figures.some((figure) => figure.url.endsWith('.640.webp')));
    assert.deepEqual(
      figures.filter((figure) => ORIGINALS.test(figure.url)),
      [],
    );
    assert.equal(shift, 0);
    await page.context().close();
  });

  it('opens a figure at full size, the original file', async () => {
    const page = await open(360);
    await page.goto(session.site.url + CHAPTER);
    const figure = page.locator('article figure').first();
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('button.figure-open').click();
    const link = figure.locator('dialog a.figure-full-size');
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().isNavigationRequest()),
      link.click(),
    ]);
    assert.equal(response.headers()['content-type'], 'image/png');
    await page.waitForURL((url) => decodeURIComponent(url.pathname).endsWith('终端截图.png'));
    const width = await page.evaluate(() => document.images[0]?.naturalWidth);
    assert.equal(width, 1600);
    await page.context().close();
  });

  it('shows every figure offline after one visit, from the one copy stored of each', async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(session.site.url);
    await untilServiceWorkerControls(page);
    await context.setOffline(true);
    await page.goto(session.site.url + CHAPTER);
    const widths = await page.evaluate(async () => {
      const images = [...document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)')];
      for (const img of images) img.loading = 'eager';
      await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
      return images.map((img) => img.naturalWidth);
    });
    // A 360-px phone asks for the 360-px copies (328 px wide at their density); offline it gets the 640-px ones
    // the first visit stored, which the browser sizes by the density of the copy it asked for: 640 × 328 / 360.
    assert.deepEqual(widths, [583, 583, 480]);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations (WCAG 2.1 AA), ${scheme}`, async () => {
      const context = await session.browser.newContext({ colorScheme: scheme, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(session.site.url + CHAPTER, { waitUntil: 'networkidle' });
      const violations = await axeViolations(page);
      await context.close();
      assert.deepEqual(violations, []);
    });
  }
});

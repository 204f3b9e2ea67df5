/**
 * Offline within a budget, in Chromium, on the 1,500-note site under a
 * project sub-path: the first visit stores the shell and search (at most
 * 5 MB, no note it was not asked for); pages and figures the reader opened
 * stay readable offline, and a page never opened says it was not saved; a
 * note saved from its page (size shown first, then progress) reads and
 * searches offline, and search marks results from notes not saved.
 * (The small site, saved whole on the first visit: `offline.test.ts`.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { briefNoteName, uniqueWord } from '../../scripts/bench/collection.ts';
import { launchBrowser, untilServiceWorkerControls } from '../helpers/browser.ts';
import { type StaticSite, serveSite } from '../helpers/serve.ts';
import { builtSite, SITES } from '../helpers/sites.ts';

const MB = 1024 * 1024;
const note = (index: number) => `${briefNoteName(index)}/`;
const chapter = (index: number, n: 1 | 2) => `${note(index)}${encodeURIComponent(n === 1 ? '1-概念' : '2-练习')}/`;

async function figuresShown(page: Page): Promise<boolean[]> {
  return page.evaluate(async () => {
    // The figures on the page, not their larger copies in closed dialogs (loaded only when opened).
    const images = [...document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)')];
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    return images.map((img) => img.naturalWidth > 0);
  });
}

describe('offline at 1,500 notes, under /notes-site/', () => {
  let browser: Browser;
  let site: StaticSite;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    site = await serveSite(builtSite('manySubPath'), SITES.manySubPath.base);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the first visit stores the shell and search unasked, at most 5 MB, and no note', async () => {
    await page.goto(site.url);
    await untilServiceWorkerControls(page);
    // The home page itself is stored once the worker is in control.
    await page.waitForFunction(async () => Boolean(await caches.match(location.href, { ignoreVary: true })));
    await page.waitForLoadState('networkidle');
    const bytes = site.served.reduce((sum, response) => sum + response.bytes, 0);
    assert.ok(bytes <= 5 * MB, `${(bytes / MB).toFixed(2)} MB`);
    const paths = site.served.map((response) => decodeURIComponent(response.path));
    assert.ok(
      paths.some((path) => /pagefind\/index\//.test(path)),
      'the search index',
    );
    assert.ok(
      paths.some((path) => /pagefind\/wasm\./.test(path)),
      'the search runtime',
    );
    assert.deepEqual(
      paths.filter((path) => /note-\d+|figures\/|fragment\//.test(path)),
      [],
    );
  });

  it('keeps the pages and figures the reader opened, and says so of a page never opened', async () => {
    await page.goto(site.url + note(2));
    await page.goto(site.url + chapter(2, 1));
    assert.deepEqual(await figuresShown(page), [true]);
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    try {
      for (const path of [chapter(2, 1), note(2)]) {
        const response = await page.goto(site.url + path);
        assert.ok(response?.ok(), path);
        assert.match((await page.textContent('h1')) ?? '', /第2篇|概念/);
      }
      await page.goto(site.url + chapter(2, 1));
      assert.deepEqual(await figuresShown(page), [true]);
      await page.goto(site.url + note(3));
      assert.equal(await page.textContent('h1'), '这一页没有离线保存');
    } finally {
      await context.setOffline(false);
    }
  });

  it('saves a note from its page: the size first, then progress; offline it reads and searches', async () => {
    await page.goto(site.url + note(9));
    await page.click('.offline-save summary');
    const status = page.locator('.offline-save-status');
    await status.filter({ hasText: '还需下载' }).waitFor();
    assert.match((await status.textContent()) ?? '', /这篇笔记有 4 页、1 张图，还需下载 \d+ KB/);
    const button = page.locator('[data-save="note"]');
    assert.match((await button.textContent()) ?? '', /保存这篇笔记（\d+ KB）/);
    assert.match((await page.locator('[data-save="site"]').textContent()) ?? '', /保存全站（约 \d+ MB）/);
    // Every text and progress value the control shows while it works.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const status = document.querySelector('.offline-save-status')!;
      const progress = document.querySelector('progress')!;
      new MutationObserver(() => seen.push(`${status.textContent} [${progress.value}/${progress.max}]`)).observe(
        status,
        {
          childList: true,
          characterData: true,
          subtree: true,
        },
      );
    });
    await button.click();
    await status.filter({ hasText: '已保存这篇笔记' }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(
      seen.some((text) => /^正在下载：\d+ KB \/ \d+ KB \[\d+\/\d+\]$/.test(text)),
      seen.join('\n'),
    );
    assert.ok(await page.locator('progress').isVisible());
    assert.equal(
      await page.evaluate(() => {
        const progress = document.querySelector('progress')!;
        return progress.value === progress.max;
      }),
      true,
    );

    await context.setOffline(true);
    try {
      for (const path of [note(9), chapter(9, 1), chapter(9, 2)]) {
        const response = await page.goto(site.url + path);
        assert.ok(response?.ok(), path);
        assert.notEqual(await page.textContent('h1'), '这一页没有离线保存', path);
      }
      await page.goto(site.url + chapter(9, 1));
      assert.deepEqual(await figuresShown(page), [true]);

      await page.click('.search-button');
      const input = page.locator('.search-dialog .search-input');
      await input.fill(uniqueWord(9));
      const first = page.locator('.search-dialog .search-result').first();
      await first.locator('.search-result-link').first().waitFor();
      assert.match((await first.textContent()) ?? '', /第9篇/);
      // A note not saved cannot be shown offline: search says part of what it needs could not be loaded.
      await input.fill(uniqueWord(10));
      await page.locator('.search-dialog .search-status', { hasText: '部分搜索数据未能载入' }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it('says, on a saved note, that it is saved, and what the whole site would take', async () => {
    await page.goto(site.url + note(9));
    await page.click('.offline-save summary');
    const status = page.locator('.offline-save-status');
    await status.filter({ hasText: '已保存' }).waitFor();
    assert.match((await status.textContent()) ?? '', /全站 1500 篇笔记约 \d+ MB/);
    assert.equal(await page.locator('[data-save="note"]').isVisible(), false);
  });
});

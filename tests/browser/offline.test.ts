/**
 * Offline-first, in Chromium under a project sub-path: after one visit the
 * service worker has everything; with the network off a chapter never
 * opened, a figure and search all work; a new deploy reaches the reader on
 * the next load.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, untilServiceWorkerControls } from '../helpers/browser.ts';
import { failOnCspViolations } from '../helpers/csp.ts';
import { type StaticSite, serveSite } from '../helpers/serve.ts';
import { ROOT, runBuild } from '../helpers/sites.ts';

failOnCspViolations();

const BASE = '/notes-site/';
const NOTE = encodeURIComponent('生成式ai学习笔记');
const CHAPTER = (slug: string) => `${NOTE}/${encodeURIComponent(slug)}/`;
const NOTE_FILE = '生成式AI学习笔记.md';

describe('offline, under /notes-site/', () => {
  let work: string;
  let browser: Browser;
  let site: StaticSite;
  let context: BrowserContext;
  let page: Page;

  const build = (name: string) => {
    const outDir = path.join(work, name);
    const result = runBuild({ notesDir: path.join(work, 'notes'), base: BASE, outDir });
    assert.equal(result.status, 0, result.output);
    return outDir;
  };

  before(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'offline-'));
    cpSync(path.join(ROOT, 'notes'), path.join(work, 'notes'), { recursive: true });
    site = await serveSite(build('first'), BASE);
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(site.url);
    // Installed and in control of the page: everything is precached.
    await untilServiceWorkerControls(page);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens a chapter never visited, with its figures, with the network off', async () => {
    await context.setOffline(true);
    const response = await page.goto(site.url + CHAPTER('3-生成式学习的两种策略'));
    assert.ok(response?.ok());
    assert.match((await page.textContent('h1')) ?? '', /生成式学习的两种策略/);
    // The figures (not their larger copies in the dialogs, which load when opened).
    await page.evaluate(async () => {
      for (const img of document.querySelectorAll<HTMLImageElement>('img:not(dialog img)')) {
        img.loading = 'eager';
        await img.decode();
      }
    });
    const widths = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('img:not(dialog img)')].map((img) => img.naturalWidth),
    );
    assert.equal(widths.length, 6);
    assert.ok(
      widths.every((width) => width > 0),
      `figures decoded: ${widths}`,
    );
  });

  it('opens a figure on its own with the network off', async () => {
    const response = await page.goto(
      `${site.url}figures/${encodeURIComponent('生成式AI学习笔记')}/${encodeURIComponent('各个击破')}.svg`,
    );
    assert.ok(response?.ok());
    assert.match((await response?.headerValue('content-type')) ?? '', /svg/);
  });

  it('searches with the network off', async () => {
    await page.goto(site.url + CHAPTER('1-chatgpt-原理剖析'));
    await page.click('.search-button');
    await page.locator('.search-dialog .search-input').fill('預訓練');
    const first = page.locator('.search-result').first();
    await first.locator('.search-result-link').first().waitFor();
    assert.match((await first.textContent()) ?? '', /1 ChatGPT 原理剖析/);
  });

  it('shows a new deploy on the next load once back online', async () => {
    await context.setOffline(false);
    const notePath = path.join(work, 'notes', NOTE_FILE);
    writeFileSync(
      notePath,
      readFileSync(notePath, 'utf8').replace(
        '# 1 ChatGPT 原理剖析\n',
        '# 1 ChatGPT 原理剖析\n\n第二版新增的一段：部署更新测试。\n',
      ),
    );
    site.setRoot(build('second'));
    await page.goto(site.url + CHAPTER('1-chatgpt-原理剖析'));
    // The new worker installs, takes over, and the page reloads itself into the new version.
    await page.locator('text=第二版新增的一段').waitFor({ timeout: 20_000 });
    const caches = await page.evaluate(async () =>
      (await window.caches.keys()).filter((key) => key.includes('precache')),
    );
    assert.equal(caches.length, 1, `one precache, old entries cleaned: ${caches}`);
  });
});

/**
 * The site in a real browser, served under a project sub-path as on GitHub
 * Pages: every page loads with no console error, no failed or foreign
 * request, every figure decoded, no sideways scroll on a 360 px phone; the
 * theme toggle remembers; the chapter drawer opens; the skip link comes first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PALETTE } from '../../src/site.ts';
import { browseSite } from '../helpers/browse-site.ts';
import { cssRgb } from '../helpers/html.ts';

const NOTE = encodeURIComponent('生成式ai学习笔记');
const PAGES = [
  '',
  `${NOTE}/`,
  `${NOTE}/${encodeURIComponent('1-chatgpt-原理剖析')}/`,
  `${NOTE}/${encodeURIComponent('2-能够使用工具的ai')}/`,
  `${NOTE}/${encodeURIComponent('3-生成式学习的两种策略')}/`,
  `${NOTE}/${encodeURIComponent('4-finetuning-vs-prompting微调与提示对于大型语言模型的不同期待衍生的两种使用方式')}/`,
  'no-such-page/',
];

interface Visit {
  problems: string[];
  images: { src: string; complete: boolean; width: number }[];
  overflow: number;
}

async function visit(page: Page, url: string, expectStatus: number): Promise<Visit> {
  const problems: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    // The 404 page's own status is reported on the console; that one is intended.
    const isPageStatus = expectStatus === 404 && message.location().url === url && /status of 404/.test(message.text());
    if ((message.type() === 'error' || message.type() === 'warning') && !isPageStatus)
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
      problems.push(`foreign request: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== url)
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response?.status(), expectStatus, url);
  // Scroll through the page so lazy figures load, as a reader's scrolling would.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  });
  await page.waitForLoadState('networkidle');
  // Every figure must load: ask for any still waiting, and wait for each to load or fail.
  // (Not the larger copy in each figure's dialog, which loads when the dialog opens.)
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        [...document.querySelectorAll<HTMLImageElement>('img:not(dialog img)')].map((img) => {
          img.loading = 'eager';
          if (img.complete) return undefined;
          return new Promise((resolve) => {
            img.addEventListener('load', resolve, { once: true });
            img.addEventListener('error', resolve, { once: true });
          });
        }),
      ),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]),
  );
  const images = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('img:not(dialog img)')].map((img) => ({
      src: img.currentSrc,
      complete: img.complete,
      width: img.naturalWidth,
    })),
  );
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  return { problems, images, overflow };
}

describe('the site in Chromium, under /notes-site/', () => {
  const session = browseSite('subPath');

  for (const [width, scheme] of [
    [1280, 'light'],
    [360, 'light'],
    [1280, 'dark'],
    [360, 'dark'],
  ] as const) {
    for (const path of PAGES) {
      it(`loads /notes-site/${decodeURIComponent(path)} cleanly at ${width} px, ${scheme}`, async () => {
        const context = await session.browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
        const page = await context.newPage();
        const result = await visit(page, session.site.url + path, path === 'no-such-page/' ? 404 : 200);
        await context.close();
        assert.deepEqual(result.problems, []);
        for (const image of result.images) assert.ok(image.complete && image.width > 0, `${image.src} is shown`);
        assert.ok(result.overflow <= 0, `no horizontal scroll (overflow ${result.overflow}px)`);
        if (path.includes('1-chatgpt')) assert.equal(result.images.length, 6);
      });
    }
  }

  it('remembers the theme the reader chose, across pages', async () => {
    const context = await session.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(session.site.url);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click('.theme-toggle');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await page.getAttribute('.theme-toggle', 'aria-pressed'), 'true');
    assert.notEqual(await background(), light);
    await page.goto(session.site.url + PAGES[2]);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.notEqual(await background(), light);
    await context.close();
  });

  it('prints a chapter as its text and figures, light, without the site around it', async () => {
    const context = await session.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(session.site.url + PAGES[2]);
    await page.click('.theme-toggle');
    await page.click('.theme-toggle');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.chapter-nav', '.toc-column', '.pager', '.site-footer', '.heading-anchor']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('article h1').isVisible(), true);
    assert.equal(await page.locator('article figure img').first().isVisible(), true);
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      cssRgb(PALETTE.bg.light),
      'light paper',
    );
    await context.close();
  });

  it('follows a dark system theme until the reader chooses', async () => {
    const context = await session.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(session.site.url);
    assert.equal(await page.getAttribute('.theme-toggle', 'aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), cssRgb(PALETTE.bg.dark));
    await context.close();
  });

  it('opens the chapter drawer on a phone and lands on the chosen chapter', async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(session.site.url + PAGES[2]);
    assert.equal(await page.isVisible('.chapter-nav .chapter-list'), false, 'drawer starts closed');
    await page.click('.chapter-nav summary');
    assert.equal(await page.isVisible('.chapter-nav .chapter-list'), true);
    await page.click('.chapter-nav .chapter-list li:nth-child(3) a');
    await page.waitForURL(/3-/);
    assert.match((await page.textContent('h1')) ?? '', /生成式学习的两种策略/);
    await context.close();
  });

  it('puts the skip link first for keyboard readers and it moves focus past the navigation', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.site.url + PAGES[2]);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到正文');
    await page.keyboard.press('Enter');
    // The fragment navigation completes after the key press; wait for it rather than race it.
    await page.waitForURL(/#content$/, { timeout: 5000 });
    await page.close();
  });

  it('jumps to a section from the table of contents (no smooth scroll when motion is reduced)', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(session.site.url + PAGES[2]);
    await page.click('.toc a >> nth=2');
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    assert.equal(id, '121-chatgpt的之前gpt版本');
    const top = await page.evaluate((target) => document.getElementById(target)!.getBoundingClientRect().top, id);
    assert.ok(top >= 0 && top < 200, `section heading is at the top (${top}px)`);
    await page.close();
  });
});

/**
 * The hostile notes' site in Chromium, as a reader would meet it: every page
 * loads, is scrolled and has its elements hovered and clicked, every figure
 * is opened on its own, every link is followed, search is typed into. The
 * test fails on any dialog (`alert` is what every payload calls), any page
 * error, any script that is not the site's own, any request to another
 * origin, and (as every browser test, `tests/helpers/csp.ts`) any
 * Content-Security-Policy violation. A link that leaves the site is allowed
 * as a navigation, not followed.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { listFiles } from '../../src/lib/files.ts';
import { browseSite } from '../helpers/browse-site.ts';
import { htmlFiles } from '../helpers/html.ts';
import { builtSite, SITES } from '../helpers/sites.ts';

const BASE = SITES.hostile.base;
const dir = builtSite('hostile');
const pages = htmlFiles(dir).filter((file) => file !== '404.html' && !file.startsWith('pagefind/'));
const figures = listFiles(path.join(dir, 'figures'));

interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Everything that must not happen. */
  problems: string[];
  /** Links that left the site (allowed, not followed). */
  left: string[];
}

/** A page in a context that records dialogs, errors, foreign requests and scripts that are not the site's. */
async function guardedPage(session: ReturnType<typeof browseSite>): Promise<Guarded> {
  const context = await session.browser.newContext({ serviceWorkers: 'block' });
  const origin = new URL(session.site.url).origin;
  const problems: string[] = [];
  const left: string[] = [];
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    if (request.isNavigationRequest() && request.frame().parentFrame() === null) left.push(url);
    else problems.push(`request to another origin: ${request.resourceType()} ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (
      request.resourceType() === 'script' &&
      !pathname.startsWith(`${BASE}_astro/`) &&
      !pathname.startsWith(`${BASE}pagefind/`)
    ) {
      problems.push(`a script that is not the site's own: ${request.url()}`);
    }
  });
  return { context, page, problems, left };
}

/** Scrolls through the page, then hovers, focuses and clicks nothing-doing events on every element of the note. */
async function stir(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const element of document.querySelectorAll('article *')) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart']) {
        element.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
  });
  await page.waitForLoadState('networkidle');
}

describe('the hostile notes in Chromium, under /notes-site/', () => {
  const session = browseSite('hostile');

  it('has pages and figures to try', () => {
    assert.ok(pages.length >= 9, pages.join(' '));
    assert.ok(figures.length >= 2, figures.join(' '));
  });

  for (const file of pages) {
    it(`loads /notes-site/${file} with nothing run and nothing fetched from elsewhere`, async () => {
      const { context, page, problems } = await guardedPage(session);
      const response = await page.goto(session.site.url + encodeURI(file.replace(/index\.html$/, '')), {
        waitUntil: 'load',
      });
      assert.equal(response?.status(), 200);
      await stir(page);
      const images = await page.evaluate(() =>
        // Every image shown; a figure's larger copy loads only when its dialog opens.
        [...document.images]
          .filter((img) => !img.closest('dialog'))
          .map((img) => ({ src: img.currentSrc, ok: img.complete && img.naturalWidth > 0 })),
      );
      await context.close();
      assert.deepEqual(problems, []);
      for (const image of images) assert.ok(image.ok, `${image.src} is shown`);
    });
  }

  for (const figure of figures) {
    it(`opens the figure ${figure} on its own, with nothing run or loaded`, async () => {
      const { context, page, problems } = await guardedPage(session);
      const response = await page.goto(`${session.site.url}figures/${encodeURI(figure)}`, { waitUntil: 'load' });
      assert.equal(response?.status(), 200);
      await page.mouse.move(50, 50);
      await page.mouse.click(100, 50);
      await page.waitForTimeout(200);
      await context.close();
      assert.deepEqual(problems, []);
    });
  }

  it('follows every link of every page: none runs code', async () => {
    const { context, page, problems, left } = await guardedPage(session);
    const tried = new Set<string>();
    for (const file of pages) {
      const url = session.site.url + encodeURI(file.replace(/index\.html$/, ''));
      await page.goto(url, { waitUntil: 'load' });
      // Links of the site's own frame recur on every page: each is followed once; a note's links, every one.
      const links = await page
        .locator('a')
        .evaluateAll((all) =>
          all.map((a) => ({ href: a.getAttribute('href'), inNote: Boolean(a.closest('article')) })),
        );
      for (const [index, link] of links.entries()) {
        const key = link.inNote ? `${file}#${index}` : String(link.href);
        if (tried.has(key)) continue;
        tried.add(key);
        if (page.url() !== url) await page.goto(url, { waitUntil: 'load' });
        const target = page.locator('a').nth(index);
        if (!(await target.isVisible())) continue;
        await Promise.all([
          page.waitForEvent('framenavigated', { timeout: 1500 }).catch(() => undefined),
          target.click({ noWaitAfter: true, timeout: 2000 }).catch(() => undefined),
        ]);
        await page.waitForLoadState('load').catch(() => undefined);
      }
    }
    await context.close();
    assert.deepEqual(problems, []);
    assert.ok(tried.size > 20, `${tried.size} links followed`);
    assert.ok(
      left.every((url) => /^https:\/\/(example\.org|katex\.org)\//.test(url) || url.startsWith('mailto:')),
      left.join('\n'),
    );
  });

  // Pagefind's own UI shows filter values (here: note titles) as HTML; the site's search UI makes every title a text node.
  it('searches for the hostile notes: results and filters show titles as text', async () => {
    const { context, page, problems } = await guardedPage(session);
    await page.goto(session.site.url, { waitUntil: 'load' });
    await page.keyboard.press('/');
    const input = page.locator('.search-dialog input[type="search"], .search-dialog input').first();
    await input.waitFor();
    for (const query of ['标题', 'alert', 'script', '链接', 'img onerror']) {
      await input.fill(query);
      await page.waitForTimeout(600);
      await page.waitForLoadState('networkidle');
    }
    await input.fill('标题');
    await page.locator('.search-dialog .search-result').first().waitFor();
    const injected = await page.evaluate(
      () => document.querySelectorAll('.search-dialog img, .search-dialog script, .search-dialog b').length,
    );
    const first = page.locator('.search-dialog a[href]').first();
    if (await first.count()) await first.click();
    await page.waitForLoadState('load');
    await stir(page);
    await context.close();
    assert.equal(injected, 0, 'no element from a title in the search dialog');
    assert.deepEqual(problems, []);
  });
});

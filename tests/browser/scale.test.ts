/**
 * A collection of 1,500 notes in Chromium: the home page's first screen is
 * useful on a phone, its filter narrows the notes as one types (its list
 * loaded only then), and every kind of list page (categories, tags, the
 * archive, a note, the offline page) passes axe in both themes at phone and
 * desktop widths, stays within the page weight budget and reflows at 320 px.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { filing } from '../../scripts/bench/collection.ts';
import { axeViolations } from '../helpers/axe.ts';
import { browseSite } from '../helpers/browse-site.ts';
import { MANY_NOTES } from '../helpers/sites.ts';
import { measurePage } from '../helpers/weight.ts';

const KB = 1024;
const encode = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const PAGES: [string, string][] = [
  ['home', ''],
  ['categories', 'categories/'],
  ['a category', encode('categories/编程/python/')],
  ['tags', 'tags/'],
  ['a tag, page 2', encode('tags/复习/page/2/')],
  ['the archive', 'archives/'],
  ['a year', 'archives/2020/'],
  ['a note', 'note-0077/'],
  ['the offline page', 'offline/'],
];

describe('1,500 notes in Chromium', () => {
  const session = browseSite('many');

  async function open(path: string, width = 1280, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await session.browser.newContext({
      viewport: { width, height: 740 },
      colorScheme: scheme,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(session.site.url + path, { waitUntil: 'networkidle' });
    return page;
  }

  it("the home page's first screen on a phone has the filter and the newest note", async () => {
    const page = await open('', 360);
    const tops = await page.evaluate(() =>
      ['.note-filter input', '.note-card'].map(
        (selector) => document.querySelector(selector)!.getBoundingClientRect().top,
      ),
    );
    for (const top of tops) assert.ok(top >= 0 && top < 740, `on the first screen (${tops})`);
    await page.context().close();
  });

  it('narrows the notes as one types, loading their list only then', async () => {
    const page = await open('');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.waitForTimeout(200);
    assert.ok(!requested.some((url) => url.endsWith('note-list.json')), 'the list waits for the reader');
    await page.locator('.note-filter input').fill('线性代数');
    const status = page.locator('.note-filter-status');
    await status.filter({ hasText: '找到' }).waitFor();
    const expected = Array.from({ length: MANY_NOTES }, (_, i) => i + 1).filter(
      (index) => filing(index).area === '线性代数',
    ).length;
    assert.match((await status.textContent()) ?? '', new RegExp(`找到 ${expected} 篇`));
    const titles = await page.locator('.note-filter-results a').allTextContents();
    assert.equal(titles.length, Math.min(50, expected));
    assert.ok(titles.every((title) => title.includes('线性代数')));
    await page.locator('.note-filter input').fill('进阶 python');
    await status.filter({ hasText: /找到 \d+ 篇。/ }).waitFor();
    const first = page.locator('.note-filter-results a').first();
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForURL((url) => url.pathname === href);
    // Every word typed is in the note's title, categories or tags.
    const meta = `${await page.locator('h1').textContent()} ${await page.locator('.note-meta').textContent()}`;
    assert.match(meta, /进阶/);
    assert.match(meta, /python/i);
    await page.goBack();
    await page.locator('.note-filter input').fill('没有这样的笔记');
    await status.filter({ hasText: '没有' }).waitFor();
    assert.equal(await page.locator('.note-filter-results a').count(), 0);
    await page.context().close();
  });

  for (const [name, path] of PAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [360, 1280]) {
        it(`${name}: no axe violations (WCAG 2.1 AA), ${scheme}, ${width} px`, async () => {
          const page = await open(path, width, scheme);
          const violations = await axeViolations(page);
          await page.context().close();
          assert.deepEqual(violations, []);
        });
      }
    }

    it(`${name}: at most 20 KB of HTML, CSS and JS gzipped (JS at most 4 KB), and reflows at 320 px`, async () => {
      const weight = await measurePage(session.browser, session.site.url + path);
      assert.ok(weight.total <= 20 * KB, `total ${weight.total} B`);
      assert.ok(weight.js <= 4 * KB, `JavaScript ${weight.js} B`);
      const page = await open(path, 320);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `no horizontal scroll at 320 px (${overflow} px)`);
      await page.context().close();
    });
  }
});

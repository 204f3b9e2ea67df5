/**
 * Search, in Chromium against the built site: the query set through
 * Pagefind's JS API with the site's folding, and the search UI itself as a
 * reader uses it (keys, results with sections, landing highlighted).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browseSite } from '../helpers/browse-site.ts';
import { judge, runQueries } from '../helpers/search.ts';
import { SEARCH_CASES } from '../search-queries.ts';

const CHAPTER_1 = `${encodeURIComponent('生成式ai学习笔记')}/${encodeURIComponent('1-chatgpt-原理剖析')}/`;

describe('the search query set', () => {
  const session = browseSite('root');
  let found: Awaited<ReturnType<typeof runQueries>>;
  before(async () => {
    const page = await session.browser.newPage();
    await page.goto(session.site.url);
    found = await runQueries(
      page,
      '/pagefind/',
      SEARCH_CASES.map((c) => c.query),
    );
  });

  it('lets results be filtered by note', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.site.url);
    const filters = await page.evaluate(async () => {
      const bundle = '/pagefind/pagefind.js';
      const pagefind = await import(bundle);
      await pagefind.init();
      return pagefind.filters();
    });
    await page.close();
    assert.deepEqual(filters, { 笔记: { 生成式AI学习笔记: 5 } });
  });

  it('has at least 30 cases covering every kind', () => {
    assert.ok(SEARCH_CASES.length >= 30);
    assert.deepEqual(
      new Set(SEARCH_CASES.map((c) => c.kind)),
      new Set(['sub-word', 'mixed and case', 'traditional', 'ranking']),
    );
  });

  for (const [index, c] of SEARCH_CASES.entries()) {
    it(`${c.kind}: ${c.query}`, () => assert.equal(judge(c, found[index]!), undefined));
  }
});

describe('the search UI, under /notes-site/', () => {
  const session = browseSite('subPath');

  async function openChapter(width = 1280): Promise<{ page: Page; requests: string[] }> {
    const page = await session.browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(decodeURIComponent(request.url())));
    await page.goto(session.site.url + CHAPTER_1);
    return { page, requests };
  }

  const searchRequests = (requests: string[]) => requests.filter((url) => /\/pagefind\/|to-simplified/.test(url));

  it('fetches nothing of search until it is opened', async () => {
    const { page, requests } = await openChapter();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(searchRequests(requests), []);
    await page.close();
  });

  it('opens with /, finds 接龙 with chapter and section, and Enter lands on the highlighted passage', async () => {
    const { page, requests } = await openChapter();
    await page.keyboard.press('/');
    const input = page.locator('.search-dialog .pagefind-ui__search-input');
    await input.waitFor();
    assert.ok(await page.evaluate(() => document.querySelector('.search-dialog')?.hasAttribute('open')));
    await input.fill('接龙');
    const first = page.locator('.pagefind-ui__result').first();
    await first.locator('.pagefind-ui__result-link').first().waitFor();
    assert.match((await first.locator('.pagefind-ui__result-title').first().textContent()) ?? '', /1 ChatGPT 原理剖析/);
    // The section as the author wrote it (traditional), though the index holds it simplified.
    assert.equal(
      (await first.locator('.pagefind-ui__result-nested .pagefind-ui__result-title').first().textContent())?.trim(),
      '1.1 對 ChatGPT 的常見誤解',
    );
    assert.match(await first.innerHTML(), /<mark>接龙<\/mark>/);
    assert.ok(searchRequests(requests).length > 0, 'search loaded on opening');
    assert.equal(await page.locator('.pagefind-ui__filter-panel').isVisible(), false, 'no filter with one choice');
    await input.press('ArrowDown');
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__result-link')),
      true,
    );
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    assert.match(decodeURIComponent(target), /#11-/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/highlight=/);
    await page.locator('article mark').first().waitFor();
    const marked = await page.locator('article mark').allTextContents();
    assert.ok(marked.includes('接龙'), `highlighted: ${marked.join(', ')}`);
    assert.match(decodeURIComponent(page.url()), /1-chatgpt-原理剖析\/\?highlight=接龙#11-/);
    await page.close();
  });

  it('finds 預訓練 (traditional) in chapter 1', async () => {
    const { page } = await openChapter(360);
    await page.click('.search-button');
    const input = page.locator('.search-dialog .pagefind-ui__search-input');
    await input.fill('預訓練');
    const first = page.locator('.pagefind-ui__result').first();
    await first.locator('.pagefind-ui__result-link').first().waitFor();
    assert.match((await first.locator('.pagefind-ui__result-title').first().textContent()) ?? '', /1 ChatGPT 原理剖析/);
    assert.match(await first.innerHTML(), /<mark>预训练<\/mark>/);
    await page.close();
  });

  it('opens with Ctrl+K and closes with Esc', async () => {
    const { page } = await openChapter();
    const isOpen = () => page.evaluate(() => Boolean(document.querySelector('.search-dialog')?.hasAttribute('open')));
    await page.keyboard.press('Control+k');
    assert.equal(await isOpen(), true);
    await page.locator('.search-dialog .pagefind-ui__search-input').waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await isOpen(), false);
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const { page } = await openChapter();
    await page.keyboard.press('/');
    await page.locator('.search-dialog .pagefind-ui__search-input').fill('xyzzyplugh');
    await page.locator('.pagefind-ui__message').filter({ hasText: 'xyzzyplugh' }).waitFor();
    assert.equal(await page.locator('.pagefind-ui__result').count(), 0);
    await page.close();
  });

  it('says search is unavailable when its files cannot be loaded', async () => {
    const page = await session.browser.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(session.site.url + CHAPTER_1);
    await page.click('.search-button');
    const status = page.locator('.search-status');
    await status.waitFor({ state: 'visible' });
    assert.match((await status.textContent()) ?? '', /搜索暂时不可用/);
    await page.close();
  });
});

describe('the search UI on a site of several notes', () => {
  const session = browseSite('fixtures');

  it('offers a filter by note that narrows the results', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(session.site.url);
    await page.keyboard.press('/');
    await page.locator('.search-dialog .pagefind-ui__search-input').fill('笔记');
    const results = page.locator('.pagefind-ui__result');
    await results.first().waitFor();
    const panel = page.locator('.pagefind-ui__filter-panel');
    assert.equal(await panel.isVisible(), true);
    assert.deepEqual(
      (
        await panel
          .locator('.pagefind-ui__filter-checkbox')
          .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value))
      ).sort(),
      ['MDX 笔记', '单页笔记', '数学笔记'].sort(),
    );
    const links = () =>
      results
        .locator('.pagefind-ui__result-link')
        .evaluateAll((all) => all.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
    const before = new Set((await links()).map((url) => url.split('/')[1]));
    assert.ok(before.size > 1, `results from several notes: ${[...before].join(', ')}`);
    await panel.getByLabel(/^数学笔记/).check();
    // Results are re-rendered after the filter changes: wait for some, all from the one note.
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-link')];
      return shown.length > 0 && shown.every((a) => decodeURIComponent(a.pathname).startsWith('/数学笔记/'));
    });
    assert.ok((await links()).length > 0);
    await page.close();
  });
});

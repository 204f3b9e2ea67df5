/**
 * Search in Chromium against the built sites, as a reader uses it: the
 * first note's query set typed into the dialog, the dialog itself (keys,
 * sections, landing on the passage marked, nothing loaded before opening,
 * what it says when nothing or not everything can be found), and on a site
 * of notes made for search: phrases before scattered characters, Taiwan
 * words, pages in their own characters, titles that are HTML shown as text,
 * the filter by category and note.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { browseSite } from '../helpers/browse-site.ts';
import { chapterOf, judge } from '../helpers/search.ts';
import { type ShownResults, SITE_UI, typeQuery } from '../helpers/search-ui.ts';
import { SEARCH_CASES } from '../search-queries.ts';

const CHAPTER_1 = `${encodeURIComponent('生成式ai学习笔记')}/${encodeURIComponent('1-chatgpt-原理剖析')}/`;

/** What no result may ever show: Pagefind's metadata, JSON, the index form's breaks and spaces. */
function leaks(text: string): string | undefined {
  if (/[{}]|"\w+":|Sections|data-pagefind|\u200B/.test(text)) return 'metadata or JSON';
  if (/\p{Script=Han} \p{Script=Han} \p{Script=Han}/u.test(text)) return 'Han characters spaced out';
  return undefined;
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await SITE_UI.open(page);
}

describe('the search query set, typed into the dialog', () => {
  const session = browseSite('root');
  const found: ShownResults[] = [];
  before(async () => {
    const page = await session.browser.newPage();
    await open(page, session.site.url);
    for (const c of SEARCH_CASES) found.push(await typeQuery(page, SITE_UI, c.query));
    await page.close();
  });

  it('has at least 30 cases covering every kind', () => {
    assert.ok(SEARCH_CASES.length >= 30);
    assert.deepEqual(
      new Set(SEARCH_CASES.map((c) => c.kind)),
      new Set(['sub-word', 'mixed and case', 'traditional', 'ranking']),
    );
  });

  for (const [index, c] of SEARCH_CASES.entries()) {
    it(`${c.kind}: ${c.query}`, () => {
      const shown = found[index]!;
      assert.equal(judge(c, { chapters: shown.urls.map(chapterOf), section: shown.sections[0] }), undefined);
      for (const text of shown.texts) assert.equal(leaks(text), undefined, text);
    });
  }
});

describe('the search dialog, under /notes-site/', () => {
  const session = browseSite('subPath');

  async function openChapter(width = 1280): Promise<{ page: Page; requests: string[] }> {
    const page = await session.browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(decodeURIComponent(request.url())));
    await page.goto(session.site.url + CHAPTER_1);
    return { page, requests };
  }

  const searchRequests = (requests: string[]) =>
    requests.filter((url) => /\/pagefind\/|search-(client|dialog|highlight)/.test(url));

  it('fetches nothing of search until it is opened', async () => {
    const { page, requests } = await openChapter();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(searchRequests(requests), []);
    await page.close();
  });

  it('opens with /, finds 接龙 with chapter and section, and Enter lands on the passage, marked', async () => {
    const { page, requests } = await openChapter();
    await page.keyboard.press('/');
    const input = page.locator('.search-dialog .search-input');
    assert.ok(await page.evaluate(() => document.querySelector('.search-dialog')?.hasAttribute('open')));
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('search-input')), true);
    const shown = await typeQuery(page, SITE_UI, '接龙');
    const first = page.locator('.search-result').first();
    assert.match((await first.locator('.search-result-title').first().textContent()) ?? '', /1 ChatGPT 原理剖析/);
    // The section as the author wrote it (traditional), though the index holds it simplified.
    assert.equal(shown.sections[0], '1.1 對 ChatGPT 的常見誤解');
    assert.match(await first.innerHTML(), /<mark>接龙<\/mark>/);
    assert.ok(searchRequests(requests).length > 0, 'search loaded on opening');
    assert.equal(await page.locator('.search-scope').isVisible(), false, 'no filter with one note');
    assert.match((await page.locator('.search-status').textContent()) ?? '', /找到 \d+ 个结果/);
    await input.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('search-result-link')), true);
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    assert.match(decodeURIComponent(target), /#11-/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('search-input')), true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/highlight=/);
    await page.locator('article mark').first().waitFor();
    const marked = await page.locator('article mark').allTextContents();
    assert.ok(marked.includes('接龙'), `marked: ${marked.join(', ')}`);
    assert.ok(
      marked.every((text) => text === '接龙'),
      `only the phrase is marked: ${marked.join(', ')}`,
    );
    assert.match(decodeURIComponent(page.url()), /\/notes-site\/.*1-chatgpt-原理剖析\/\?highlight=接龙#11-/);
    await page.close();
  });

  it('finds 預訓練 (traditional) in chapter 1, the phrase marked whole, no metadata shown', async () => {
    const { page } = await openChapter(360);
    await page.click('.search-button');
    const shown = await typeQuery(page, SITE_UI, '預訓練');
    const first = page.locator('.search-result').first();
    assert.match((await first.locator('.search-result-title').first().textContent()) ?? '', /1 ChatGPT 原理剖析/);
    assert.match(await first.innerHTML(), /<mark>预训练<\/mark>/);
    assert.doesNotMatch(await first.innerHTML(), /<mark>[预训练]<\/mark>/);
    for (const text of shown.texts) assert.equal(leaks(text), undefined, text);
    await page.close();
  });

  it('opens with Ctrl+K and closes with Esc', async () => {
    const { page } = await openChapter();
    const isOpen = () => page.evaluate(() => Boolean(document.querySelector('.search-dialog')?.hasAttribute('open')));
    await page.keyboard.press('Control+k');
    assert.equal(await isOpen(), true);
    await page.keyboard.press('Escape');
    assert.equal(await isOpen(), false);
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const { page } = await openChapter();
    await page.keyboard.press('/');
    await typeQuery(page, SITE_UI, 'xyzzyplugh');
    await page.locator('.search-status').filter({ hasText: '没有找到' }).waitFor();
    assert.equal(await page.locator('.search-result').count(), 0);
    await page.close();
  });

  it('says search is unavailable when its files cannot be loaded', async () => {
    const page = await session.browser.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(session.site.url + CHAPTER_1);
    await page.click('.search-button');
    await page.locator('.search-status').filter({ hasText: '搜索暂时不可用' }).waitFor();
    await page.close();
  });

  it('says when part of the index could not be loaded (offline, not saved), instead of waiting', async () => {
    // Without the service worker, whose cache would answer instead of the network.
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(session.site.url + CHAPTER_1);
    await SITE_UI.open(page);
    await typeQuery(page, SITE_UI, '接龙');
    // What is not loaded yet is not there any more: the texts of pages, and the index beyond what 接龙 needed.
    await page.route(/\/pagefind\/(page|index)\//, (route) => route.abort());
    await typeQuery(page, SITE_UI, '扩散模型');
    await page.locator('.search-status').filter({ hasText: '部分搜索数据未能载入' }).waitFor({ timeout: 5000 });
    await context.close();
  });
});

describe('search on notes made for it', () => {
  const session = browseSite('search');
  let page: Page;
  before(async () => {
    page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    await open(page, session.site.url);
  });

  it('shows pages with the phrase first, and pages with its characters apart after them, as weaker matches', async () => {
    const shown = await typeQuery(page, SITE_UI, '信号量');
    assert.deepEqual(
      shown.urls.map((url) => decodeURIComponent(url).split('/')[1]),
      ['信号量', '網路設定', '分散的字'],
    );
    const items = await page.locator('.search-results > li').evaluateAll((all) => all.map((li) => li.className));
    assert.deepEqual(items, ['search-result', 'search-result', 'search-weaker', 'search-result search-result-weak']);
    assert.equal(await page.locator('.search-result-weak mark').count(), 0, 'no lone characters marked');
    assert.match((await page.locator('.search-status').textContent()) ?? '', /另有 1 个结果只含其中的字/);
  });

  it("finds a page in Taiwan's words from the mainland's, and shows it in its own characters and spacing", async () => {
    const shown = await typeQuery(page, SITE_UI, '网络接口');
    assert.ok(shown.urls.length > 0);
    const text = shown.texts.join('\n');
    assert.match(text, /網路介面/);
    assert.doesNotMatch(text, /网路介面|网路界面/, 'not in the index form (folded to simplified)');
    assert.match(text, /用臺灣的說法寫成：網路介面、記憶體/);
    assert.match(await page.locator('.search-result').first().innerHTML(), /<mark>網路介面<\/mark>/);
    for (const [query, page_] of [
      ['磁盘配额', '網路設定'],
      ['内存空间', '網路設定'],
      ['信號量', '信号量'],
    ]) {
      const result = await typeQuery(page, SITE_UI, query!);
      assert.equal(decodeURIComponent(result.urls[0] ?? '').split('/')[1], page_, query);
    }
  });

  it('shows titles and categories that are HTML as text, and runs nothing', async () => {
    const shown = await typeQuery(page, SITE_UI, '模板');
    assert.equal(shown.urls.length, 3);
    const titles = await page.locator('.search-result > .search-result-link .search-result-title').allTextContents();
    assert.deepEqual(titles.sort(), ['<img src=x onerror=alert(1)>', 'C++ <T> 模板', 'HTML 的 <b>粗体</b>'].sort());
    assert.equal(await page.locator('.search-dialog img, .search-dialog b').count(), 0);
    const options = await page.locator('.search-filter option').allTextContents();
    assert.ok(
      options.some((option) => option.startsWith('<b>分类</b>')),
      options.join(' | '),
    );
    assert.equal(
      await page.evaluate(() => document.querySelectorAll('.search-filter b, .search-filter img').length),
      0,
    );
  });

  it('offers the categories and notes the results come from, and narrows the results to one', async () => {
    await typeQuery(page, SITE_UI, '模板');
    const scope = page.locator('.search-scope');
    assert.equal(await scope.isVisible(), true);
    const options = await page
      .locator('.search-filter option')
      .evaluateAll((all) => all.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    assert.deepEqual(
      options.filter(([value]) => value?.startsWith('category:')).map(([, text]) => text),
      ['编程（2）', '<b>分类</b>（1）'],
    );
    await page.locator('.search-filter option').filter({ hasText: 'C++ <T> 模板（1）' }).waitFor({ state: 'attached' });
    await page.selectOption('.search-filter', { label: '编程（2）' });
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 2);
    const titles = await page.locator('.search-result > .search-result-link .search-result-title').allTextContents();
    assert.deepEqual(titles.sort(), ['C++ <T> 模板', 'HTML 的 <b>粗体</b>'].sort());
    await page.selectOption('.search-filter', 'all');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations with results, weaker matches and the filter shown, ${scheme}`, async () => {
      const context = await session.browser.newContext({ colorScheme: scheme, viewport: { width: 360, height: 800 } });
      const themed = await context.newPage();
      await open(themed, session.site.url);
      await typeQuery(themed, SITE_UI, '模板');
      assert.deepEqual(await axeViolations(themed, '.search-dialog'), []);
      await typeQuery(themed, SITE_UI, '信号量');
      assert.deepEqual(await axeViolations(themed, '.search-dialog'), []);
      await context.close();
    });
  }

  it('hides the filter when the results all come from one note', async () => {
    await typeQuery(page, SITE_UI, '嵌套之后');
    assert.equal(await page.locator('.search-scope').isVisible(), false);
  });

  it("indexes a note's whole content, an <article> inside it included (MDX)", async () => {
    for (const query of ['笔记自己的', '嵌套之后']) {
      const shown = await typeQuery(page, SITE_UI, query);
      assert.equal(decodeURIComponent(shown.urls[0] ?? '').split('/')[1], '内嵌文章', query);
    }
  });
});

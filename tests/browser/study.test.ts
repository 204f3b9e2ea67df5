/**
 * The study features in Chromium, on the site built under /notes-site/, in
 * both themes, at 360 and 1280 px: reading progress (a chapter read to its
 * end stays read after a reload; the note page counts, continues at the
 * section last read, and clears), with storage forbidden as in private
 * windows; the figure viewer by keyboard and by touch; printing (the whole
 * note on one page, each chapter on a new sheet; every page without the
 * site around it); the table of contents following the reader; back to top;
 * and all of it offline and across a new deploy.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { browseSite } from '../helpers/browse-site.ts';
import { launchBrowser, untilServiceWorkerControls } from '../helpers/browser.ts';
import { type StaticSite, serveSite } from '../helpers/serve.ts';
import { builtSite, ROOT, runBuild } from '../helpers/sites.ts';

const NOTE_SLUG = '生成式ai学习笔记';
const NOTE = `${encodeURIComponent(NOTE_SLUG)}/`;
const SLUGS = [
  '1-chatgpt-原理剖析',
  '2-能够使用工具的ai',
  '3-生成式学习的两种策略',
  '4-finetuning-vs-prompting微调与提示对于大型语言模型的不同期待衍生的两种使用方式',
];
const CHAPTER = (n: number) => `${NOTE}${encodeURIComponent(SLUGS[n - 1]!)}/`;
const WHOLE = `${NOTE}${encodeURIComponent('全文·打印')}/`;
const KEY = 'study-notes:progress:v1:/notes-site/';
const VIEWS = [
  [360, 'light'],
  [1280, 'dark'],
] as const;
const ALL_VIEWS = [
  [360, 'light'],
  [360, 'dark'],
  [1280, 'light'],
  [1280, 'dark'],
] as const;

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Page errors, console errors and requests to other origins seen so far. */
  problems: string[];
}

/** Opens `path` in a fresh context (its own storage), noting anything that goes wrong. */
async function open(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...options,
  });
  const page = await context.newPage();
  const problems = watch(page, new URL(url).origin);
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, context, problems };
}

function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Playwright's own note when a context blocks service workers is not the page's.
    if (message.type() === 'error' && !/Service Worker registration blocked/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
      problems.push(`foreign request: ${request.url()}`);
  });
  return problems;
}

/** Scrolls the end of the chapter into view, as reading to the end does, and waits until it counts. */
async function readToEnd(page: Page, slug: string): Promise<void> {
  await page.locator('[data-progress-end]').scrollIntoViewIfNeeded();
  await page.locator(`.chapter-nav li[data-chapter="${slug}"][data-progress="read"]`).waitFor({ state: 'attached' });
}

const stored = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>, KEY);

const statuses = (page: Page, list: string) =>
  page.$$eval(`${list} li[data-chapter]`, (items) => items.map((item) => (item as HTMLElement).dataset.progress));

describe('study features, under /notes-site/', () => {
  const session = browseSite('subPath');
  const url = (path: string) => session.site.url + path;

  describe('reading progress', () => {
    for (const [width, scheme] of VIEWS) {
      it(`remembers chapter 2 read to its end across a reload, and the note page counts it (${width} px, ${scheme})`, async () => {
        const { page, context, problems } = await open(session.browser, url(CHAPTER(2)), {
          viewport: { width, height: 800 },
          colorScheme: scheme,
        });
        assert.deepEqual(await statuses(page, '.chapter-nav'), ['unread', 'started', 'unread', 'unread']);
        await readToEnd(page, SLUGS[1]!);
        await page.reload({ waitUntil: 'networkidle' });
        assert.deepEqual(await statuses(page, '.chapter-nav'), ['unread', 'read', 'unread', 'unread']);
        // What the drawer's link says to a screen reader.
        assert.match(
          await page.locator(`.chapter-nav li[data-chapter="${SLUGS[1]}"] a`).evaluate((a) => {
            const mark = a.querySelector('.progress-mark')!;
            return getComputedStyle(mark, '::before').content;
          }),
          /已读/,
        );

        await page.goto(url(NOTE), { waitUntil: 'networkidle' });
        assert.equal(await page.textContent('[data-progress-summary]'), '已读 1 / 4 章');
        assert.deepEqual(await statuses(page, '.note-chapters'), ['unread', 'read', 'unread', 'unread']);
        // After a finished chapter, the next one not read.
        const next = page.locator('[data-progress-continue]');
        assert.equal(await next.textContent(), '继续阅读：3 生成式学习的两种策略');
        assert.equal(
          decodeURIComponent(new URL((await next.getAttribute('href'))!, url('')).pathname),
          `/notes-site/${NOTE_SLUG}/${SLUGS[2]}/`,
        );
        assert.deepEqual(await axeViolations(page), [], 'the filled-in panel is accessible');
        assert.deepEqual(problems, []);
        await context.close();
      });
    }

    it('continues at the section last read, and lands there', async () => {
      const { page, context } = await open(session.browser, url(CHAPTER(3)), { viewport: { width: 360, height: 740 } });
      await page.evaluate(() => document.getElementById('32-一步到位')!.scrollIntoView({ block: 'start' }));
      await page.waitForFunction(
        ([key, note]) => JSON.parse(localStorage.getItem(key) ?? '{}')[note]?.last?.section === '32-一步到位',
        [KEY, NOTE_SLUG] as const,
      );
      await page.goto(url(NOTE), { waitUntil: 'networkidle' });
      const link = page.locator('[data-progress-continue]');
      assert.equal(await link.textContent(), '继续阅读：3 生成式学习的两种策略');
      assert.equal(await page.textContent('[data-progress-summary]'), '已读 0 / 4 章，1 章在读');
      await link.click();
      await page.waitForURL(/#/);
      assert.equal(decodeURIComponent(new URL(page.url()).hash), '#32-一步到位');
      const top = await page.evaluate(() => document.getElementById('32-一步到位')!.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 100, `the section is at the top (${top}px)`);
      await context.close();
    });

    it('clears the note’s progress with the control, and says so', async () => {
      const { page, context } = await open(session.browser, url(CHAPTER(1)));
      await readToEnd(page, SLUGS[0]!);
      await page.goto(url(NOTE), { waitUntil: 'networkidle' });
      assert.equal(await page.textContent('[data-progress-summary]'), '已读 1 / 4 章');
      await page.getByRole('button', { name: '清除阅读进度' }).click();
      assert.equal(await page.textContent('[data-progress-summary]'), '已读 0 / 4 章');
      assert.equal(await page.textContent('.note-progress [role="status"]'), '已清除这篇笔记的阅读进度。');
      assert.deepEqual(await statuses(page, '.note-chapters'), ['unread', 'unread', 'unread', 'unread']);
      assert.match((await page.textContent('[data-progress-continue]')) ?? '', /^开始阅读：1 ChatGPT 原理剖析$/);
      assert.deepEqual(await stored(page), {});
      await page.reload({ waitUntil: 'networkidle' });
      assert.equal(await page.textContent('[data-progress-summary]'), '已读 0 / 4 章');
      await context.close();
    });

    const forbidden: [string, () => void][] = [
      [
        'storage disabled',
        () =>
          Object.defineProperty(window, 'localStorage', {
            get() {
              throw new DOMException('The operation is insecure.', 'SecurityError');
            },
          }),
      ],
      [
        'storage that cannot be written (private mode, full)',
        () => {
          Storage.prototype.setItem = () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        },
      ],
    ];
    for (const [name, forbid] of forbidden) {
      it(`works with ${name}: the chapter reads, the note page says progress cannot be kept`, async () => {
        const context = await session.browser.newContext({ reducedMotion: 'reduce', serviceWorkers: 'block' });
        await context.addInitScript(forbid);
        const page = await context.newPage();
        const problems = watch(page, new URL(url('')).origin);
        await page.goto(url(CHAPTER(1)), { waitUntil: 'networkidle' });
        await page.locator('[data-progress-end]').scrollIntoViewIfNeeded();
        await page.keyboard.press('End');
        await page.click('.theme-toggle');
        assert.match((await page.textContent('h1')) ?? '', /ChatGPT 原理剖析/);
        await page.goto(url(NOTE), { waitUntil: 'networkidle' });
        assert.equal(await page.isVisible('[data-progress-unavailable]'), true);
        assert.match((await page.textContent('[data-progress-unavailable]')) ?? '', /不能保存阅读进度/);
        assert.equal(await page.isDisabled('[data-progress-clear]'), true);
        assert.equal(await page.textContent('[data-progress-summary]'), '共 4 章');
        assert.match((await page.textContent('[data-progress-continue]')) ?? '', /^开始阅读：1 ChatGPT 原理剖析$/);
        assert.deepEqual(await statuses(page, '.note-chapters'), ['unread', 'unread', 'unread', 'unread']);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  });

  describe('the figure viewer', () => {
    for (const [width, scheme] of ALL_VIEWS) {
      it(`opens a figure with Enter, moves focus in, closes with Esc and gives focus back (${width} px, ${scheme})`, async () => {
        const { page, context, problems } = await open(session.browser, url(CHAPTER(1)), {
          viewport: { width, height: 800 },
          colorScheme: scheme,
        });
        const figure = page.locator('article figure').nth(1);
        const button = figure.locator('button.figure-open');
        const dialog = figure.locator('dialog');
        await button.focus();
        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'visible' });
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), '关闭', 'focus moves in');
        assert.equal(
          await dialog.getAttribute('aria-labelledby').then((id) => page.textContent(`[id="${id}"]`)),
          '图 1-2 历史信息',
        );
        await page.waitForFunction(
          (element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0,
          await dialog.locator('img').elementHandle(),
        );
        const box = (await dialog.boundingBox())!;
        assert.ok(
          box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= 800,
          'it fits the window',
        );
        const image = (await dialog.locator('img').boundingBox())!;
        const inline = (await button.locator('img').boundingBox())!;
        if (width > 480) assert.ok(image.width > inline.width, `larger: ${image.width} > ${inline.width}`);
        assert.deepEqual(await axeViolations(page), [], 'accessible while open');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        assert.equal(await button.evaluate((element) => element === document.activeElement), true, 'focus comes back');
        assert.deepEqual(problems, []);
        await context.close();
      });
    }

    it('opens on a tap and closes on a tap outside it, or on its close button (touch, 360 px)', async () => {
      const { page, context } = await open(session.browser, url(CHAPTER(3)), {
        viewport: { width: 360, height: 740 },
        hasTouch: true,
        isMobile: true,
      });
      const figure = page.locator('article figure').first();
      await figure.locator('button.figure-open').scrollIntoViewIfNeeded();
      await figure.locator('button.figure-open').tap();
      const dialog = figure.locator('dialog');
      await dialog.waitFor({ state: 'visible' });
      const box = (await dialog.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2, Math.min(735, box.y + box.height + 20));
      await dialog.waitFor({ state: 'hidden' });
      await figure.locator('button.figure-open').tap();
      await dialog.waitFor({ state: 'visible' });
      await dialog.getByRole('button', { name: '关闭' }).tap();
      await dialog.waitFor({ state: 'hidden' });
      await context.close();
    });
  });

  describe('printing', () => {
    it('prints the whole note: every chapter heading and figure, each chapter on a new page, light, no site around it', async () => {
      const { page, context, problems } = await open(session.browser, url(WHOLE), { colorScheme: 'dark' });
      // Opened from the note page's link.
      await page.goto(url(NOTE), { waitUntil: 'networkidle' });
      await page.getByRole('link', { name: /全文一页/ }).click();
      await page.waitForURL(/%E5%85%A8%E6%96%87%C2%B7%E6%89%93%E5%8D%B0\/$/);
      await page.evaluate(async () => {
        for (const img of document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)')) {
          img.loading = 'eager';
          await img.decode();
        }
      });
      await page.emulateMedia({ media: 'print' });
      const headings = await page.$$eval('section.whole-note-chapter > h2', (h2s) =>
        h2s.map((h2) => ({
          text: h2.textContent?.replace(/\s+/g, ' ').trim(),
          visible: (h2 as HTMLElement).offsetHeight > 0,
          breakBefore: getComputedStyle(h2.parentElement!).breakBefore,
        })),
      );
      assert.deepEqual(
        headings.map((h) => [h.text, h.visible, h.breakBefore]),
        [
          ['1 ChatGPT 原理剖析', true, 'page'],
          ['2 能够使用工具的AI', true, 'page'],
          ['3 生成式学习的两种策略', true, 'page'],
          ['4 Finetuning vs Prompting(微调与提示)：对于大型语言模型的不同期待衍生的两种使用方式', true, 'page'],
        ],
      );
      const figures = await page.$$eval('article figure', (all) =>
        all.map((figure) => ({
          shown: (figure.querySelector('img:not(dialog img)') as HTMLImageElement).naturalWidth > 0,
          visible: (figure.querySelector('img:not(dialog img)') as HTMLElement).offsetHeight > 0,
          unbroken: getComputedStyle(figure).breakInside,
          caption: figure.querySelector('figcaption')?.textContent,
        })),
      );
      assert.equal(figures.length, 21);
      for (const figure of figures)
        assert.deepEqual([figure.shown, figure.visible, figure.unbroken], [true, true, 'avoid'], figure.caption ?? '');
      for (const hidden of [
        '.site-header',
        '.print-button',
        '.whole-note-tools',
        '.back-to-top',
        '.site-footer',
        '.search-button',
        '.theme-toggle',
      ]) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
        'rgb(253, 252, 248)',
        'light paper',
      );
      // An external link says where it goes; one to the site does not.
      const after = await page.evaluate(() => {
        const paragraph = document.querySelector('article p')!;
        paragraph.insertAdjacentHTML(
          'beforeend',
          '<a href="https://example.org/论文">外链</a><a href="#1-chatgpt-原理剖析">内链</a>',
        );
        const [outside, inside] = [...paragraph.querySelectorAll('a')].slice(-2);
        return [getComputedStyle(outside!, '::after').content, getComputedStyle(inside!, '::after').content];
      });
      assert.match(after[0] ?? '', /https:\/\/example\.org\/论文/);
      assert.equal(after[1], 'none');
      const pdf = await page.pdf({ format: 'A4' });
      const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
      assert.ok(sheets >= 5, `${sheets} pages: the contents and introduction, then each chapter on its own`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    for (const [name, path] of [
      ['the home page', ''],
      ['the note page', NOTE],
      ['a chapter', CHAPTER(1)],
    ]) {
      it(`prints ${name} without navigation, search, toggles or reading aids`, async () => {
        const { page, context } = await open(session.browser, url(path!), { viewport: { width: 1280, height: 800 } });
        await page.mouse.wheel(0, 3000);
        await page.emulateMedia({ media: 'print' });
        for (const hidden of [
          '.skip-link',
          '.site-header',
          '.chapter-nav',
          '.toc-column',
          '.pager',
          '.note-progress',
          '.whole-note-link',
          '.back-to-top',
          '.reading-time',
          '.chapter-minutes',
        ]) {
          for (const element of await page.locator(hidden).all())
            assert.equal(await element.isVisible(), false, `${hidden} is not printed`);
        }
        assert.equal(await page.locator('main h1').isVisible(), true);
        await context.close();
      });
    }
  });

  describe('reading aids', () => {
    for (const scheme of ['light', 'dark'] as const) {
      it(`highlights the section being read in the table of contents, following jumps both ways (1280 px, ${scheme})`, async () => {
        const { page, context } = await open(session.browser, url(CHAPTER(1)), { colorScheme: scheme });
        const current = () => page.locator('.toc a[aria-current="location"]').textContent({ timeout: 2000 });
        const showAt = async (id: string) => {
          await page.evaluate((target) => document.getElementById(target)!.scrollIntoView({ block: 'start' }), id);
          await page.waitForFunction(
            (target) =>
              decodeURIComponent(
                document.querySelector<HTMLAnchorElement>('.toc a[aria-current]')?.hash.slice(1) ?? '',
              ) === target,
            id,
          );
        };
        await showAt('122-chatgpt的训练过程');
        assert.equal(await current(), '1.2.2 chatgpt的训练过程');
        await page.keyboard.press('End');
        await page.waitForFunction(() =>
          document.querySelector('.toc a[aria-current]')?.textContent?.startsWith('1.3'),
        );
        await showAt('11-對-chatgpt-的常見誤解');
        assert.equal(await current(), '1.1 對 ChatGPT 的常見誤解');
        assert.equal(await page.locator('.toc a[aria-current]').count(), 1);
        // The mark is a colour and a bar, not colour alone; the highlighted link stays readable.
        assert.notEqual(
          await page.locator('.toc li:has(a[aria-current])').evaluate((li) => getComputedStyle(li).boxShadow),
          'none',
        );
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }

    for (const [width, scheme] of ALL_VIEWS) {
      it(`shows back to top far down a long page; it takes keyboard focus back to the top, at once when motion is reduced (${width} px, ${scheme})`, async () => {
        const { page, context } = await open(session.browser, url(WHOLE), {
          viewport: { width, height: 800 },
          colorScheme: scheme,
        });
        const link = page.locator('.back-to-top');
        assert.equal(await link.isVisible(), false);
        assert.equal(
          await link.evaluate((a) => getComputedStyle(a).visibility),
          'hidden',
          'not in the tab order while hidden',
        );
        await page.keyboard.press('End');
        await page.waitForFunction(
          () => getComputedStyle(document.querySelector('.back-to-top')!).visibility === 'visible',
        );
        assert.deepEqual(await axeViolations(page), [], 'accessible when shown');
        // Reached with the keyboard: the last stop on the page, so Shift+Tab from the top wraps round to it.
        await page.keyboard.press('Shift+Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('back-to-top')), true);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.scrollY === 0, undefined, { timeout: 1000 });
        await page.keyboard.press('Tab');
        assert.equal(
          await page.evaluate(() => document.activeElement?.textContent),
          '跳到正文',
          'focus starts again at the top',
        );
        await page.waitForFunction(
          () => getComputedStyle(document.querySelector('.back-to-top')!).visibility === 'hidden',
        );
        await context.close();
      });
    }

    it('never shows back to top on a page too short to need it', async () => {
      const { page, context } = await open(session.browser, url(NOTE));
      await page.keyboard.press('End');
      await page.waitForTimeout(300);
      assert.equal(await page.locator('.back-to-top').isVisible(), false);
      await context.close();
    });

    it('shows each chapter’s reading time and the note’s dates', async () => {
      const { page, context } = await open(session.browser, url(CHAPTER(1)), { viewport: { width: 360, height: 740 } });
      assert.equal(await page.textContent('.reading-time'), '约 3 分钟读完');
      await page.goto(url(NOTE));
      assert.match((await page.textContent('.note-meta')) ?? '', /2023-03-13/);
      await context.close();
    });

    for (const [width, scheme] of ALL_VIEWS) {
      it(`the whole-note page: no axe violations, no sideways scroll (${width} px, ${scheme})`, async () => {
        const { page, context, problems } = await open(session.browser, url(WHOLE), {
          viewport: { width, height: 800 },
          colorScheme: scheme,
        });
        assert.deepEqual(await axeViolations(page), []);
        assert.ok(
          await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
        );
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  });
});

describe('study features offline and across a new deploy, under /notes-site/', () => {
  const BASE = '/notes-site/';
  let work: string;
  let browser: Browser;
  let site: StaticSite;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'study-'));
    site = await serveSite(builtSite('subPath'), BASE);
    browser = await launchBrowser();
    context = await browser.newContext({ reducedMotion: 'reduce' });
    page = await context.newPage();
    await page.goto(site.url);
    await untilServiceWorkerControls(page);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('records progress with the network off: a chapter never opened, read to the end, stays read', async () => {
    await context.setOffline(true);
    await page.goto(site.url + CHAPTER(4));
    await readToEnd(page, SLUGS[3]!);
    await page.reload();
    assert.deepEqual(await statuses(page, '.chapter-nav'), ['unread', 'unread', 'unread', 'read']);
    await page.goto(site.url + NOTE);
    assert.equal(await page.textContent('[data-progress-summary]'), '已读 1 / 4 章');
  });

  it('opens the whole note and a figure in its viewer with the network off', async () => {
    const response = await page.goto(site.url + WHOLE);
    assert.ok(response?.ok());
    assert.equal(await page.locator('section.whole-note-chapter > h2').count(), 4);
    const widths = await page.evaluate(async () => {
      const images = [...document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)')];
      for (const img of images) {
        img.loading = 'eager';
        await img.decode().catch(() => undefined);
      }
      return images.map((img) => img.naturalWidth);
    });
    assert.equal(widths.length, 21);
    assert.ok(
      widths.every((width) => width > 0),
      `figures decoded offline: ${widths}`,
    );
    const figure = page.locator('article figure').last();
    await figure.locator('button.figure-open').click();
    await page.waitForFunction(
      (element) => (element as HTMLImageElement).naturalWidth > 0,
      await figure.locator('dialog img').elementHandle(),
    );
    await page.keyboard.press('Escape');
  });

  it('keeps progress when a new deploy replaces the site', async () => {
    await context.setOffline(false);
    cpSync(path.join(ROOT, 'notes'), path.join(work, 'notes'), { recursive: true });
    const file = path.join(work, 'notes', '生成式AI学习笔记.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('# 1 ChatGPT 原理剖析\n', '# 1 ChatGPT 原理剖析\n\n新版本里新增的一段。\n'),
    );
    const outDir = path.join(work, 'second');
    const result = runBuild({ notesDir: path.join(work, 'notes'), base: BASE, outDir });
    assert.equal(result.status, 0, result.output);
    site.setRoot(outDir);
    await page.goto(site.url + CHAPTER(1));
    // The new worker takes over and the page reloads itself into the new version.
    await page.locator('text=新版本里新增的一段').waitFor({ timeout: 20_000 });
    assert.deepEqual(await statuses(page, '.chapter-nav'), ['started', 'unread', 'unread', 'read']);
    await page.goto(site.url + NOTE);
    assert.equal(await page.textContent('[data-progress-summary]'), '已读 1 / 4 章，1 章在读');
  });
});

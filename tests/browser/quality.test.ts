/**
 * Quality gates in a real browser, for every page in both themes and at
 * phone and desktop widths: accessibility (axe, WCAG 2.1 AA), keyboard focus,
 * reduced motion, page weight, lazy figures, layout stability, reflow and
 * 200% text; and Lighthouse on the home page and chapter 1.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { browseSite } from '../helpers/browse-site.ts';
import { runLighthouse } from '../helpers/lighthouse.ts';
import { measurePage } from '../helpers/weight.ts';

const NOTE = encodeURIComponent('生成式ai学习笔记');
const CHAPTERS = [
  '1-chatgpt-原理剖析',
  '2-能够使用工具的ai',
  '3-生成式学习的两种策略',
  '4-finetuning-vs-prompting微调与提示对于大型语言模型的不同期待衍生的两种使用方式',
].map((slug) => `${NOTE}/${encodeURIComponent(slug)}/`);
const PAGES: [string, string][] = [
  ['home', ''],
  ['note', `${NOTE}/`],
  ...CHAPTERS.map((path, index): [string, string] => [`chapter ${index + 1}`, path]),
  ['whole note', `${NOTE}/${encodeURIComponent('全文·打印')}/`],
  ['404', 'no-such-page/'],
];

const KB = 1024;

describe('quality gates', () => {
  const session = browseSite('root');

  async function open(
    path: string,
    options: { width?: number; scheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' } = {},
  ): Promise<Page> {
    const context = await session.browser.newContext({
      viewport: { width: options.width ?? 1280, height: 800 },
      colorScheme: options.scheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(session.site.url + path, { waitUntil: 'networkidle' });
    return page;
  }

  for (const [name, path] of PAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [360, 1280]) {
        it(`${name}: no axe violations (WCAG 2.1 AA), ${scheme}, ${width} px`, async () => {
          const page = await open(path, { width, scheme });
          const violations = await axeViolations(page);
          await page.context().close();
          assert.deepEqual(violations, []);
        });
      }
    }
  }

  it('reaches the navigation, search and theme toggle by keyboard, with a visible focus ring', async () => {
    const page = await open(CHAPTERS[0]!);
    const reached: { label: string; outline: string }[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          return {
            label: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '',
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
          };
        }),
      );
    }
    const labels = reached.map((r) => r.label);
    for (const wanted of ['跳到正文', '学习笔记', '切换深色模式'])
      assert.ok(
        labels.some((l) => l.includes(wanted)),
        `${wanted} in ${labels.join(' | ')}`,
      );
    assert.ok(
      labels.some((l) => l.includes('搜索')),
      'search button',
    );
    assert.ok(
      labels.some((l) => l.includes('ChatGPT 原理剖析')),
      'chapter navigation',
    );
    for (const r of reached) assert.doesNotMatch(r.outline, /^none|0px$/, `${r.label} shows focus`);
    await page.context().close();
  });

  it('respects prefers-reduced-motion', async () => {
    const reduced = await open(CHAPTERS[0]!, { reducedMotion: 'reduce' });
    assert.equal(await reduced.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
    await reduced.context().close();
    const full = await open(CHAPTERS[0]!);
    assert.equal(await full.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
    await full.context().close();
  });

  for (const [name, path] of PAGES.filter(([n]) => n !== '404')) {
    it(`${name}: at most 20 KB of HTML, CSS and JS gzipped (JS at most 4 KB), no KaTeX without math`, async () => {
      const weight = await measurePage(session.browser, session.site.url + path);
      assert.ok(weight.total <= 20 * KB, `total ${weight.total} B`);
      assert.ok(weight.js <= 4 * KB, `JavaScript ${weight.js} B`);
      assert.equal(weight.katexBytes, 0);
    });
  }

  it('does not fetch figures far below the fold until the reader scrolls to them', async () => {
    const page = await open(CHAPTERS[0]!);
    // The figures themselves; each one's larger copy in its dialog loads only when opened.
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('article img:not(dialog img)')].map((img) => ({
        src: img.currentSrc || img.src,
        top: img.getBoundingClientRect().top,
        complete: img.complete && img.naturalWidth > 0,
      })),
    );
    // Chromium starts lazy images within 1250–2500 px of the viewport; these are further.
    const far = figures.filter((figure) => figure.top > 800 + 2500);
    assert.ok(far.length > 0, 'chapter 1 has figures far below the fold');
    for (const figure of far) assert.equal(figure.complete, false, `${figure.src} waited`);
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() =>
      Promise.all(
        [...document.querySelectorAll<HTMLImageElement>('img:not(dialog img)')].map((img) =>
          img.decode().catch(() => undefined),
        ),
      ),
    );
    assert.ok(
      await page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('img:not(dialog img)')].every(
          (img) => img.complete && img.naturalWidth > 0,
        ),
      ),
      'all figures shown after scrolling',
    );
    await page.context().close();
  });

  for (const width of [360, 1280]) {
    it(`chapter 1 does not shift while loading and scrolling (CLS 0) at ${width} px`, async () => {
      const page = await open(CHAPTERS[0]!, { width });
      const shift = await page.evaluate(async () => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        for (let y = 0; y < document.body.scrollHeight; y += 300) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        return total;
      });
      assert.equal(shift, 0);
      await page.context().close();
    });
  }

  for (const [name, path] of PAGES) {
    it(`${name}: reflows at 320 px and stays readable with text at 200%`, async () => {
      const page = await open(path, { width: 320 });
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok((await overflow()) <= 0, 'no horizontal scroll at 320 px');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      assert.ok((await overflow()) <= 0, 'no horizontal scroll with 200% text');
      await page.context().close();
    });
  }

  for (const [name, path] of [PAGES[0]!, PAGES[2]!]) {
    it(`Lighthouse (mobile) on ${name}: Performance at least 95, Accessibility, Best Practices and SEO 100`, async () => {
      const scores = await runLighthouse(session.site.url + path);
      assert.ok(scores.performance >= 95, `performance ${scores.performance}: ${scores.failing.join('; ')}`);
      assert.equal(scores.accessibility, 100, scores.failing.join('; '));
      assert.equal(scores['best-practices'], 100, scores.failing.join('; '));
      assert.equal(scores.seo, 100, scores.failing.join('; '));
    });
  }
});

describe('quality gates on the fixture notes (code, math, footnotes, MDX)', () => {
  const session = browseSite('fixtures');
  const pages = ['单页笔记/', '数学笔记/1-代数/', '数学笔记/2-没有公式的一章/', 'mdx-note/1-折叠/'].map((path) =>
    path.split('/').map(encodeURIComponent).join('/'),
  );

  for (const path of pages) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${decodeURIComponent(path)}: no axe violations, ${scheme}`, async () => {
        const context = await session.browser.newContext({ colorScheme: scheme, serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.goto(session.site.url + path, { waitUntil: 'networkidle' });
        const violations = await axeViolations(page);
        await context.close();
        assert.deepEqual(violations, []);
      });
    }
  }

  it('colours code for the theme the reader chose, whatever the system says', async () => {
    const context = await session.browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${session.site.url + encodeURIComponent('单页笔记')}/`);
    const keywordColour = () =>
      page
        .locator('pre.shiki span[style*="--shiki-light:#CF222E"]')
        .first()
        .evaluate((span) => getComputedStyle(span).color);
    assert.equal(await keywordColour(), 'rgb(207, 34, 46)');
    await page.click('.theme-toggle');
    assert.equal(await keywordColour(), 'rgb(255, 123, 114)');
    await context.close();
  });
});

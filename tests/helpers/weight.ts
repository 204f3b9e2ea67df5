/**
 * What a page costs a reader before they open search or scroll: bytes by
 * type, gzipped as GitHub Pages serves them, and the request count.
 * Inline scripts and styles are counted as JavaScript and CSS.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface PageWeight {
  page: string;
  requests: number;
  html: number;
  css: number;
  js: number;
  images: number;
  fonts: number;
  other: number;
  /** HTML + CSS + JS, gzipped. */
  total: number;
  /** Figure URLs fetched before any scrolling. */
  figuresFetched: string[];
  katexBytes: number;
}

const gz = (text: string | Buffer) => (text.length === 0 ? 0 : gzipSync(text).length);

export async function measurePage(browser: Browser, url: string, width = 1280, height = 800): Promise<PageWeight> {
  // Without the service worker: it precaches the site in the background, which is not this page's cost.
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const responses: { url: string; type: string; body: Buffer }[] = [];
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    responses.push({ url: response.url(), type: response.request().resourceType(), body });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const inline = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
    styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n'),
  }));
  await context.close();
  const sum = (type: string) => responses.filter((r) => r.type === type).reduce((total, r) => total + gz(r.body), 0);
  const documentBytes = sum('document');
  const inlineJs = gz(inline.scripts);
  const inlineCss = gz(inline.styles);
  const js = sum('script') + inlineJs;
  const css = sum('stylesheet') + inlineCss;
  // Inline code travels inside the HTML; count it once, under its own type.
  const html = Math.max(0, documentBytes - inlineJs - inlineCss);
  const known = new Set(['document', 'script', 'stylesheet', 'image', 'font']);
  return {
    page: decodeURIComponent(new URL(url).pathname),
    requests: responses.length,
    html,
    css,
    js,
    images: sum('image'),
    fonts: sum('font'),
    other: responses.filter((r) => !known.has(r.type)).reduce((total, r) => total + gz(r.body), 0),
    total: documentBytes + sum('script') + sum('stylesheet'),
    figuresFetched: responses.filter((r) => r.url.includes('/figures/')).map((r) => decodeURIComponent(r.url)),
    katexBytes: responses.filter((r) => /katex/i.test(r.url)).reduce((total, r) => total + r.body.length, 0),
  };
}

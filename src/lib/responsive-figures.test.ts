import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { FIGURE_SIZES, figureVariants, rehypeResponsiveFigures, variantWidths } from './responsive-figures.ts';

describe('variantWidths', () => {
  const cases: [number, number[]][] = [
    [1600, [360, 640, 960, 1280]],
    [1280, [360, 640, 960, 1280]],
    [1000, [360, 640, 1000]],
    [700, [360, 700]],
    [380, [380]],
    [200, [200]],
  ];
  for (const [width, expected] of cases) {
    it(`${width} px → ${expected.join(', ')}`, () => assert.deepEqual(variantWidths(width), expected));
  }
});

describe('figureVariants', () => {
  it('names each copy after the figure, its width and format', () => {
    assert.deepEqual(
      figureVariants('笔记/截图.PNG', 700).map((variant) => variant.path),
      ['figures/笔记/截图.PNG.360.webp', 'figures/笔记/截图.PNG.700.webp'],
    );
  });
  const none: [string, number][] = [
    ['笔记/图.svg', 1600],
    ['笔记/图.png', 0],
  ];
  for (const [file, width] of none)
    it(`makes none of ${file} at ${width} px`, () => assert.deepEqual(figureVariants(file, width), []));
  it('makes them of JPEG, GIF and WebP too', () => {
    for (const file of ['a.jpg', 'a.jpeg', 'a.gif', 'a.webp']) assert.equal(figureVariants(file, 700).length, 2);
  });
});

describe('rehypeResponsiveFigures', () => {
  const run = (html: string, base = '/') => {
    const processor = unified().use(rehypeResponsiveFigures, { base });
    return toHtml(processor.runSync(fromHtml(html, { fragment: true })) as Root);
  };
  const img = (src: string, width = 1000) =>
    `<img src="${src}" alt="终端截图" width="${width}" height="500" loading="lazy" decoding="async">`;

  it('offers smaller WebP copies in a picture, and keeps the sized original as fallback', () => {
    const src = '/notes-site/figures/%E7%AC%94%E8%AE%B0/a.png';
    assert.equal(
      run(`<figure>${img(src)}<figcaption>终端截图</figcaption></figure>`, '/notes-site/'),
      `<figure><picture><source type="image/webp" srcset="${src}.360.webp 360w, ${src}.640.webp 640w, ${src}.1000.webp 1000w" sizes="${FIGURE_SIZES}">${img(src)}</picture><figcaption>终端截图</figcaption></figure>`,
    );
  });

  const unchanged: [string, string][] = [
    ['an SVG figure', `<figure>${img('/figures/a.svg')}</figure>`],
    ['an image outside a figure', `<p>${img('/figures/a.png')}</p>`],
    ['a figure not served from figures/', `<figure>${img('/elsewhere/a.png')}</figure>`],
    ['a figure without a width', '<figure><img src="/figures/a.png" alt=""></figure>'],
  ];
  for (const [name, html] of unchanged) it(`leaves ${name} as it is`, () => assert.equal(run(html), html));
});

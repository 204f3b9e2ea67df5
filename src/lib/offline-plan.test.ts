import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type FigureFiles,
  figureFileAt,
  figurePixels,
  formatBytes,
  inShell,
  isRasterOriginal,
  type NoteManifest,
  noteBytesByTier,
  noteFiles,
  precacheMode,
  storedWhenWhole,
  WHOLE_SITE_BYTES,
  widthTier,
} from './offline-plan.ts';

const MB = 1024 * 1024;

describe('precacheMode', () => {
  const cases: [number, string][] = [
    [0.6 * MB, 'whole'],
    [WHOLE_SITE_BYTES, 'whole'],
    [WHOLE_SITE_BYTES + 1, 'shell'],
    [268 * MB, 'shell'],
  ];
  for (const [bytes, mode] of cases)
    it(`${formatBytes(bytes)} → ${mode}`, () => assert.equal(precacheMode(bytes), mode));
});

describe('figurePixels and widthTier', () => {
  const cases: [number, number, number, number][] = [
    // viewport, density → pixels → tier (360, 640, 960, 1280)
    [360, 1, 328, 0],
    [360, 2, 656, 2],
    [412, 2.625, 998, 3],
    [1280, 1, 640, 1],
    [1280, 2, 1280, 3],
    [2560, 3, 1920, 3],
  ];
  for (const [viewport, density, pixels, tier] of cases) {
    it(`${viewport} px at ${density}× → ${pixels} px → tier ${tier}`, () => {
      assert.equal(figurePixels(viewport, density), pixels);
      assert.equal(widthTier(pixels), tier);
    });
  }
});

const screenshot: FigureFiles = {
  original: { url: '/figures/a.png', bytes: 115_000 },
  variants: [
    { width: 360, url: '/figures/a.png.360.webp', bytes: 8_000 },
    { width: 640, url: '/figures/a.png.640.webp', bytes: 17_000 },
    { width: 960, url: '/figures/a.png.960.webp', bytes: 27_000 },
    { width: 1280, url: '/figures/a.png.1280.webp', bytes: 36_000 },
  ],
};
const small: FigureFiles = {
  original: { url: '/figures/b.jpg', bytes: 30_000 },
  variants: [
    { width: 360, url: '/figures/b.jpg.360.webp', bytes: 5_000 },
    { width: 500, url: '/figures/b.jpg.500.webp', bytes: 9_000 },
  ],
};
const diagram: FigureFiles = { original: { url: '/figures/c.svg', bytes: 4_000 }, variants: [] };

describe('figureFileAt', () => {
  const cases: [string, FigureFiles, number, string][] = [
    ['a phone gets the narrowest copy', screenshot, 0, '/figures/a.png.360.webp'],
    ['a 2× screen the copy for 960', screenshot, 2, '/figures/a.png.960.webp'],
    ['a figure narrower than the tier gets its widest copy', small, 3, '/figures/b.jpg.500.webp'],
    ['an SVG is saved as it is', diagram, 1, '/figures/c.svg'],
  ];
  for (const [name, figure, tier, url] of cases) it(name, () => assert.equal(figureFileAt(figure, tier).url, url));
});

describe('noteFiles and noteBytesByTier', () => {
  const note: NoteManifest = {
    title: '笔记',
    pages: [{ url: '/n/', bytes: 20_000 }],
    figures: [screenshot, diagram],
    fragments: [{ url: '/pagefind/page/x.pf_page', bytes: 2_000 }],
    math: false,
  };
  it('saves the pages, the copy of each figure this screen needs, and the search fragments, each to its cache', () => {
    assert.deepEqual(
      noteFiles(note, 1).map(({ cache, file }) => `${cache} ${file.url}`),
      ['pages /n/', 'figures /figures/a.png.640.webp', 'figures /figures/c.svg', 'search /pagefind/page/x.pf_page'],
    );
  });
  it('sums a note at each tier', () => assert.deepEqual(noteBytesByTier(note), [34_000, 43_000, 53_000, 62_000]));
});

describe('formatBytes', () => {
  const cases: [number, string][] = [
    [10, '1 KB'],
    [340 * 1024, '340 KB'],
    [1.24 * MB, '1.2 MB'],
    [48.4 * MB, '48 MB'],
  ];
  for (const [bytes, text] of cases) it(`${bytes} → ${text}`, () => assert.equal(formatBytes(bytes), text));
});

describe('which files are stored', () => {
  // file, stored when whole, in the shell, in the shell with the search index
  const cases: [string, boolean, boolean, boolean][] = [
    ['index.html', true, true, true],
    ['404.html', true, true, true],
    ['offline/index.html', true, true, true],
    ['_astro/Search.astro_astro_type_script_index_0_lang.Dzpkg9n8.js', true, true, true],
    ['note-list.json', true, true, true],
    ['pagefind/pagefind.js', true, true, true],
    ['pagefind/wasm.unknown.pagefind', true, true, true],
    ['pagefind/pagefind-entry.json', true, true, true],
    ['pagefind/pagefind.zh-cn_ee86c3831a13d.pf_meta', true, false, true],
    ['pagefind/index/zh-cn_62ec9c6.pf_index', true, false, true],
    ['pagefind/filter/zh-cn_9863381.pf_filter', true, false, true],
    ['pagefind/search.pf_site', true, true, true],
    // Another group's index (src/lib/search-groups.ts): its entry file with the runtime, the rest with the index.
    ['pagefind/groups/3/pagefind-entry.json', true, true, true],
    ['pagefind/groups/3/pagefind.zh-cn_5a1b2c3d4e5f6.pf_meta', true, false, true],
    ['pagefind/groups/3/index/zh-cn_1a2b3c4.pf_index', true, false, true],
    ['pagefind/page/zh-cn_219b876.pf_page', true, false, false],
    ['pagefind/page/zh-cn_219b876-2.pf_page', true, false, false],
    ['pagefind/pagefind-component-ui.js', false, false, false],
    ['生成式ai学习笔记/index.html', true, false, false],
    ['categories/编程/index.html', true, false, false],
    ['figures/n/图.svg', true, false, false],
    ['figures/n/截图.png', false, false, false],
    ['figures/n/截图.png.640.webp', true, false, false],
    ['katex/katex.min.css', true, true, true],
    ['katex/fonts/KaTeX_Main-Regular.woff2', true, false, false],
    ['offline/site.json', false, false, false],
    ['offline/notes/笔记.json', false, false, false],
    ['sw.js', false, false, false],
    ['sitemap-0.xml', false, false, false],
  ];
  for (const [file, whole, shell, withIndex] of cases) {
    it(file, () =>
      assert.deepEqual([storedWhenWhole(file), inShell(file, false), inShell(file, true)], [whole, shell, withIndex]),
    );
  }
  it('knows an original from its copies', () =>
    assert.deepEqual(
      ['figures/a.webp', 'figures/a.webp.640.webp', 'figures/a.svg', 'notes/a.png'].map(isRasterOriginal),
      [true, false, false, false],
    ));
});

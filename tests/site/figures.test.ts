/**
 * Screenshots and photos, built: a note with PNG and JPEG figures gets
 * smaller WebP copies offered with srcset and sizes in a <picture>, the
 * original kept (sized, as the fallback and the full-size link); its SVG is
 * served as it is; and a second build encodes nothing again.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { imageSize } from 'image-size';
import { FIGURE_SIZES } from '../../src/lib/responsive-figures.ts';
import { page, select, selectAll } from '../helpers/html.ts';
import { fileForPath } from '../helpers/serve.ts';
import { builtSite, ROOT, runBuild, SITES } from '../helpers/sites.ts';

const CHAPTER = '截图笔记/1-截图与照片/index.html';
const RASTER: [string, number, number[]][] = [
  ['终端截图.png', 1600, [360, 640, 960, 1280]],
  ['山坡照片.jpg', 1200, [360, 640, 960, 1200]],
];

describe('figures that are screenshots and photos, built', () => {
  const dir = builtSite('figures');
  const chapter = page(path.join(dir, CHAPTER));
  const figures = selectAll('article figure', chapter);

  for (const [index, [file, width, widths]] of RASTER.entries()) {
    it(`offers ${file} as WebP at ${widths.join(', ')} px, keeps the sized original and links to it`, () => {
      const original = `/figures/${encodeURIComponent('截图笔记')}/${encodeURIComponent(file)}`;
      const figure = figures[index]!;
      // The figure opens in a dialog with the original, which links to the file itself (the full-size view).
      const link = select('dialog a.figure-full-size', figure)!;
      assert.equal(link.properties.href, original);
      assert.equal(select('dialog img', figure)!.properties.src, original);
      const source = select('button picture > source', figure)!;
      assert.equal(source.properties.type, 'image/webp');
      assert.equal(source.properties.sizes, FIGURE_SIZES);
      const candidates = String(source.properties.srcSet)
        .split(', ')
        .map((candidate) => candidate.split(' '));
      assert.deepEqual(
        candidates.map(([url, descriptor]) => [url, descriptor]),
        widths.map((w) => [`${original}.${w}.webp`, `${w}w`]),
      );
      const originalBytes = statSync(fileForPath(dir, '/', original)!).size;
      for (const [url, descriptor] of candidates) {
        const bytes = readFileSync(fileForPath(dir, '/', url!)!);
        assert.equal(bytes.subarray(8, 12).toString('latin1'), 'WEBP', `${url} is WebP`);
        assert.equal(`${imageSize(bytes).width}w`, descriptor, `${url} is as wide as it says`);
        assert.ok(bytes.length < originalBytes, `${url} is smaller than the original`);
      }
      const img = select('button picture > img', figure)!;
      assert.equal(img.properties.src, original);
      assert.equal(Number(img.properties.width), width);
      assert.ok(Number(img.properties.height) > 0);
      assert.equal(img.properties.loading, 'lazy');
    });
  }

  it('serves the SVG figure as it is', () => {
    const svg = figures[2]!;
    assert.equal(select('picture', svg), undefined);
    assert.match(decodeURIComponent(String(select('button > img', svg)!.properties.src)), /流程图\.svg$/);
  });

  it('encodes nothing again when a figure has not changed', () => {
    const cache = path.join(ROOT, 'node_modules/.cache/study-notes/images');
    const before = new Map(readdirSync(cache).map((name) => [name, statSync(path.join(cache, name)).ino]));
    const result = runBuild({ ...SITES.figures, outDir: '.test-out/figures-again' });
    assert.equal(result.status, 0, result.output);
    const after = new Map(readdirSync(cache).map((name) => [name, statSync(path.join(cache, name)).ino]));
    assert.deepEqual(after, before);
  });
});

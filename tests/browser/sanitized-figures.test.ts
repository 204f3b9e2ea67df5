/**
 * Sanitizing keeps a drawing as it was drawn: each of the first note's 21
 * SVG figures, and the same figure sanitized and re-serialized (what a
 * figure with something removed is published as), are drawn by Chromium in
 * the light and the dark scheme, and compared pixel by pixel. The copy that
 * is published for these figures is the original file byte for byte
 * (`sanitize-svg.test.ts`), since nothing in them needs removing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { sanitizeSvg } from '../../src/lib/sanitize-svg.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { failOnCspViolations } from '../helpers/csp.ts';
import { ROOT } from '../helpers/sites.ts';

failOnCspViolations();

const FOLDER = path.join(ROOT, 'notes/生成式AI学习笔记');
const FIGURES = readdirSync(FOLDER).filter((name) => name.endsWith('.svg'));

const dataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

describe("the first note's figures, before and after sanitizing", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('has its 21 figures', () => assert.equal(FIGURES.length, 21));

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws each figure identically after sanitizing, ${scheme}`, async () => {
      const page = await browser.newPage({ colorScheme: scheme });
      const different: string[] = [];
      for (const name of FIGURES) {
        const original = readFileSync(path.join(FOLDER, name), 'utf8');
        const rewritten = sanitizeSvg(original, { rewrite: true });
        assert.deepEqual(rewritten.removed, [], name);
        const changed = await page.evaluate(
          async ([a, b]) => {
            const draw = async (src: string) => {
              const image = new Image();
              image.src = src;
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = image.naturalWidth * 2;
              canvas.height = image.naturalHeight * 2;
              const context = canvas.getContext('2d')!;
              context.drawImage(image, 0, 0, canvas.width, canvas.height);
              return context.getImageData(0, 0, canvas.width, canvas.height).data;
            };
            const [left, right] = [await draw(a!), await draw(b!)];
            let count = 0;
            for (let i = 0; i < left.length; i += 1) if (left[i] !== right[i]) count += 1;
            return left.length === right.length ? count : -1;
          },
          [dataUrl(original), dataUrl(rewritten.svg)],
        );
        if (changed !== 0) different.push(`${name}: ${changed} bytes of pixels differ`);
      }
      await page.close();
      assert.deepEqual(different, []);
    });
  }
});

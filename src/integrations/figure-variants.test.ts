import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { makeFigureVariants } from './figure-variants.ts';

describe('makeFigureVariants', () => {
  let work: string;
  const notesDir = () => path.join(work, 'notes');
  const cacheDir = () => path.join(work, 'cache');
  const figures = ['笔记/截图.png', '笔记/动图.gif', '另一篇/同一张截图.png', '笔记/图.svg'];

  before(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'figure-variants-'));
    mkdirSync(path.join(notesDir(), '笔记'), { recursive: true });
    mkdirSync(path.join(notesDir(), '另一篇'), { recursive: true });
    const screenshot = await sharp({
      create: { width: 800, height: 400, channels: 3, background: '#1f5f8b' },
    })
      .png()
      .toBuffer();
    writeFileSync(path.join(notesDir(), figures[0]!), screenshot);
    writeFileSync(path.join(notesDir(), figures[2]!), screenshot);
    const frame = (colour: string) =>
      sharp({ create: { width: 500, height: 200, channels: 3, background: colour } })
        .raw()
        .toBuffer();
    const frames = Buffer.concat([await frame('#ff0000'), await frame('#00ff00')]);
    await sharp(frames, { raw: { width: 500, height: 400, channels: 3, pageHeight: 200 } })
      .gif()
      .toFile(path.join(notesDir(), figures[1]!));
    writeFileSync(
      path.join(notesDir(), figures[3]!),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    );
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('makes each planned copy in WebP, once for a picture used twice, and places it beside its figure', async () => {
    const result = await makeFigureVariants({ notesDir: notesDir(), figures, cacheDir: cacheDir() });
    assert.deepEqual(
      result.files.map((file) => file.to),
      [
        'figures/笔记/截图.png.360.webp',
        'figures/笔记/截图.png.640.webp',
        'figures/笔记/截图.png.800.webp',
        'figures/笔记/动图.gif.360.webp',
        'figures/笔记/动图.gif.500.webp',
        'figures/另一篇/同一张截图.png.360.webp',
        'figures/另一篇/同一张截图.png.640.webp',
        'figures/另一篇/同一张截图.png.800.webp',
      ],
    );
    assert.equal(result.made, 5, 'the same picture in two notes is encoded once');
    for (const { from, to } of result.files) {
      const meta = await sharp(readFileSync(from), { animated: true }).metadata();
      assert.equal(meta.format, 'webp', to);
      assert.equal(meta.width, Number(/\.(\d+)\.webp$/.exec(to)![1]), to);
    }
    const gif = await sharp(result.files[3]!.from, { animated: true }).metadata();
    assert.equal(gif.pages, 2, 'an animated GIF stays animated');
  });

  it('encodes nothing the second time', async () => {
    const result = await makeFigureVariants({ notesDir: notesDir(), figures, cacheDir: cacheDir() });
    assert.equal(result.made, 0);
    assert.equal(result.reused, 8);
  });

  it('encodes a figure again when it changes', async () => {
    writeFileSync(
      path.join(notesDir(), figures[0]!),
      await sharp({ create: { width: 800, height: 400, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer(),
    );
    const result = await makeFigureVariants({ notesDir: notesDir(), figures, cacheDir: cacheDir() });
    assert.equal(result.made, 3);
  });
});

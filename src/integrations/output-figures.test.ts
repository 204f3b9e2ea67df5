import assert from 'node:assert/strict';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { listFiles } from '../lib/files.ts';
import { type FigureFile, placeFigures } from './output-figures.ts';

describe('figures placed in the output', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'output-figures-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const notes = path.join(work, 'notes');
  const out = path.join(work, 'out');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const clean = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
  const scripted = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="2"/></svg>';
  const figure = (name: string): FigureFile => ({
    from: path.join(notes, name),
    to: `figures/${name}`,
    svg: name.endsWith('.svg'),
  });
  const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

  beforeEach(() => {
    rmSync(work, { recursive: true, force: true });
    write(path.join(notes, '笔记/图.png'), 'png');
    write(path.join(notes, '笔记/干净.svg'), clean);
    write(path.join(notes, '笔记/脚本.svg'), scripted);
    write(path.join(notes, '另一篇/图.png'), 'other png');
    write(path.join(out, 'index.html'), 'page');
  });
  const all = () => ['笔记/图.png', '笔记/干净.svg', '笔记/脚本.svg', '另一篇/图.png'].map(figure);

  it('places every figure, an SVG with something to remove as its sanitized copy', () => {
    const { placed, written, removed } = placeFigures(out, all(), new Map(), undefined);
    assert.equal(written, 4);
    assert.equal(removed, 0);
    assert.deepEqual(
      [...placed.keys()].sort(),
      all()
        .map((file) => file.to)
        .sort(),
    );
    assert.equal(read('figures/笔记/图.png'), 'png');
    assert.equal(read('figures/笔记/干净.svg'), clean);
    assert.doesNotMatch(read('figures/笔记/脚本.svg'), /script|alert/);
    assert.match(read('figures/笔记/脚本.svg'), /<rect/);
    assert.equal(read('index.html'), 'page', 'nothing else is touched');
  });

  it('leaves in place what the last build placed, unless its source changed', () => {
    const first = placeFigures(out, all(), new Map(), undefined);
    const again = placeFigures(out, all(), first.placed, undefined);
    assert.equal(again.written, 0);
    assert.deepEqual(again.placed, first.placed);

    // Replaced by an editor that writes a new file; then edited in place.
    write(path.join(notes, '笔记/图.png.new'), 'a new png');
    renameSync(path.join(notes, '笔记/图.png.new'), path.join(notes, '笔记/图.png'));
    write(path.join(notes, '笔记/干净.svg'), scripted);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(notes, '笔记/干净.svg'), later, later);
    const third = placeFigures(out, all(), again.placed, undefined);
    assert.equal(third.written, 2);
    assert.equal(read('figures/笔记/图.png'), 'a new png');
    assert.doesNotMatch(read('figures/笔记/干净.svg'), /script/, 'sanitized now it needs it');
    assert.equal(
      readFileSync(path.join(notes, '笔记/干净.svg'), 'utf8'),
      scripted,
      "the author's file is never written",
    );
  });

  it('removes a name no note uses before placing, so a name that is another name of the same file keeps it', () => {
    // As `图.PNG` and `图.png` are one file where case is ignored: here a linked folder gives one file two names.
    mkdirSync(path.join(out, 'figures/笔记'), { recursive: true });
    writeFileSync(path.join(out, 'figures/笔记/图.png'), 'the old png');
    symlinkSync('笔记', path.join(out, 'figures/别名'));
    const { written, removed } = placeFigures(
      out,
      [figure('笔记/图.png')],
      new Map([['figures/别名/图.png', 'sig-of-old']]),
      undefined,
    );
    assert.deepEqual([written, removed], [1, 1]);
    assert.equal(read('figures/笔记/图.png'), 'png');
  });

  it("never writes into a file already at a place, which may be a link to an author's figure", () => {
    write(path.join(notes, '作者的.webp'), "the author's own");
    mkdirSync(path.join(out, 'figures/笔记'), { recursive: true });
    linkSync(path.join(notes, '作者的.webp'), path.join(out, 'figures/笔记/图.png'));
    placeFigures(out, [figure('笔记/图.png')], new Map(), undefined);
    assert.equal(read('figures/笔记/图.png'), 'png');
    assert.equal(readFileSync(path.join(notes, '作者的.webp'), 'utf8'), "the author's own");
  });

  it('places the first of two figures for one place', () => {
    const copy = { from: path.join(notes, '另一篇/图.png'), to: 'figures/笔记/图.png', svg: false, named: true };
    const { placed, written } = placeFigures(out, [figure('笔记/图.png'), copy], new Map(), undefined);
    assert.equal(written, 1);
    assert.equal(placed.size, 1);
    assert.equal(read('figures/笔记/图.png'), 'png');
  });

  it('knows a smaller copy by its name, whose time the cache touches every build', () => {
    const copy = {
      from: path.join(notes, '另一篇/图.png'),
      to: 'figures/另一篇/图.png.640.webp',
      svg: false,
      named: true,
    };
    const first = placeFigures(out, [copy], new Map(), undefined);
    const later = new Date(Date.now() + 5000);
    utimesSync(copy.from, later, later);
    assert.equal(placeFigures(out, [copy], first.placed, undefined).written, 0);
  });

  it('leaves out, and names, a figure removed since the notes were loaded', () => {
    rmSync(path.join(notes, '另一篇/图.png'));
    const { missing, placed } = placeFigures(out, all(), new Map(), undefined);
    assert.deepEqual(missing, [path.join(notes, '另一篇/图.png')]);
    assert.equal(placed.has('figures/另一篇/图.png'), false);
    assert.equal(read('figures/笔记/图.png'), 'png');
  });

  it('removes the figures no note uses any more, and the folders they leave empty', () => {
    const first = placeFigures(out, all(), new Map(), undefined);
    const fewer = all().filter((file) => !file.to.includes('另一篇'));
    const { placed, removed, written } = placeFigures(out, fewer, first.placed, undefined);
    assert.equal(removed, 1);
    assert.equal(written, 0);
    assert.equal(placed.has('figures/另一篇/图.png'), false);
    assert.equal(existsSync(path.join(out, 'figures/另一篇')), false);
    assert.deepEqual(listFiles(out), [
      'figures/笔记/图.png',
      'figures/笔记/干净.svg',
      'figures/笔记/脚本.svg',
      'index.html',
    ]);
  });
});

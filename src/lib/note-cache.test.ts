import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { buildNotes } from './build-notes.ts';
import { pipelineFingerprint } from './note-cache.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const svg = (width: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="50"><desc>示意</desc></svg>`;

describe('the note cache', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'note-cache-'));
  const notesDir = path.join(work, 'notes');
  const cacheDir = path.join(work, 'cache');
  const note = (body: string) =>
    writeFileSync(path.join(notesDir, '甲.md'), `---\ntitle: 甲\n---\n\n# 1 一\n\n${body}\n`);
  const build = async () => (await buildNotes({ notesDir, base: '/', root: ROOT, cacheDir })).content;

  beforeEach(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(path.join(notesDir, '甲'), { recursive: true });
    writeFileSync(path.join(notesDir, '甲', '图.svg'), svg(100));
    note('正文。\n\n![图](甲/图.svg)');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('gives the same notes from the cache when nothing changed', async () => {
    const first = await build();
    const second = await build();
    assert.equal(first.cachedNotes, 0);
    assert.equal(second.cachedNotes, 1);
    assert.deepEqual({ ...second, cachedNotes: 0 }, first);
  });

  it('renders a note again when its text changed', async () => {
    await build();
    note('改过的正文。\n\n![图](甲/图.svg)');
    const again = await build();
    assert.equal(again.cachedNotes, 0);
    assert.match(again.notes[0]!.chapters[0]!.html, /改过的正文/);
  });

  it('renders a note again when a figure it uses changed', async () => {
    await build();
    writeFileSync(path.join(notesDir, '甲', '图.svg'), svg(240));
    const again = await build();
    assert.equal(again.cachedNotes, 0);
    assert.match(again.notes[0]!.chapters[0]!.html, /width="240"/);
  });

  it('renders again for another base path', async () => {
    await build();
    const { content: other } = await buildNotes({ notesDir, base: '/notes-site/', root: ROOT, cacheDir });
    assert.equal(other.cachedNotes, 0);
  });

  it('never remembers a broken note: its error shows on every build', async () => {
    note('![没有这张](甲/没有.svg)');
    for (let i = 0; i < 2; i += 1) {
      const { content, problems } = await buildNotes({ notesDir, base: '/', root: ROOT, cacheDir });
      assert.deepEqual(content.notes, []);
      assert.deepEqual(
        problems.map((p) => [p.severity, p.line]),
        [['error', 7]],
      );
    }
  });

  it('remembers a note with warnings, and its warnings: every build lists them', async () => {
    note('要花 $5 和 $6 块钱。');
    for (let i = 0; i < 2; i += 1) {
      const { content, problems } = await buildNotes({ notesDir, base: '/', root: ROOT, cacheDir });
      assert.equal(content.cachedNotes, i);
      assert.deepEqual(
        problems.map((p) => [p.severity, p.line, p.file.endsWith('甲.md')]),
        [['warning', 7, true]],
      );
    }
  });

  it('fingerprints the pipeline: its code and locked dependencies', () => {
    assert.equal(pipelineFingerprint(ROOT), pipelineFingerprint(ROOT));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'no-pipeline-'));
    assert.notEqual(
      pipelineFingerprint(elsewhere),
      pipelineFingerprint(elsewhere),
      'without sources nothing is trusted',
    );
    rmSync(elsewhere, { recursive: true, force: true });
  });
});

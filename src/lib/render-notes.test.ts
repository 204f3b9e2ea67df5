import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { type RenderJob, renderNotes } from './render-notes.ts';

describe('rendering notes on every core', () => {
  const notesDir = mkdtempSync(path.join(tmpdir(), 'render-notes-'));
  after(() => rmSync(notesDir, { recursive: true, force: true }));
  const jobs: RenderJob[] = Array.from({ length: 16 }, (_, n) => ({
    source: {
      relativePath: `笔记${n}.md`,
      displayFile: `notes/笔记${n}.md`,
      text: `---\ntitle: 笔记${n}\n---\n\n# 第一章\n\n正文 $x^${n}$。\n\n# 第二章\n\n\`\`\`js\nlet n = ${n};\n\`\`\`\n`,
    },
    base: '/',
    math: true,
    notesDir,
    notesDisplayDir: 'notes',
    svgCacheDir: undefined,
  }));

  it('renders in threads what it renders here, in the order of the jobs', async () => {
    const here = await renderNotes(jobs, { threads: 1 });
    assert.equal(here[3]?.loaded.note?.title, '笔记3');
    assert.deepEqual(await renderNotes(jobs, { threads: 2 }), here);
  });

  it('renders here a note its thread had no room for', async () => {
    const here = await renderNotes(jobs.slice(0, 16), { threads: 1 });
    // A heap too small for any note: every thread runs out of memory, every note is rendered here instead.
    const starved = await renderNotes(jobs.slice(0, 16), {
      threads: 2,
      threadHeap: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 },
    });
    assert.deepEqual(starved, here);
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { folderMaker, listFiles, removeUnused, timeTellsChanges } from './files.ts';

describe('listFiles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (relative: string) => {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), relative);
  };
  write('notes/b.md');
  write('notes/a/笔记.md');
  write('notes/.git/config');
  write('elsewhere/借来的.md');
  symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'notes/linked-folder'));
  symlinkSync(path.join(dir, 'elsewhere/借来的.md'), path.join(dir, 'notes/linked-file.md'));
  symlinkSync(path.join(dir, 'notes'), path.join(dir, 'notes/a/loop'));
  symlinkSync(path.join(dir, 'nothing'), path.join(dir, 'notes/dangling.md'));

  it('lists files relative and sorted, following linked folders and files, once each, skipping what it is told', () => {
    assert.deepEqual(listFiles(path.join(dir, 'notes'), { skipFolder: (name) => name.startsWith('.') }), [
      'a/笔记.md',
      'b.md',
      'linked-file.md',
      'linked-folder/借来的.md',
    ]);
  });

  it('lists nothing for a folder that does not exist', () => {
    assert.deepEqual(listFiles(path.join(dir, 'missing')), []);
  });
});

describe('removeUnused', () => {
  it('removes files and folders unchanged for the given days, except those kept, and always those named so', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'remove-unused-'));
    try {
      const weeksAgo = new Date(Date.now() - 20 * 24 * 60 * 60 * 1000);
      for (const name of ['old.json', 'old-folder', 'kept-folder', 'new.json', 'half.tmp']) {
        const entry = path.join(dir, name);
        if (name.includes('folder')) {
          mkdirSync(entry);
          writeFileSync(path.join(entry, 'inside'), 'x');
        } else writeFileSync(entry, 'x');
        if (name.startsWith('old') || name.startsWith('kept')) utimesSync(entry, weeksAgo, weeksAgo);
      }
      removeUnused(dir, 14, { keep: (name) => name === 'kept-folder', always: (name) => name.endsWith('.tmp') });
      assert.deepEqual(readdirSync(dir).sort(), ['kept-folder', 'new.json']);
      removeUnused(path.join(dir, 'missing'), 14);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what a file says of itself', () => {
  it('has a modification time that tells a later change, unless whole seconds and written in the last two', () => {
    const now = Date.now();
    assert.equal(timeTellsChanges({ mtimeMs: now - 12.345 }), true, 'finer than seconds');
    assert.equal(timeTellsChanges({ mtimeMs: Math.floor(now / 1000) * 1000 }), false, 'whole seconds, just written');
    assert.equal(timeTellsChanges({ mtimeMs: Math.floor(now / 1000) * 1000 - 5000 }), true, 'whole seconds, older');
  });

  it('makes the folder of each file to be written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folders-'));
    try {
      const makeFolder = folderMaker();
      for (const file of ['甲/乙/1.txt', '甲/乙/2.txt', '丙/3.txt']) {
        makeFolder(path.join(dir, file));
        writeFileSync(path.join(dir, file), file);
      }
      assert.deepEqual(listFiles(dir), ['丙/3.txt', '甲/乙/1.txt', '甲/乙/2.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { assemblePublicFiles } from './public-files.ts';

describe('public files', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'public-files-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const notes = path.join(work, 'notes');
  const project = path.join(work, 'public');
  write(path.join(notes, '笔记/图.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
  write(path.join(notes, '笔记/图.png'), 'png');
  write(path.join(project, 'favicon.svg'), 'icon');

  it('assembles the project public folder and the figures under figures/, as links to the files', () => {
    const target = path.join(work, 'assembled');
    const count = assemblePublicFiles(target, {
      projectPublic: project,
      notesDir: notes,
      figures: ['笔记/图.svg', '笔记/图.png'],
      katex: false,
    });
    assert.equal(count, 3);
    assert.equal(readFileSync(path.join(target, 'favicon.svg'), 'utf8'), 'icon');
    assert.equal(statSync(path.join(target, 'figures/笔记/图.png')).ino, statSync(path.join(notes, '笔记/图.png')).ino);
  });
});

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { listFiles } from '../lib/files.ts';
import { astroCacheState, forgetOutput, prepareOutput, recordOutput, removeStalePages } from './kept-output.ts';

describe('the output a rebuild writes into', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'kept-output-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const out = path.join(work, 'dist');
  const record = path.join(work, 'record');
  const write = (file: string, text = 'x') => {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  };
  beforeEach(() => {
    rmSync(out, { recursive: true, force: true });
    for (const file of [
      'index.html',
      '笔记/1-第一章/index.html',
      '笔记/1-第一章/figure.png',
      '_astro/page.abc123.js',
      'pagefind/page/1.pf_page',
      'figures/笔记/图.svg',
      'sw.js',
      '.git/HEAD',
    ])
      write(file);
  });

  it('keeps only the pages and the recorded files when the last build into the output recorded what this one is built from', () => {
    recordOutput(record, 'notes\nstate-1', {
      figures: new Map([
        ['figures/笔记/图.svg', 'sig-1'],
        ['figures/gone.png', 'sig-2'],
      ]),
      manifests: new Map([['sw.js', 'sig-3']]),
      none: new Map(),
    });
    const kept = prepareOutput(out, record, 'notes\nstate-1');
    assert.deepEqual(kept.pages, ['index.html', '笔记/1-第一章/index.html']);
    assert.deepEqual(
      kept.files,
      {
        figures: new Map([['figures/笔记/图.svg', 'sig-1']]),
        manifests: new Map([['sw.js', 'sig-3']]),
        none: new Map(),
      },
      'each kind as recorded; a recorded file no longer there is not kept',
    );
    assert.deepEqual(listFiles(out), [
      '.git/HEAD',
      'figures/笔记/图.svg',
      'index.html',
      'sw.js',
      '笔记/1-第一章/index.html',
    ]);
    assert.equal(existsSync(path.join(out, '_astro')), false, 'folders left empty are removed');
    assert.equal(existsSync(record), false, 'the record holds until the build succeeds');
  });

  it('empties the output (but for .git) when it was built from anything else, or nothing was recorded', () => {
    recordOutput(record, 'notes\nstate-1', { figures: new Map([['figures/笔记/图.svg', 'sig-1']]) });
    assert.deepEqual(prepareOutput(out, record, 'notes\nstate-2'), nothingKept);
    assert.deepEqual(listFiles(out), ['.git/HEAD']);
    writeSomePages();
    assert.deepEqual(
      prepareOutput(out, record, 'notes\nstate-1'),
      nothingKept,
      'a build that did not finish left no record',
    );
    assert.deepEqual(listFiles(out), ['.git/HEAD']);
    writeSomePages();
    recordOutput(record, 'notes\nstate-1');
    forgetOutput(record);
    assert.deepEqual(
      prepareOutput(out, record, 'notes\nstate-1'),
      nothingKept,
      'a build that kept nothing forgot the record',
    );
    writeSomePages();
    recordOutput(record, undefined);
    assert.deepEqual(prepareOutput(out, record, undefined), nothingKept, 'no incremental build, nothing to match');
    writeSomePages();
    writeFileSync(record, 'notes\nstate-1');
    assert.deepEqual(prepareOutput(out, record, 'notes\nstate-1'), nothingKept, 'a record an older build wrote');
    assert.deepEqual(listFiles(out), ['.git/HEAD']);
  });

  it('starts from nothing when there is no output yet', () => {
    rmSync(out, { recursive: true, force: true });
    recordOutput(record, 'notes\nstate-1');
    assert.deepEqual(prepareOutput(out, record, 'notes\nstate-1'), nothingKept);
    assert.deepEqual(listFiles(out), []);
  });

  it('removes the kept pages this build did not make, and the folders they leave empty; nothing else', () => {
    write('旧笔记/index.html');
    write('旧笔记/1-一章/index.html');
    recordOutput(record, 'same');
    const kept = prepareOutput(out, record, 'same').pages;
    // What this build wrote: a page, a file beside the kept pages, and an HTML file that is not a page.
    write('_astro/demo.b1x2.html');
    write('笔记/1-第一章/figure.png');
    const removed = removeStalePages(out, kept, new Set(['index.html', '笔记/1-第一章/index.html']));
    assert.equal(removed, 2);
    assert.equal(existsSync(path.join(out, '旧笔记')), false);
    assert.deepEqual(listFiles(out), [
      '.git/HEAD',
      '_astro/demo.b1x2.html',
      'index.html',
      '笔记/1-第一章/figure.png',
      '笔记/1-第一章/index.html',
    ]);
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'x');
  });

  it('keeps a kept name that is the same file as a page this build made (a note renamed only in case)', () => {
    // Where case is ignored, `Note/` and `note/` are one folder: here a linked folder gives one page two names.
    write('笔记/index.html', 'made by this build');
    symlinkSync('笔记', path.join(out, '别名'));
    const removed = removeStalePages(
      out,
      ['别名/index.html', '笔记/1-第一章/index.html'],
      new Set(['笔记/index.html']),
    );
    assert.equal(removed, 1, 'only the page that is no other page');
    assert.equal(readFileSync(path.join(out, '笔记/index.html'), 'utf8'), 'made by this build');
  });

  it("reads Astro's cache state from its manifest, none without one", () => {
    const cache = path.join(work, 'astro-cache');
    mkdirSync(cache, { recursive: true });
    assert.equal(astroCacheState(cache), undefined);
    writeFileSync(path.join(cache, 'incremental-build.json'), '{"version":1}');
    const first = astroCacheState(cache);
    assert.match(first ?? '', /^[0-9a-f]{64}$/);
    writeFileSync(path.join(cache, 'incremental-build.json'), '{"version":1,"routes":{}}');
    assert.notEqual(astroCacheState(cache), first);
  });

  const nothingKept = { pages: [], files: {} };

  function writeSomePages() {
    write('index.html');
    write('_astro/page.abc123.js');
  }
});

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { listFiles } from '../lib/files.ts';
import { astroCacheState, prepareOutput, recordOutput, removeStalePages } from './kept-output.ts';

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

  it("keeps only the pages when the last build recorded Astro's cache as it is now", () => {
    recordOutput(record, 'state-1');
    assert.equal(prepareOutput(out, record, 'state-1'), 'kept');
    assert.deepEqual(listFiles(out), ['.git/HEAD', 'index.html', '笔记/1-第一章/index.html']);
    assert.equal(existsSync(path.join(out, '_astro')), false, 'folders left empty are removed');
    assert.equal(existsSync(record), false, 'the record holds until the build succeeds');
  });

  it("empties the output (but for .git) when Astro's cache changed since, or nothing was recorded", () => {
    recordOutput(record, 'state-1');
    assert.equal(prepareOutput(out, record, 'state-2'), 'emptied');
    assert.deepEqual(listFiles(out), ['.git/HEAD']);
    beforeEachAgain();
    assert.equal(prepareOutput(out, record, 'state-1'), 'emptied', 'a build that did not finish left no record');
    assert.deepEqual(listFiles(out), ['.git/HEAD']);
    beforeEachAgain();
    recordOutput(record, undefined);
    assert.equal(prepareOutput(out, record, undefined), 'emptied', 'no incremental build, nothing to match');
  });

  it('starts from nothing when there is no output yet', () => {
    rmSync(out, { recursive: true, force: true });
    recordOutput(record, 'state-1');
    assert.equal(prepareOutput(out, record, 'state-1'), 'kept');
    assert.deepEqual(listFiles(out), []);
  });

  it('removes the pages this build did not make, and the folders they leave empty', () => {
    write('旧笔记/index.html');
    write('旧笔记/1-一章/index.html');
    const removed = removeStalePages(out, new Set(['index.html', '笔记/1-第一章/index.html']));
    assert.equal(removed, 2);
    assert.equal(existsSync(path.join(out, '旧笔记')), false);
    assert.ok(existsSync(path.join(out, 'sw.js')), 'files other than pages are not this step’s to judge');
    assert.ok(existsSync(path.join(out, '笔记/1-第一章/figure.png')));
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'x');
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

  function beforeEachAgain() {
    write('index.html');
    write('_astro/page.abc123.js');
  }
});

/**
 * A rebuild after editing one note (removing another, adding a third) reuses what did
 * not change (rendered notes, pages kept in the output, figure copies,
 * search) and must give exactly the site a clean build gives: every file,
 * byte for byte, and none of the removed note's.
 */
import assert from 'node:assert/strict';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { listFiles } from '../../src/lib/files.ts';
import { ROOT, runBuild } from '../helpers/sites.ts';

describe('a rebuild after editing one note', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'incremental-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const notesDir = path.join(work, 'notes');
  cpSync(path.join(ROOT, 'tests/fixtures/site-notes'), notesDir, { recursive: true });
  // A figure of the note the rebuild removes (its folder stays): the rebuild must not publish it any more.
  mkdirSync(path.join(notesDir, '单页笔记'));
  writeFileSync(
    path.join(notesDir, '单页笔记/旧图.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20" viewBox="0 0 30 20"><rect width="3" height="3"/></svg>',
  );
  appendFileSync(path.join(notesDir, '单页笔记.md'), '\n![旧图](单页笔记/旧图.svg)\n');
  // The search index in groups of about a page (src/lib/search-groups.ts), as a large site's: a rebuild indexes
  // again only the groups of the notes that changed.
  const build = (outDir: string, cache: string, env: Record<string, string> = { SEARCH_GROUP_PAGES: '1' }) => {
    const result = runBuild(
      { notesDir, base: '/notes-site/', outDir: path.join(work, outDir) },
      { NOTES_CACHE: cache === 'off' ? 'off' : path.join(work, cache), ...env },
    );
    assert.equal(result.status, 0, result.output);
    return result.output;
  };

  it('renders only what changed, and equals a clean build file for file', () => {
    build('site', 'cache');
    appendFileSync(path.join(notesDir, '数学笔记.md'), '\n改过的一段：$a^2+b^2=c^2$。\n');
    // A figure redrawn under the same name, saved as editors do (a new file put in its place): the rebuild must
    // publish the new drawing, though the last build's output holds a link to the old file.
    const figure = path.join(notesDir, '数学笔记/示意图.svg');
    writeFileSync(
      `${figure}.new`,
      readFileSync(figure, 'utf8').replace('</svg>', '<circle cx="5" cy="5" r="4"/></svg>'),
    );
    renameSync(`${figure}.new`, figure);
    // A note removed: its pages must not outlive it.
    assert.ok(existsSync(path.join(work, 'site', '单页笔记/index.html')));
    rmSync(path.join(notesDir, '单页笔记.md'));
    // A new note, the newest: it comes first among the notes, so every other note's number changes.
    writeFileSync(
      path.join(notesDir, '新笔记.md'),
      '---\ntitle: 新笔记\ndate: 2099-01-01\n---\n\n新写的一段。\n\n![新图](新笔记/新图.svg)\n',
    );
    // With a figure to sanitize: the rebuild places its sanitized copy.
    mkdirSync(path.join(notesDir, '新笔记'));
    writeFileSync(
      path.join(notesDir, '新笔记/新图.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><script>alert(1)</script><rect width="4" height="4"/></svg>',
    );
    const output = build('site', 'cache');
    assert.match(output, /unchanged since the last build/, 'rendered notes were reused');
    assert.match(output, /writing into the last build’s output/, 'the output was not emptied');
    assert.match(output, /\(cached\)/, 'pages were kept where they were');
    assert.match(output, /removed [1-9]\d* pages of the last build that no note makes any more/);
    assert.match(
      output,
      /reusing [1-9]\d* prepared pages and [1-9]\d* files of text/,
      'search reused what did not change',
    );
    assert.match(
      output,
      /in \d+ groups \([1-9]\d* indexed, [1-9]\d* kept\)/,
      'search indexed again only the groups of the notes that changed, whatever their numbers',
    );
    build('clean', 'off');
    const rebuilt = listFiles(path.join(work, 'site'));
    const clean = listFiles(path.join(work, 'clean'));
    assert.deepEqual(rebuilt, clean);
    const differ = clean.filter(
      (file) => !readFileSync(path.join(work, 'site', file)).equals(readFileSync(path.join(work, 'clean', file))),
    );
    assert.deepEqual(differ, []);
    assert.match(readFileSync(path.join(work, 'site', '数学笔记/2-没有公式的一章/index.html'), 'utf8'), /改过的一段/);
    assert.match(readFileSync(path.join(work, 'site', 'figures/数学笔记/示意图.svg'), 'utf8'), /<circle/);
    assert.doesNotMatch(readFileSync(path.join(work, 'site', 'figures/新笔记/新图.svg'), 'utf8'), /script/);
    assert.equal(existsSync(path.join(work, 'site', '单页笔记')), false);
    assert.equal(existsSync(path.join(work, 'site', 'figures/单页笔记')), false, "the removed note's figure went");
  });

  it('starts from an empty output when another build changed what Astro keeps since', () => {
    appendFileSync(path.join(notesDir, '数学笔记.md'), '\n又改了一段。\n');
    // Another output of the notes as they are now: Astro's record of its pages is this build's.
    build('clean-again', 'off', {});
    writeFileSync(path.join(work, 'site', 'stray.html'), 'no build made this');
    // One search index (a small site's, as by default), where the last build into this output had groups.
    const output = build('site', 'cache', {});
    assert.doesNotMatch(output, /writing into the last build’s output/);
    const rebuilt = listFiles(path.join(work, 'site'));
    assert.deepEqual(rebuilt, listFiles(path.join(work, 'clean-again')));
    const differ = rebuilt.filter(
      (file) => !readFileSync(path.join(work, 'site', file)).equals(readFileSync(path.join(work, 'clean-again', file))),
    );
    assert.deepEqual(differ, []);
  });
});

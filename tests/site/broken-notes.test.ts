/**
 * A broken note stops the build with `file:line`, what is wrong and what to
 * do, never a stack trace, and nothing is written.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runBuild } from '../helpers/sites.ts';

const cases = [
  { name: 'front-matter', at: 'tests/fixtures/broken/front-matter/坏的.md:3:', says: /front matter cannot be read/ },
  {
    name: 'missing-figure',
    at: 'tests/fixtures/broken/missing-figure/缺图.md:9:',
    says: /looked for tests\/fixtures\/broken\/missing-figure\/缺图\/没有这张.png/,
  },
  {
    name: 'duplicate-chapter',
    at: 'tests/fixtures/broken/duplicate-chapter/重复.md:5:',
    says: /chapter 1 appears twice/,
  },
  {
    name: 'not-an-image',
    at: 'tests/fixtures/broken/not-an-image/空图.md:7:',
    says: /the figure 空图\/文本.png is not an image: it holds text, not image data/,
  },
  {
    name: 'same-page',
    at: 'tests/fixtures/broken/same-page/书/1-甲.md:1:',
    says: /this note and the page "1 甲" of tests\/fixtures\/broken\/same-page\/书.md would both be published at \/书\/1-甲\//,
  },
  { name: 'bad-math', at: 'tests/fixtures/broken/bad-math/公式.md:9:', says: /invalid TeX/ },
  {
    name: 'orphan-footnote',
    at: 'tests/fixtures/broken/orphan-footnote/脚注.md:9:',
    says: /footnote \[\^注\] is never referred to/,
  },
];

describe('building a site with no notes yet', () => {
  it('builds its home and search (nothing to index), as a new project starts', () => {
    const notesDir = mkdtempSync(path.join(tmpdir(), 'no-notes-'));
    const outDir = '.test-out/no-notes';
    const result = runBuild({ notesDir, base: '/', outDir });
    rmSync(notesDir, { recursive: true, force: true });
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /indexed 0 pages for search/);
    for (const file of ['index.html', 'pagefind/pagefind.js', 'pagefind/search.pf_site', 'sw.js']) {
      assert.ok(existsSync(path.join(ROOT, outDir, file)), file);
    }
  });
});

describe('building broken notes', () => {
  for (const c of cases) {
    it(`fails on ${c.name} with file:line and a hint`, () => {
      const result = runBuild({
        notesDir: `tests/fixtures/broken/${c.name}`,
        base: '/',
        outDir: `.test-out/broken-${c.name}`,
      });
      assert.equal(result.status, 1, result.output);
      assert.ok(result.output.includes(c.at), result.output);
      assert.match(result.output, c.says);
      assert.match(result.output, /\n {2}hint: \S/);
      assert.doesNotMatch(result.output, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
    });
  }

  it('reports every problem of every note in one build, each at its line, warnings listed too', () => {
    const result = runBuild({
      notesDir: 'tests/fixtures/broken/several',
      base: '/',
      outDir: '.test-out/broken-several',
    });
    assert.equal(result.status, 1, result.output);
    const dir = 'tests/fixtures/broken/several';
    const reported = [...result.output.matchAll(/^(tests\/\S+\.md):(\d+): (warning: )?/gm)].map(
      ([, file, line, warning]) => `${file}:${line}${warning ? ' warning' : ''}`,
    );
    assert.deepEqual(reported.sort(), [
      `${dir}/乙.md:3`,
      `${dir}/乙.md:6 warning`,
      `${dir}/乙.md:8`,
      `${dir}/甲.md:13`,
      `${dir}/甲.md:7`,
      `${dir}/甲.md:9`,
    ]);
    assert.match(result.output, /The notes have 5 problems; the site was not built/);
    assert.doesNotMatch(result.output, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
  });
});

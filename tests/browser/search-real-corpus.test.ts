/**
 * Search on the real corpus (Debian's Chinese man pages and books, about
 * 1,500 pages in both scripts: `tests/helpers/real-corpus-site.ts`), with
 * its query set (`tests/real-corpus-queries.ts`) typed into the dialog as a
 * reader would: at least 90% of the cases land where they must (the answer
 * among the first five, under the right section), and no page with the
 * query's characters only apart is ever shown above a page with the phrase.
 * Also: a traditional page's excerpt is shown in traditional characters.
 *
 * The corpus is made and built the first time (a few minutes; kept in
 * `.corpus/` until the corpus or the site's code changes).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { realCorpusSite } from '../helpers/real-corpus-site.ts';
import { scatteredAbovePhrase } from '../helpers/search-judge.ts';
import { type QueryRun, type QuerySet, realCorpusSet } from '../helpers/search-sets.ts';
import { SITE_UI, typeQuery } from '../helpers/search-ui.ts';
import { type StaticSite, serveSite } from '../helpers/serve.ts';
import { REAL_CORPUS_CASES } from '../real-corpus-queries.ts';

/** The share of cases that must pass. */
const PASS_RATE = 0.9;

describe('search on the real corpus', () => {
  let browser: Browser;
  let site: StaticSite;
  let set: QuerySet;
  let notePaths: Map<string, string>;
  const runs: QueryRun[] = [];
  before(
    async () => {
      const corpus = await realCorpusSite((line) => console.log(`  ${line}`));
      set = realCorpusSet(corpus.dir, corpus.notePaths);
      notePaths = corpus.notePaths;
      site = await serveSite(corpus.dir, '/');
      browser = await launchBrowser();
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(site.url);
      await SITE_UI.open(page);
      for (const query of set.queries) runs.push({ query, ...(await typeQuery(page, SITE_UI, query)) });
      await page.close();
    },
    { timeout: 30 * 60_000 },
  );
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has at least 40 cases of every kind', () => {
    assert.ok(REAL_CORPUS_CASES.length >= 40);
    assert.deepEqual(
      new Set(REAL_CORPUS_CASES.map((c) => c.kind)),
      new Set(['simplified', 'traditional', 'taiwan-vocabulary', 'mixed']),
    );
  });

  it(`lands at least ${PASS_RATE * 100}% of the cases where they must`, () => {
    const failures = runs.flatMap((run, index) => {
      const why = set.judge(index, run);
      return why ? [`${run.query}: ${why}`] : [];
    });
    const passed = runs.length - failures.length;
    console.log(`  ${passed}/${runs.length} passed; failing:\n    ${failures.join('\n    ')}`);
    assert.ok(passed / runs.length >= PASS_RATE, `${passed}/${runs.length} passed:\n${failures.join('\n')}`);
  });

  it('never shows a page with the characters only apart above a page with the phrase', () => {
    const wrong = runs.flatMap((run, index) => {
      const at = scatteredAbovePhrase(set.exact(index, run));
      return at === undefined ? [] : [`${run.query}: result ${at + 1} (${run.urls[at]}) lacks the phrase`];
    });
    assert.deepEqual(wrong, []);
  });

  it('shows no metadata, JSON or index form', () => {
    for (const run of runs) {
      for (const text of run.texts) {
        // JSON or Pagefind's metadata (a page's own braces, as pandoc's `{.literal}`, are its text).
        assert.doesNotMatch(text, /\{"|"\w+":|Sections|data-pagefind|\u200B/, `${run.query}: ${text}`);
        // The index form: single Han characters between spaces (a page may space its own words, not every character).
        assert.doesNotMatch(text, /(?:\p{Script=Han} ){4}\p{Script=Han}/u, `${run.query}: ${text}`);
      }
    }
  });

  it("shows a traditional page's excerpt in its own (traditional) characters", () => {
    const run = runs.find((r) => r.query === '時區資訊')!;
    const tzfile = `/${notePaths.get('zh_TW/man5/tzfile.5.md')}`;
    const at = run.urls.findIndex((url) => url.startsWith(tzfile));
    assert.ok(at >= 0, run.urls.join(', '));
    const excerpts = run.excerpts[at]!.join(' ');
    assert.match(excerpts, /時區資訊/);
    assert.doesNotMatch(excerpts, /时区|资讯/);
  });
});

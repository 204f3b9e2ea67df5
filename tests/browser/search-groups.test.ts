/**
 * A search index in groups of notes (`src/lib/search-groups.ts`) finds what
 * one index finds: the same notes built twice (one index, and groups of
 * about a page), the same queries typed into both dialogs. On the notes made
 * for search, and on notes where Pagefind alone would differ between the two
 * (a word whose start is a word of another group, characters only some groups
 * have).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { listFiles } from '../../src/lib/files.ts';
import { groupCount, groupOf } from '../../src/lib/search-groups.ts';
import type { SiteTable } from '../../src/lib/search-store.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { failOnCspViolations } from '../helpers/csp.ts';
import { SITE_UI, typeQuery } from '../helpers/search-ui.ts';
import { serveSite } from '../helpers/serve.ts';
import { builtSite, SITES, type SiteName } from '../helpers/sites.ts';

failOnCspViolations();

interface Shown {
  urls: string[];
  /** Whether each result is a weak one (the query's characters apart). */
  weak: boolean[];
}

const table = (out: string): SiteTable =>
  JSON.parse(gunzipSync(readFileSync(path.join(out, 'pagefind/search.pf_site'))).toString()) as SiteTable;

/** Types each query into a built site's search and reads the results. */
async function searchAll(browser: Browser, name: SiteName, queries: string[]): Promise<Shown[]> {
  const site = await serveSite(builtSite(name), SITES[name].base);
  const page = await browser.newPage();
  try {
    await page.goto(site.url);
    await SITE_UI.open(page);
    const shown: Shown[] = [];
    for (const query of queries) {
      const { urls } = await typeQuery(page, SITE_UI, query, 50);
      const weak = await page
        .locator(SITE_UI.result)
        .evaluateAll((items) => items.slice(0, 50).map((item) => item.classList.contains('search-result-weak')));
      shown.push({ urls, weak });
    }
    return shown;
  } finally {
    await page.close();
    await site.close();
  }
}

const CASES: { one: SiteName; grouped: SiteName; queries: string[] }[] = [
  {
    one: 'search',
    grouped: 'searchGroups',
    // Phrases, a phrase whose characters are only apart (weak results), traditional and Taiwan words, Latin, nothing.
    queries: [
      '信号量',
      '进程',
      '同步',
      '嵌套之后',
      '模板',
      '粗体',
      '信号码',
      '号码',
      '网络接口',
      '網路介面',
      '内存',
      '磁碟配額',
      'quota',
      'article',
      'C++',
      '计数器 进程',
      '写在',
      'xyzzyplugh',
    ],
  },
  {
    one: 'groupNotes',
    grouped: 'groupNotesInGroups',
    queries: [
      'sudo',
      'sudo 配置',
      'sudoers',
      'su',
      'su 命令',
      '内存',
      '记忆体',
      '存储',
      '交换 内存',
      'visudo',
      'sudox',
      'cafe',
      'café',
      'cafe 菜单',
    ],
  },
];

describe('a search index in groups', () => {
  const shown = new Map<SiteName, Shown[]>();
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    for (const { one, grouped, queries } of CASES) {
      shown.set(one, await searchAll(browser, one, queries));
      shown.set(grouped, await searchAll(browser, grouped, queries));
    }
  });
  after(async () => {
    await browser?.close();
  });

  for (const { one, grouped } of CASES) {
    it(`${grouped}: is built as groups, the first at the top of the bundle, the others with only their index`, () => {
      const out = builtSite(grouped);
      const { groups = [] } = table(out);
      assert.ok(groups.length >= 2, `groups: ${groups.join(', ')}`);
      for (const folder of groups) {
        assert.match(folder, /^groups\/\d+\/$/);
        assert.ok(existsSync(path.join(out, 'pagefind', folder, 'pagefind-entry.json')), folder);
        assert.ok(!existsSync(path.join(out, 'pagefind', folder, 'pagefind.js')), `${folder}: no second runtime`);
      }
      assert.deepEqual(table(builtSite(one)).groups, [], 'one index unless groups are asked for');
      // The same pages either way.
      assert.equal(table(out).pages, table(builtSite(one)).pages);
    });
  }

  it('puts the note with su but not sudo, 内存 and the other note with 存, Café and cafe, in groups of their own', () => {
    const out = builtSite('groupNotesInGroups');
    const groups = groupCount(listFiles(out).filter((file) => file.endsWith('.html')).length, 1);
    const group = (note: string) => {
      assert.ok(existsSync(path.join(out, note, 'index.html')), `${note} is published at /${note}/`);
      return groupOf(`${note}/`, groups);
    };
    assert.notEqual(group('切换用户'), group('sudo'));
    assert.notEqual(group('切换用户'), group('su'));
    assert.notEqual(group('内存'), group('切换用户'));
    assert.notEqual(group('咖啡馆'), group('咖啡'));
  });

  for (const { one, grouped, queries } of CASES) {
    for (const [index, query] of queries.entries()) {
      it(`${grouped}: finds the same pages for ${query} as one index, those with the phrase in the same order`, () => {
        const single = shown.get(one)![index]!;
        const inGroups = shown.get(grouped)![index]!;
        const phrase = (s: Shown) => s.urls.filter((_, k) => !s.weak[k]);
        assert.deepEqual(phrase(inGroups), phrase(single));
        assert.deepEqual([...inGroups.urls].sort(), [...single.urls].sort());
      });
    }
  }

  it('finds something for most queries, weak results for some (the comparison is not of empty lists)', () => {
    for (const { grouped, queries } of CASES) {
      const results = shown.get(grouped)!;
      const found = results.filter((s) => s.urls.length > 0).length;
      assert.ok(found >= queries.length - 3, `${grouped}: ${found} of ${queries.length}`);
    }
    assert.ok(
      shown.get('searchGroups')!.some((s) => s.weak.includes(true)),
      'some query shows weak results',
    );
    const sudo = shown.get('groupNotesInGroups')![0]!.urls.map((url) => url.split('?')[0]);
    assert.ok(sudo.includes('/sudo/'), `sudo: ${sudo}`);
    assert.ok(!sudo.includes('/切换用户/'), `sudo: not the note with su alone (${sudo})`);
    const cafe = shown.get('groupNotesInGroups')![11]!.urls.map((url) => url.split('?')[0]);
    assert.deepEqual(cafe.sort(), ['/咖啡/', '/咖啡馆/'], 'cafe: with and without the accent');
  });
});

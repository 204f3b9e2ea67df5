import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { type IndexedGroup, openSearchCache } from './search-cache.ts';
import { fullFolding } from './search-dictionary.ts';
import { type PreparedPage, prepareForIndex } from './search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const page = (text: string) =>
  `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>标题</h1><p>${text}</p></main></body></html>`;

describe('the search cache', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'search-cache-'));
  const dir = path.join(work, 'cache');
  const out = path.join(work, 'out');
  // The built pages, kept between builds as a kept output keeps them: a page is written only when it changed.
  const site = path.join(work, 'site');
  const { fold } = fullFolding();
  let prepared: string[] = [];
  const prepare = (html: string): PreparedPage | undefined => {
    prepared.push(html);
    return prepareForIndex(html, fold);
  };
  const pageFile = (index: number) => path.join(site, `${index}.html`);
  // One build: opens the cache, prepares the pages, places their texts in a fresh output, saves.
  const build = async (pages: string[], texts: string[]) => {
    prepared = [];
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    mkdirSync(site, { recursive: true });
    for (const [index, html] of pages.entries())
      if (!existsSync(pageFile(index)) || readFileSync(pageFile(index), 'utf8') !== html)
        writeFileSync(pageFile(index), html);
    const cache = openSearchCache(dir, ROOT);
    const built = pages.map((_, index) => cache.page(pageFile(index)));
    const results = built.map((page, index) =>
      cache.prepared(page, () => readFileSync(pageFile(index), 'utf8'), prepare),
    );
    await Promise.all(texts.map((text, index) => cache.placeText(text, path.join(out, `${index}.pf_page`))));
    cache.save();
    return { results, hits: { ...cache.hits }, read: built.filter((page) => page.html !== undefined).length };
  };

  beforeEach(() => rmSync(work, { recursive: true, force: true }));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('prepares again only the pages whose HTML changed, and gives the same result as preparing', async () => {
    const first = await build([page('甲'), page('乙')], []);
    assert.equal(prepared.length, 2);
    const second = await build([page('甲'), page('乙改')], []);
    assert.deepEqual(prepared, [page('乙改')]);
    assert.equal(second.hits.pages, 1);
    assert.deepEqual(second.results[0], first.results[0]);
    assert.deepEqual(second.results[1], prepareForIndex(page('乙改'), fold));
  });

  it('reads again only the pages whose files changed since the last build', async () => {
    assert.equal((await build([page('甲'), page('乙')], [])).read, 2);
    assert.equal((await build([page('甲'), page('乙')], [])).read, 0);
    const changed = await build([page('甲'), page('丙')], []);
    assert.equal(changed.read, 1);
    assert.deepEqual(prepared, [page('丙')]);
    // Written again with the same size: its time tells.
    const later = new Date(Date.now() + 5000);
    utimesSync(pageFile(0), later, later);
    const touched = await build([page('甲'), page('丙')], []);
    assert.equal(touched.read, 1);
    assert.deepEqual(prepared, [], 'read, but the same HTML: not prepared again');
  });

  it('remembers a page without note content, so it is not parsed again', async () => {
    const plain = '<!doctype html><html><body><p>无正文</p></body></html>';
    await build([plain], []);
    const again = await build([plain], []);
    assert.deepEqual(prepared, []);
    assert.deepEqual(again.results, [undefined]);
  });

  it('links a text an earlier build wrote, and writes a new one compressed', async () => {
    await build([], ['第一段', '第二段']);
    const second = await build([], ['第一段', '第三段']);
    assert.equal(second.hits.texts, 1);
    assert.equal(gunzipSync(readFileSync(path.join(out, '0.pf_page'))).toString(), '第一段');
    assert.equal(gunzipSync(readFileSync(path.join(out, '1.pf_page'))).toString(), '第三段');
    assert.equal(statSync(path.join(out, '0.pf_page')).nlink, 2, 'the kept text is linked, not written');
    // Only what the last build used is kept.
    assert.equal(readdirSync(path.join(dir, 'texts')).length, 2);
  });

  it('never writes over a kept text through a link left in the output', async () => {
    mkdirSync(out, { recursive: true });
    const cache = openSearchCache(dir, ROOT);
    const target = path.join(out, 'a.pf_page');
    await cache.placeText('留着的', target);
    // The output is not emptied (a site whose output folder is kept): the same name gets another text.
    await cache.placeText('新的', target);
    cache.save();
    const kept = readdirSync(path.join(dir, 'texts')).map((name) =>
      gunzipSync(readFileSync(path.join(dir, 'texts', name))).toString(),
    );
    assert.deepEqual(kept.sort(), ['新的', '留着的'].sort());
    assert.equal(gunzipSync(readFileSync(target)).toString(), '新的');
  });

  // One build of a group: its texts placed, then kept with a Pagefind file, as the search step does.
  const keepGroup = async (key: string, texts: string[]) => {
    mkdirSync(out, { recursive: true });
    const cache = openSearchCache(dir, ROOT);
    const names = await Promise.all(texts.map((text, k) => cache.placeText(text, path.join(out, `g${k}.pf_page`))));
    const group: IndexedGroup = {
      files: [{ path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') }],
      dictionary: { chars: '第一部分', found: [] },
      han: [['第', 1]],
      pages: [
        {
          id: 'zh-cn_1',
          sitePath: 'a/',
          row: { note: 0, titleWords: 1, words: 2, traditional: false },
          texts: names.map((name, k) => ({ suffix: k === 0 ? '' : `-${k}`, name })),
          missed: 0,
        },
      ],
    };
    cache.keepGroup(key, group);
    cache.save();
    return group;
  };

  it('gives back a group an earlier build kept, and places its texts from the cache', async () => {
    const group = await keepGroup('键', ['第一部分', '第二部分']);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const cache = openSearchCache(dir, ROOT);
    assert.equal(cache.indexedGroup('别的键'), undefined);
    const kept = cache.indexedGroup('键');
    assert.deepEqual(kept, group);
    for (const text of kept!.pages[0]!.texts)
      await cache.placeKept(text.name, path.join(out, `${text.suffix}.pf_page`));
    cache.save();
    assert.equal(gunzipSync(readFileSync(path.join(out, '-1.pf_page'))).toString(), '第二部分');
    assert.equal(cache.hits.groups, 1);
    // Kept because this build used it; a build that does not use it forgets it and its texts.
    assert.deepEqual(openSearchCache(dir, ROOT).indexedGroup('键'), group);
    openSearchCache(dir, ROOT).save();
    assert.equal(openSearchCache(dir, ROOT).indexedGroup('键'), undefined);
    assert.deepEqual(readdirSync(path.join(dir, 'groups')), []);
  });

  it('does not give back a group whose texts are gone', async () => {
    await keepGroup('键', ['第一部分']);
    for (const name of readdirSync(path.join(dir, 'texts'))) rmSync(path.join(dir, 'texts', name));
    assert.equal(openSearchCache(dir, ROOT).indexedGroup('键'), undefined);
  });

  it('builds without remembering when the cache folder cannot be made', async () => {
    mkdirSync(work, { recursive: true });
    writeFileSync(dir, 'a file where the folder should be');
    const first = await build([page('甲')], ['文']);
    const second = await build([page('甲')], ['文']);
    assert.deepEqual(second.hits, { pages: 0, texts: 0, groups: 0 });
    assert.equal(prepared.length, 1);
    assert.deepEqual(second.results, first.results);
    assert.equal(gunzipSync(readFileSync(path.join(out, '0.pf_page'))).toString(), '文');
  });

  it('without a folder, prepares every page and writes every text', async () => {
    mkdirSync(out, { recursive: true });
    const cache = openSearchCache(undefined, ROOT);
    prepared = [];
    mkdirSync(site, { recursive: true });
    writeFileSync(pageFile(0), page('甲'));
    const read = () => assert.fail('the page was read already');
    assert.deepEqual(cache.prepared(cache.page(pageFile(0)), read, prepare), prepareForIndex(page('甲'), fold));
    cache.prepared(cache.page(pageFile(0)), read, prepare);
    assert.equal(prepared.length, 2);
    await cache.placeText('文', path.join(out, 'a.pf_page'));
    assert.equal(gunzipSync(readFileSync(path.join(out, 'a.pf_page'))).toString(), '文');
  });

  it('forgets what a stopped build left half written', async () => {
    await build([page('甲')], ['文']);
    writeFileSync(path.join(dir, 'texts', 'x.pf_page.123.1.tmp'), 'half');
    writeFileSync(path.join(dir, 'prepared.v8.123.tmp'), 'half');
    await build([page('甲')], ['文']);
    assert.deepEqual(
      readdirSync(path.join(dir, 'texts')).filter((name) => name.endsWith('.tmp')),
      [],
    );
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it("removes other sites' caches nobody built for two weeks, and keeps the rest", async () => {
    const old = path.join(work, 'old-site');
    const recent = path.join(work, 'recent-site');
    mkdirSync(old, { recursive: true });
    mkdirSync(recent, { recursive: true });
    const weeksAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    utimesSync(old, weeksAgo, weeksAgo);
    await build([page('甲')], []);
    assert.equal(existsSync(old), false);
    assert.equal(existsSync(recent), true);
    assert.equal(existsSync(path.join(dir, 'prepared.v8')), true);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFolding, SiteDictionary } from './search-dictionary.ts';
import { createFolding } from './search-fold.ts';

describe('folding', () => {
  const folding = fullFolding();

  const characters: [string, string][] = [
    ['預訓練', '预训练'],
    ['文字接龍', '文字接龙'],
    ['對ChatGPT的常見誤解', '对ChatGPT的常见误解'],
    ['乾坤', '乾坤'],
    ['乾燥', '干燥'],
    ['已经是简体', '已经是简体'],
    ['WebGPT 175B', 'WebGPT 175B'],
    // A CJK compatibility ideograph is its unified ideograph.
    ['\uF900', '岂'],
  ];
  for (const [text, folded] of characters) {
    it(`folds the characters of ${text}`, () => {
      assert.equal(folding.fold(text), folded);
      assert.equal([...folding.fold(text)].length, [...text].length, 'the length is kept');
    });
  }

  it('tells traditional text from simplified', () => {
    assert.equal(folding.isTraditional('記憶體'), true);
    assert.equal(folding.isTraditional('内存'), false);
    assert.equal(folding.isTraditional('程序'), false);
  });

  // What a reader types → the spellings searched: as typed, then in the other vocabulary (and mixes after).
  const spellings: [string, string[]][] = [
    ['預訓練', ['预训练']],
    ['記憶體空間', ['记忆体空间', '内存空间']],
    ['内存空间', ['内存空间', '记忆体空间']],
    ['内核模块', ['内核模块', '核心模组']],
    ['磁碟配額', ['磁碟配额', '磁盘配额']],
    ['守護程序', ['守护程序', '守护进程', '守护程式']],
    ['行程間通訊', ['行程间通讯', '进程间通信']],
    // 程序 is a mainland word too: typed in simplified, it is not read as Taiwan's "process".
    ['程序', ['程序', '程式']],
  ];
  for (const [typed, expected] of spellings) {
    it(`searches ${typed} as ${expected.join(', ')}`, () =>
      assert.deepEqual(folding.spellings(typed).slice(0, expected.length), expected));
  }

  it('searches a phrase whose words a page may write either way in each mix', () => {
    const found = folding.spellings('局域网网络地址范围');
    assert.equal(found[0], '局域网网络地址范围');
    assert.ok(found.includes('区域网网路地址范围'), found.join(', '));
  });
});

describe('SiteDictionary', () => {
  it("keeps only what a site's text can use, and folds those queries as the full dictionaries do", () => {
    const site = new SiteDictionary();
    const full = fullFolding();
    const pages = ['设置磁盘配额或时间限制', '显示系统中已用和未用的内存空间', '文字接龙'];
    for (const page of pages) site.record(full.fold(page));
    const data = site.data();
    const small = createFolding(data);
    assert.ok(data.chars.length < 2000, `${data.chars.length} characters kept`);
    for (const query of ['磁碟配額', '記憶體空間', '文字接龍', '預訓練']) {
      const searched = full.spellings(query).filter((s) => pages.some((page) => page.includes(s)));
      assert.deepEqual(
        small.spellings(query).filter((s) => pages.some((page) => page.includes(s))),
        searched,
        query,
      );
    }
  });

  it('gives the same data from what each group of pages recorded as from the pages read together', () => {
    const full = fullFolding();
    const groups = [['设置磁盘配额或时间限制', '記憶體空間'], ['文字接龙'], []];
    const together = new SiteDictionary();
    for (const page of groups.flat()) together.record(full.fold(page));
    const merged = new SiteDictionary();
    for (const pages of groups) {
      const group = new SiteDictionary();
      for (const page of pages) group.record(full.fold(page));
      // Through JSON, as a later build reads what an earlier one kept.
      merged.add(JSON.parse(JSON.stringify(group.use())));
    }
    assert.deepEqual(merged.data(), together.data());
    assert.notDeepEqual(merged.data(), new SiteDictionary().data(), 'the groups did record something');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldQuery, queryPhrases, refineResult, spaceHan, unspaceHan } from './search-text.ts';
import { toSimplified } from './to-simplified.ts';

describe('search text', () => {
  const spaced: [string, string][] = [
    ['文字接龙', '文 字 接 龙'],
    ['chatgpt真正做的事', 'chatgpt 真 正 做 的 事'],
    ['Prompting(微调与提示)', 'Prompting( 微 调 与 提 示 )'],
    ['GPT-3 有 175B 参数', 'GPT-3 有 175B 参 数'],
    ['', ''],
  ];
  for (const [input, expected] of spaced)
    it(`spaces ${input || '(empty)'}`, () => assert.equal(spaceHan(input), expected));

  const queries: [string, string, string[]][] = [
    ['接龙', '接 龙', ['接龙']],
    ['預訓練', '预 训 练', ['预训练']],
    ['增強式學習', '增 强 式 学 习', ['增强式学习']],
    ['文字接龍', '文 字 接 龙', ['文字接龙']],
    ['專才', '专 才', ['专才']],
    ['  chatgpt   誤解 ', 'chatgpt 误 解', ['chatgpt', '误解']],
    ['chatgpt误解', 'chatgpt 误 解', ['chatgpt', '误解']],
    ['ＷｅｂＧＰＴ', 'WebGPT', ['WebGPT']],
    ['GPT-3', 'GPT-3', ['GPT-3']],
  ];
  for (const [query, folded, phrases] of queries) {
    it(`folds the query ${query}`, () => {
      assert.equal(foldQuery(query, toSimplified), folded);
      assert.deepEqual(queryPhrases(query, toSimplified), phrases);
    });
  }

  const excerpts: [string, string][] = [
    [
      'chatgpt 真 正 做 的 事 就 是 文 字 <mark>接 </mark><mark>龙 </mark>， 根 据',
      'chatgpt 真正做的事就是文字<mark>接龙</mark>，根据',
    ],
    ['Prompting( 微 调 与 提 示 )： 对 于', 'Prompting(微调与提示)：对于'],
    ['<mark>预 </mark><mark>训 </mark><mark>练</mark> 的 好 处', '<mark>预训练</mark>的好处'],
    ['1.1 对 ChatGPT 的 常 见', '1.1 对 ChatGPT 的常见'],
    ['<mark>GPT</mark> <mark>BERT</mark>', '<mark>GPT</mark> <mark>BERT</mark>'],
    ['GPT-3 2020', 'GPT-3 2020'],
  ];
  for (const [excerpt, expected] of excerpts)
    it(`restores the excerpt ${expected}`, () => assert.equal(unspaceHan(excerpt), expected));

  it('puts sections with the phrase first and carries it to the page for highlighting', () => {
    const result = refineResult(
      {
        url: '/n/4/',
        excerpt: '<mark>通 </mark>常',
        meta: { title: '4 专 才' },
        sub_results: [
          { title: '4.2.1 专 才', url: '/n/4/#421-专才', excerpt: '专 <mark>才</mark> 不 <mark>通</mark>' },
          { title: '4.2.2 通 才', url: '/n/4/#422-通才', excerpt: '博 闻 强 记 的 <mark>通 </mark><mark>才</mark>' },
        ],
      },
      ['通才'],
    );
    assert.deepEqual(
      result.sub_results?.map((s) => [s.title, s.url]),
      [
        ['4.2.2 通才', '/n/4/?highlight=%E9%80%9A%E6%89%8D#422-通才'],
        ['4.2.1 专才', '/n/4/?highlight=%E9%80%9A%E6%89%8D#421-专才'],
      ],
    );
    assert.equal(result.url, '/n/4/?highlight=%E9%80%9A%E6%89%8D');
    assert.equal(result.meta.title, '4 专才');
  });

  it('titles sections as the author wrote them, where the page says so', () => {
    const result = refineResult(
      {
        url: '/n/1/',
        excerpt: '',
        meta: {
          title: '1 ChatGPT 原理剖析',
          sections: JSON.stringify({ '11-對-chatgpt-的常見誤解': '1.1 對 ChatGPT 的常見誤解' }),
        },
        sub_results: [
          {
            title: '1.1 对 ChatGPT 的 常 见 误 解',
            url: '/n/1/#11-%E5%B0%8D-chatgpt-%E7%9A%84%E5%B8%B8%E8%A6%8B%E8%AA%A4%E8%A7%A3',
            excerpt: '',
          },
          { title: '1.2 预 训 练', url: '/n/1/#12-预训练', excerpt: '' },
        ],
      },
      [],
    );
    assert.deepEqual(
      result.sub_results?.map((s) => s.title),
      ['1.1 對 ChatGPT 的常見誤解', '1.2 预训练'],
    );
  });
});

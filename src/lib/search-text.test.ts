import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFolding } from './search-dictionary.ts';
import { breakHan, exactQuery, indexForm, queryTerms, WORD_BREAK } from './search-text.ts';

const shown = (text: string) => text.replaceAll(WORD_BREAK, '·');

describe('search text', () => {
  const broken: [string, string][] = [
    ['文字接龙', '文·字·接·龙'],
    ['chatgpt真正做的事', 'chatgpt·真·正·做·的·事'],
    ['Prompting(微调与提示)', 'Prompting(·微·调·与·提·示·)'],
    ['GPT-3 有 175B 参数', 'GPT-3 有 175B 参·数'],
    ['', ''],
  ];
  for (const [input, expected] of broken)
    it(`breaks ${input || '(empty)'} into words`, () => assert.equal(shown(breakHan(input)), expected));

  it('indexes text folded, a word per Han character, without any break the text already had', () => {
    const { fold } = fullFolding();
    assert.equal(shown(indexForm('對 ChatGPT 的常見誤解', fold)), '对 ChatGPT 的·常·见·误·解');
    assert.equal(shown(indexForm(`接${WORD_BREAK}龍`, fold)), '接·龙');
    assert.equal(indexForm('plain English', fold), 'plain English');
  });

  const queries: [string, string[]][] = [
    ['接龙', ['接龙']],
    ['  chatgpt   誤解 ', ['chatgpt', '誤解']],
    ['chatgpt误解', ['chatgpt', '误解']],
    ['ＷｅｂＧＰＴ', ['webgpt']],
    ['GPT-3', ['gpt-3']],
    ['《信号量》', ['信号量']],
    ['smb.conf 配置', ['smb.conf', '配置']],
    ['接龙 接龙', ['接龙']],
    ['。，', []],
  ];
  for (const [query, terms] of queries) {
    it(`reads the query ${query.trim() || '(punctuation)'} as ${terms.join(' + ') || 'nothing'}`, () =>
      assert.deepEqual(
        queryTerms(query).map((t) => t.text),
        terms,
      ));
  }

  it('asks Pagefind for a phrase as an exact search of its characters', () => {
    assert.equal(exactQuery('信号量'), '"信 号 量"');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noteLang } from './note-lang.ts';

describe('noteLang', () => {
  const cases: [string, unknown, string, unknown][] = [
    ['simplified text', undefined, '生成式学习的两种策略：各个击破与一步到位。', { lang: 'zh-CN', from: 'text' }],
    [
      'traditional text (a zh_TW man page)',
      undefined,
      '列出目錄內容。預設依字母順序排列檔案。顯示隱藏檔案與詳細資訊。',
      { lang: 'zh-TW', from: 'text' },
    ],
    [
      'simplified text quoting a traditional title',
      undefined,
      '这一节引用了《對 ChatGPT 的常見誤解》这篇文章，讲的是文字接龙，模型的训练过程与常见的误解。',
      { lang: 'zh-CN', from: 'text' },
    ],
    ['English text', undefined, 'Only English here.', { lang: 'zh-CN', from: 'text' }],
    ['declared in front matter', 'zh-TW', '简体文字', { lang: 'zh-TW', from: 'front matter' }],
    ['declared with an underscore', 'zh_HK', '文字', { lang: 'zh-HK', from: 'front matter' }],
    ['declared as something that is no language', '<script>', '文字', { invalid: '<script>' }],
  ];
  for (const [name, declared, text, expected] of cases) {
    it(name, () => assert.deepEqual(noteLang(declared, text), expected));
  }
});

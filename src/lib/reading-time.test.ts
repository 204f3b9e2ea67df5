import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { countText, countTree, minutesFor, type TextCounts } from './reading-time.ts';

const tree = (html: string) => fromHtml(html, { fragment: true });
const none: TextCounts = { han: 0, words: 0, codeWords: 0, figures: 0, formulas: 0 };

describe('countText', () => {
  const cases: [string, { han: number; words: number }][] = [
    ['', { han: 0, words: 0 }],
    ['文字接龙', { han: 4, words: 0 }],
    ['ChatGPT 的全名是 Chat Generative Pre-trained Transformer。', { han: 4, words: 5 }],
    ['GPT-3 在 2020 年发布', { han: 4, words: 2 }],
    ["don't stop", { han: 0, words: 2 }],
    ['ひらがなとカタカナ', { han: 9, words: 0 }],
    ['，。！？——', { han: 0, words: 0 }],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(countText(text), expected));
  }
});

describe('countTree', () => {
  const cases: [string, string, Partial<TextCounts>][] = [
    ['prose', '<p>这是一段话，with some words.</p>', { han: 5, words: 3 }],
    ['heading anchors are not read', '<h2 id="x">一节<a class="heading-anchor" href="#x">#</a></h2>', { han: 2 }],
    [
      'code is counted apart',
      '<p>代码：</p><pre><code>def 接龙(text):\n  return text</code></pre>',
      { han: 2, codeWords: 6 },
    ],
    ['inline code is prose', '<p>调用 <code>print</code> 函数</p>', { han: 4, words: 1 }],
    [
      'figures are counted, captions read',
      '<figure><img src="a.svg" alt="很长很长的描述"><figcaption>图的说明</figcaption></figure>',
      { han: 4, figures: 1 },
    ],
    [
      "a formula counts once, not KaTeX's MathML and HTML",
      '<p>公式<span class="katex"><span class="katex-mathml">a b c</span><span class="katex-html">a b c</span></span></p>',
      { han: 2, formulas: 1 },
    ],
    [
      "a figure's larger copy in its dialog is not read again",
      '<figure><button><span class="figure-open-label">放大：</span><img src="a.svg"></button><figcaption>图的说明</figcaption><dialog><img src="a.svg"><p>图的说明</p></dialog></figure>',
      { han: 4, figures: 1 },
    ],
    [
      'footnote back links are not read',
      '<section data-footnotes><ol><li><p>注释<a data-footnote-backref href="#r">↩</a></p></li></ol></section>',
      { han: 2 },
    ],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => assert.deepEqual(countTree(tree(html)), { ...none, ...expected }));
  }
});

describe('minutesFor', () => {
  const cases: [string, Partial<TextCounts>, number][] = [
    ['nothing to read', {}, 0],
    ['a sentence still takes a minute', { han: 20 }, 1],
    ['350 Han characters a minute', { han: 3500 }, 10],
    ['not 3500 words: Chinese is not counted by spaces', { han: 3500, words: 0 }, 10],
    ['200 English words a minute', { words: 1000 }, 5],
    ['code at half the weight of prose', { codeWords: 800 }, 2],
    ['six figures a minute', { figures: 12 }, 2],
    ['mixed', { han: 1750, words: 200, figures: 6 }, 7],
  ];
  for (const [name, counts, expected] of cases) {
    it(`${name}: ${expected} min`, () => assert.equal(minutesFor({ ...none, ...counts }), expected));
  }
});

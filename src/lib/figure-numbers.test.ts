import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { figureLabel, rehypeFigureNumbers } from './figure-numbers.ts';

const FIGURE = (caption: string, src = '/f/a.svg') =>
  `<figure><img src="${src}" alt="说明"><figcaption>${caption}</figcaption></figure>`;

function run(html: string, transform: (tree: Root) => void): string {
  const tree = fromHtml(html, { fragment: true });
  transform(tree);
  return toHtml(tree);
}

describe('figureLabel', () => {
  const cases: [number, number | string | undefined, string][] = [
    [1, 1, '图 1-1'],
    [12, 3, '图 3-12'],
    [2, undefined, '图 2'],
    [1, '', '图 1'],
  ];
  for (const [index, chapter, expected] of cases) {
    it(`figure ${index} of chapter ${chapter} → ${expected}`, () =>
      assert.equal(figureLabel(index, chapter), expected));
  }
});

describe('rehypeFigureNumbers', () => {
  const number = (chapter?: number) => (tree: Root) => rehypeFigureNumbers({ chapter })(tree);
  const cases: [string, string, number | undefined, string[]][] = [
    ['numbers figures in order within a chapter', FIGURE('甲') + FIGURE('乙'), 2, ['图 2-1 甲', '图 2-2 乙']],
    ['numbers an introduction without a chapter prefix', FIGURE('甲'), undefined, ['图 1 甲']],
    [
      'skips figures without a caption or an image',
      `<figure><img src="a"></figure><figure><figcaption>无图</figcaption></figure>${FIGURE('甲')}`,
      1,
      ['无图', '图 1-1 甲'],
    ],
    [
      'finds images inside a picture',
      '<figure><picture><img src="a"></picture><figcaption>甲</figcaption></figure>',
      4,
      ['图 4-1 甲'],
    ],
  ];
  for (const [name, html, chapter, captions] of cases) {
    it(name, () => {
      const tree = fromHtml(html, { fragment: true });
      number(chapter)(tree);
      const shown = toHtml(tree)
        .match(/<figcaption>.*?<\/figcaption>/g)!
        .map((c) => c.replace(/<[^>]+>/g, ''));
      assert.deepEqual(shown, captions);
    });
  }

  it('marks the number so search does not index it', () => {
    assert.match(
      run(FIGURE('甲'), number(1)),
      /<figcaption><span class="figure-number" data-pagefind-ignore="">图 1-1<\/span> 甲<\/figcaption>/,
    );
  });
});

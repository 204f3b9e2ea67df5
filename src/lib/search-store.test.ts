import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFolding } from './search-dictionary.ts';
import { prepareForIndex } from './search-index.ts';
import {
  alignWords,
  PART_SEPARATOR,
  PART_WORDS,
  type PageRow,
  readPageHead,
  readPagePart,
  readPages,
  storePage,
  writePages,
} from './search-store.ts';

/** Text as Pagefind keeps it: words between zero-width spaces, `. ` after blocks that end without punctuation. */
const pagefindContent = (words: string[]) => words.join('\u200B');

describe('alignWords', () => {
  it("gives each of Pagefind's words the page's own characters, leaving out what Pagefind added", () => {
    const written = '1 對 ChatGPT 的常見誤解 GPT是文字接龍。 ';
    const folded = '1 对 ChatGPT 的常见误解 GPT是文字接龙。 ';
    const content = pagefindContent([
      '1 ',
      '对 ',
      'ChatGPT ',
      '的',
      '常',
      '见',
      '误',
      '解',
      '. ',
      'GPT',
      '是',
      '文',
      '字',
      '接',
      '龙',
      '。',
    ]);
    const { words, missed } = alignWords(content, folded, written);
    assert.equal(missed, 0);
    assert.deepEqual(words, [
      '1 ',
      '對 ',
      'ChatGPT ',
      '的',
      '常',
      '見',
      '誤',
      '解',
      ' ',
      'GPT',
      '是',
      '文',
      '字',
      '接',
      '龍',
      '。 ',
    ]);
  });

  it('finds its way back when the page has text Pagefind left out', () => {
    const { words, missed } = alignWords(pagefindContent(['甲', '乙', '丙']), '甲 x 乙丙', '甲 X 乙丙');
    assert.equal(missed, 0);
    assert.equal(words.join(''), '甲 X 乙丙');
  });
});

describe('storePage', () => {
  const { fold } = fullFolding();
  const html =
    '<html lang="zh-TW"><body><article data-pagefind-body><h1>文字接龍</h1><h2 id="x">1.1 預訓練</h2><p>自督導式學習</p></article></body></html>';
  const prepared = prepareForIndex(html, fold)!;
  const content = pagefindContent([
    '文',
    '字',
    '接',
    '龙',
    '. ',
    '1.1 ',
    '预',
    '训',
    '练',
    '. ',
    '自',
    '督',
    '导',
    '式',
    '学',
    '习',
    '.',
  ]);

  it('stores the head (path, title, note, headings as written at word positions) and the words as written', () => {
    const stored = storePage(content, prepared, '笔记/1-章/', '笔记');
    assert.equal(stored.missed, 0);
    assert.equal(stored.titleWords, 4);
    const { head, first } = readPageHead(stored.files[0]!.text);
    assert.deepEqual(head, { p: '笔记/1-章/', t: '文字接龍', nt: '笔记', w: 17, h: [[5, 9, 'x', '1.1 預訓練']] });
    assert.equal(first.words.slice(6, 9).join(''), '預訓練');
    assert.equal(stored.files.length, 1, 'a short page is one file');
  });

  it('cuts a long page into parts', () => {
    const words = Array.from({ length: PART_WORDS + 5 }, (_, i) => (i % 2 ? '甲' : '乙'));
    const long = prepareForIndex(
      `<html><body><article data-pagefind-body><p>${words.join('')}</p></article></body></html>`,
      fold,
    )!;
    const stored = storePage(pagefindContent(words), long, 'p/', 'p');
    assert.deepEqual(
      stored.files.map((f) => f.suffix),
      ['', '-1'],
    );
    assert.equal(readPagePart(stored.files[1]!.text).words.length, 5);
    assert.equal(readPageHead(stored.files[0]!.text).first.words.length, PART_WORDS);
    assert.ok(stored.files[1]!.text.includes(PART_SEPARATOR));
  });

  it("keeps a long page's headings with its parts, not in its head", () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `<h2 id="s${i}">第${i}节</h2><p>${'字'.repeat(1000)}</p>`);
    const long = prepareForIndex(
      `<html><body><article data-pagefind-body><h1>长</h1>${paragraphs.join('')}</article></body></html>`,
      fold,
    )!;
    const content = pagefindContent([...long.folded.replace(/\s+/g, '')]);
    const stored = storePage(content, long, 'p/', 'p');
    const { head, first } = readPageHead(stored.files[0]!.text);
    assert.deepEqual(head.h, []);
    const headings = [first, ...stored.files.slice(1).map((file) => readPagePart(file.text))].flatMap(
      (part) => part.headings,
    );
    assert.deepEqual(
      headings.map(([, , id]) => id),
      paragraphs.map((_, i) => `s${i}`),
    );
    for (const [start, , id] of headings) {
      const k = Math.floor(start / PART_WORDS);
      const part = k === 0 ? first : readPagePart(stored.files[k]!.text);
      assert.ok(part.headings.some(([, , other]) => other === id));
    }
  });
});

describe('the table of pages', () => {
  it('reads what it wrote', () => {
    const rows = new Map<string, PageRow>([
      ['zh-cn_1a2b3c4', { note: 0, titleWords: 12, words: 1406, traditional: false }],
      [
        'zh-cn_ffee001',
        {
          note: 37,
          titleWords: 5,
          words: 190316,
          traditional: true,
          headings: [
            [10, 14],
            [300, 309],
          ],
        },
      ],
    ]);
    const written = writePages(rows);
    assert.equal(written.prefix, 'zh-cn_');
    assert.deepEqual(readPages({ ...written, notes: [], categories: [], common: '', fold: {} as never }), rows);
  });
});

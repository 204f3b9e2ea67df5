import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildExcerpt, excerptRange, writtenPhrases } from './search-excerpt.ts';

// Words as the store keeps them: one per Han character, others with their spaces.
const words = [...'lockfile ', ...'可以用來建立一個或多個訊號量', '(semaphore) ', ...'檔案。'];
const word = (index: number) => words[index];
const shown = (pieces: { text: string; mark: boolean }[]) =>
  pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('excerpts', () => {
  it('marks the phrase found as a whole, in the page’s own characters and spacing', () => {
    const phrase = words.indexOf('訊');
    const pieces = buildExcerpt(word, [0, words.length], [{ start: phrase, length: 3 }]);
    assert.equal(shown(pieces), 'lockfile 可以用來建立一個或多個[訊號量](semaphore) 檔案。');
  });

  it('marks nothing but the occurrences it is given (not the same characters elsewhere)', () => {
    const pieces = buildExcerpt(word, [0, words.length], []);
    assert.ok(pieces.every((piece) => !piece.mark));
  });

  it('keeps spaces outside marks, and says where the text goes on', () => {
    const pieces = buildExcerpt(word, [9, 14], [{ start: 0, length: 9 }], [0, words.length]);
    assert.equal(shown(pieces), '…可以用來建…');
    const latin = buildExcerpt((i) => ['a ', 'GPT ', 'b'][i], [0, 3], [{ start: 1, length: 1 }]);
    assert.deepEqual(latin, [
      { text: 'a ', mark: false },
      { text: 'GPT', mark: true },
      { text: ' b', mark: false },
    ]);
  });

  it('places the excerpt around the passage, within its section', () => {
    assert.deepEqual(excerptRange({ start: 100, length: 3 }, 0, 1000), [88, 136]);
    assert.deepEqual(excerptRange({ start: 5, length: 3 }, 0, 1000), [0, 48]);
    assert.deepEqual(excerptRange({ start: 990, length: 3 }, 900, 1000), [952, 1000]);
  });

  it('gives the phrases as written for the page the result opens', () => {
    const phrase = words.indexOf('訊');
    assert.deepEqual(
      writtenPhrases(word, [
        { start: phrase, length: 3 },
        { start: phrase, length: 3 },
      ]),
      ['訊號量'],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeNote } from './note-encoding.ts';

// Bytes as editors save them (made with iconv, kept here so the test needs no tool).
const GBK = Buffer.from(
  '23203120b5dad2bbd5c20a0ad5e2cac7d3c32047424b20b1a3b4e6b5c4b1cabcc7a3acc0efc3e6d3d0d6d0cec4bacd20456e676c697368a1a3d1a7cfb0b1cabcc7badcd6d8d2aaa1a30a',
  'hex',
);
const BIG5 = Buffer.from(
  '23203120b2c4a440b3b90a0ab36fac4fa5ce204269673520ab4fa673aabab5a7b04fa141b8ccadb1a6b3a4a4a4e5a143bec7b2dfb5a7b04fabdcadabad6ea143',
  'hex',
);
const TEXT = '# 1 第一章\n\n这是用 UTF-16 保存的笔记。\n';

describe('decodeNote', () => {
  const cases: [string, Uint8Array, string, RegExp][] = [
    ['UTF-8', Buffer.from(TEXT), 'UTF-8', /这是用 UTF-16 保存的笔记/],
    [
      'UTF-16 with its byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
      'UTF-16LE',
      /保存的笔记/,
    ],
    ['GBK, as saved on Chinese Windows', GBK, 'GB18030', /这是用 GBK 保存的笔记，里面有中文和 English。/],
    ['Big5', BIG5, 'Big5', /學習筆記/],
  ];
  for (const [name, bytes, encoding, text] of cases) {
    it(`reads ${name}`, () => {
      const decoded = decodeNote(bytes);
      assert.ok('text' in decoded, JSON.stringify(decoded));
      assert.equal(decoded.encoding, encoding);
      assert.match(decoded.text, text);
      assert.doesNotMatch(decoded.text, /\uFFFD/);
    });
  }

  it('refuses bytes no encoding reads, at the line where they start', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二行\n'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x0a])]);
    const decoded = decodeNote(bytes);
    assert.ok('problem' in decoded);
    assert.equal(decoded.problem.line, 3);
    assert.match(decoded.problem.hint, /UTF-8/);
  });
});

/**
 * Turns a note file's bytes into text. Most notes are UTF-8, but notes
 * written on Chinese Windows are often saved as GBK (GB18030), some editors
 * save UTF-16, and traditional-Chinese notes may be Big5: read as UTF-8 they
 * become mojibake without a word. UTF-8 is tried first, strictly; otherwise
 * chardet (a maintained detector) names the encoding and the platform's
 * decoder reads it, and the build says so. What no encoding reads cleanly is
 * refused at the line of the first byte that cannot be read.
 */
import chardet from 'chardet';

export type Decoded = { text: string; encoding: string } | { problem: { line: number; message: string; hint: string } };

// Encodings a Chinese note is saved in, as the WHATWG decoder names them.
const READABLE: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
  Big5: 'big5',
};

export function decodeNote(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le', 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be', 'UTF-16BE');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: ask the detector below.
  }
  const guess = chardet.analyse(bytes).find((candidate) => candidate.name in READABLE && candidate.confidence >= 10);
  if (guess) {
    const decoded = decodeAs(bytes, READABLE[guess.name]!, guess.name);
    if ('text' in decoded) return decoded;
  }
  const line = lineOfFirstBadByte(bytes);
  return {
    problem: {
      line,
      message: 'this note is not UTF-8 text, and no Chinese encoding (GB18030/GBK, Big5, UTF-16) reads it either',
      hint: 'open the note in your editor and save it again as UTF-8 (the bytes that cannot be read start on this line)',
    },
  };
}

function decodeAs(bytes: Uint8Array, decoder: string, name: string): Decoded {
  try {
    return { text: new TextDecoder(decoder, { fatal: true }).decode(bytes), encoding: name };
  } catch {
    return { problem: { line: 1, message: `this note is not valid ${name}`, hint: 'save it again as UTF-8' } };
  }
}

/** The line (1-based) of the first byte that is not UTF-8. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index += 1) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      line += 1;
      start = index + 1;
    }
  }
  return 1;
}

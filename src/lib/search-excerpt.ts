/**
 * The excerpt a result shows: a stretch of the page's own words around the
 * passage found, with the phrases marked, as plain pieces of text (the UI
 * makes text nodes and `<mark>` elements of them; nothing here is HTML).
 * Why marks follow occurrences and not characters: a phrase is marked as a
 * whole (`<mark>信号量</mark>`), and a character that merely also occurs
 * nearby is not.
 */
import type { Occurrence } from './search-rank.ts';

export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/** Words shown in an excerpt, and how many of them come before the passage found. */
export const EXCERPT_WORDS = 48;
const LEAD_WORDS = 12;

/** The words to load for an excerpt around `focus`, within [from, to). */
export function excerptRange(focus: Occurrence | undefined, from: number, to: number): [number, number] {
  const start = Math.max(from, Math.min((focus?.start ?? from) - LEAD_WORDS, to - EXCERPT_WORDS));
  return [start, Math.min(to, start + EXCERPT_WORDS)];
}

/**
 * The excerpt of words [start, end) (`word(i)` is word i as written), with
 * every occurrence in `marks` marked; an ellipsis where the text goes on
 * within [from, to).
 */
export function buildExcerpt(
  word: (index: number) => string | undefined,
  [start, end]: [number, number],
  marks: Occurrence[],
  [from, to]: [number, number] = [start, end],
): ExcerptPiece[] {
  const marked = (index: number) => marks.some((o) => index >= o.start && index < o.start + o.length);
  const pieces: ExcerptPiece[] = [];
  const push = (text: string, mark: boolean) => {
    const last = pieces.at(-1);
    if (last && last.mark === mark) last.text += text;
    else if (text) pieces.push({ text, mark });
  };
  for (let index = start; index < end; index += 1) {
    const text = (word(index) ?? '').replace(/\s+/g, ' ');
    if (!marked(index)) {
      push(text, false);
      continue;
    }
    // Spaces around a marked word stay outside the mark.
    const [, before = '', core = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
    push(before, false);
    push(core, true);
    push(after, false);
  }
  // Marks that touch join; spaces at the ends go.
  const joined = pieces.filter((piece) => piece.text !== '');
  if (joined[0]) joined[0].text = joined[0].text.trimStart();
  const last = joined.at(-1);
  if (last) last.text = last.text.trimEnd();
  if (start > from) joined.unshift({ text: '…', mark: false });
  if (end < to) joined.push({ text: '…', mark: false });
  return mergeNeighbours(joined.filter((piece) => piece.text !== ''));
}

function mergeNeighbours(pieces: ExcerptPiece[]): ExcerptPiece[] {
  const merged: ExcerptPiece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && last.mark === piece.mark) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}

/** The text of the occurrences as written (what the page the result opens should mark), each once. */
export function writtenPhrases(word: (index: number) => string | undefined, occurrences: Occurrence[]): string[] {
  const found = occurrences.map((o) =>
    Array.from({ length: o.length }, (_, k) => word(o.start + k) ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return [...new Set(found.filter(Boolean))];
}

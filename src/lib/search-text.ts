/**
 * The text search works with, on both sides: the form pages are indexed in,
 * and what a reader's query becomes. Runs in Node (indexing) and in the
 * browser (queries).
 *
 * Why every Han character is a word of its own: Pagefind's splitters cut
 * Chinese into words differently when indexing (ICU4X) and when searching
 * (Intl.Segmenter), and a query never matches inside a word (龙 in 接龙). With
 * one character per word, every part of a word is found, and a phrase is a
 * run of consecutive positions, which Pagefind's exact search (a query in
 * quotes) finds: that is how phrases rank above their characters apart.
 * Why a zero-width space between them and not a space: Pagefind keeps the
 * indexed text with its word breaks as U+200B, so the text it holds reads as
 * the page does, without spaces the author never wrote.
 */

/** What separates the words of the index form (and of Pagefind's stored text). */
export const WORD_BREAK = '\u200B';

const HAN_EDGE = /(?<=\p{Script=Han})(?=\S)|(?<=\S)(?=\p{Script=Han})/gu;
const HAN = /\p{Script=Han}/u;

/** `GPT是文字接龙` → `GPT`·`是`·`文`·`字`·`接`·`龙` (· a zero-width space); other text is unchanged. */
export function breakHan(text: string): string {
  return text.replace(HAN_EDGE, WORD_BREAK);
}

/** A page's text as the index holds it: folded (`search-fold.ts`), one word per Han character. */
export function indexForm(text: string, fold: (text: string) => string): string {
  const clean = text.replaceAll(WORD_BREAK, '');
  return HAN.test(clean) ? breakHan(fold(clean)) : clean;
}

/** A part of a query: a run of Han characters (a phrase), or another word. */
export interface QueryTerm {
  text: string;
  han: boolean;
}

/**
 * The terms of a query as typed, in order: `chatgpt误解` → `chatgpt`, `误解`;
 * full-width Latin (typed with a Chinese input method) made plain, Latin
 * lower-cased, punctuation between words dropped.
 */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const word of query.normalize('NFKC').split(/\s+/)) {
    for (const part of word.split(/(\p{Script=Han}+)/u)) {
      if (!part) continue;
      if (HAN.test(part)) terms.push({ text: part, han: true });
      else {
        // Punctuation at the ends is not part of a word (`《`, `(`, `,`); inside it is (`GPT-3`, `smb.conf`).
        const trimmed = part.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').toLowerCase();
        if (trimmed) terms.push({ text: trimmed, han: false });
      }
    }
  }
  return terms.filter((term, index) => terms.findIndex((t) => t.text === term.text) === index);
}

/** A Han phrase as Pagefind's exact search takes it: `"信 号 量"`. */
export function exactQuery(phrase: string): string {
  return `"${[...phrase].join(' ')}"`;
}

/**
 * How long a rendered part of a note takes to read, for the "约 N 分钟"
 * shown beside each chapter. Chinese is not written in space-separated
 * words, so a word count would call a page of Chinese a few seconds' read:
 * Han (and kana) characters are counted one by one, Latin words as words,
 * code lightly (readers skim it), and figures and formulas for a moment each.
 * Pure: it reads the HTML tree the pipeline rendered, before it is a string.
 */
import type { Element, Root, RootContent } from 'hast';

/** Reading speeds and costs, per minute; each is a common estimate for adult readers. */
export const READING_RATES = {
  /** Chinese characters a minute (silent reading of study material: 300–400). */
  hanPerMinute: 350,
  /** Words of English (or other space-separated text) a minute. */
  wordsPerMinute: 200,
  /** Words of code a minute: skimmed, at twice the speed of prose. */
  codeWordsPerMinute: 400,
  /** Minutes a figure takes to look at. */
  perFigure: 1 / 6,
  /** Minutes a formula takes, whatever its length in KaTeX's output. */
  perFormula: 1 / 20,
} as const;

export interface TextCounts {
  han: number;
  words: number;
  codeWords: number;
  figures: number;
  formulas: number;
}

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// A run of letters or digits that is not Han: `ChatGPT`, `GPT-3`, `2023`, `don't`.
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Counts characters and words in plain text: Han characters one each, other words by runs. */
export function countText(text: string): { han: number; words: number } {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, ' ').match(WORD)?.length ?? 0;
  return { han, words };
}

const hasClass = (node: Element, name: string) => {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
};

/** What a reader reads in `tree`: text, code, figures and formulas; not anchors, KaTeX's duplicate MathML, dialogs. */
export function countTree(tree: Root): TextCounts {
  const counts: TextCounts = { han: 0, words: 0, codeWords: 0, figures: 0, formulas: 0 };
  const walk = (nodes: RootContent[], inCode: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const { han, words } = countText(node.value);
        if (inCode) counts.codeWords += han + words;
        else {
          counts.han += han;
          counts.words += words;
        }
      } else if (node.type === 'element') {
        if (hasClass(node, 'katex')) counts.formulas += 1;
        else if (node.tagName === 'img') counts.figures += 1;
        // Not read: anchors, footnotes' way back, a figure's button label and larger copy (`figure-dialogs.ts`).
        else if (
          hasClass(node, 'heading-anchor') ||
          hasClass(node, 'figure-open-label') ||
          node.properties.dataFootnoteBackref !== undefined ||
          node.tagName === 'dialog'
        )
          continue;
        else walk(node.children, inCode || node.tagName === 'pre');
      }
    }
  };
  walk(tree.children, false);
  return counts;
}

/** Whole minutes to read `counts`: at least 1 when there is anything to read, 0 for an empty part. */
export function minutesFor(counts: TextCounts, rates = READING_RATES): number {
  const minutes =
    counts.han / rates.hanPerMinute +
    counts.words / rates.wordsPerMinute +
    counts.codeWords / rates.codeWordsPerMinute +
    counts.figures * rates.perFigure +
    counts.formulas * rates.perFormula;
  return minutes === 0 ? 0 : Math.max(1, Math.round(minutes));
}

/** Whole minutes to read a rendered part. */
export function readingMinutes(tree: Root): number {
  return minutesFor(countTree(tree));
}

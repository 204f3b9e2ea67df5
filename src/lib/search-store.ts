/**
 * What search results show, kept beside Pagefind's index: each page's text
 * as written, cut at Pagefind's word positions, its title and headings, and
 * one small table of every page (for ranking before anything of a page is
 * loaded, and for the note filter).
 *
 * Why not Pagefind's own fragments: they hold the index form (folded to
 * simplified), a whole page in one file (a 1.8 MB manual would be one
 * download), and its metadata is what readers must never see. Here word `i`
 * of a page is the page's own text for Pagefind's location `i`, so a result
 * found in the index is shown in the page's characters and spacing, and a
 * long page is split into parts loaded only where a result lies.
 *
 * Files (gzip, as Pagefind's): `page/<id>.pf_page` (the head, a JSON line,
 * then part 0), `page/<id>-<k>.pf_page` (part k ≥ 1). A part is a JSON line
 * of the headings that start in it (on a long page; `[]` otherwise), then
 * its words. And `search.pf_site`, the table. Node builds them; the browser
 * reads them.
 */
import type { FoldData } from './search-fold.ts';
import type { PreparedPage } from './search-index.ts';
import { WORD_BREAK } from './search-text.ts';

/** Words per part of a page's text: an excerpt needs a few dozen, so parts are small. */
export const PART_WORDS = 1000;
/** Between the words of a part (never in text: control characters are dropped). */
export const PART_SEPARATOR = '\u001f';

/** A heading: its first word, the word after it, its id (none for the title), its text as written. */
export type StoredHeading = [start: number, end: number, id: string, title: string];

/** The head of a page's stored text. */
export interface PageHead {
  /** Its path (relative to the site's base, not encoded). */
  p: string;
  /** Its title as written. */
  t: string;
  /**
   * Its note's title. (Not the note's number, which the table has: notes are
   * numbered newest first, so a new note would change every page's file.)
   */
  nt: string;
  /** Words. */
  w: number;
  /**
   * Headings with ids. A long page has none here (its headings' places are
   * in the table, each heading's id and text in the part where it starts),
   * so showing one result of a long manual does not load all its headings.
   */
  h: StoredHeading[];
}

/** A page as the table knows it. */
export interface PageRow {
  note: number;
  titleWords: number;
  words: number;
  /** Written in traditional characters. */
  traditional: boolean;
  /** Headings as [first word, word after] (long pages only: others' come with their text). */
  headings?: [number, number][];
}

/** Pages longer than this many words have their headings in the table, so their sections rank on their own. */
export const LONG_PAGE_WORDS = 10_000;

/**
 * The table of every page, for ranking and filtering before anything of a
 * page is loaded; compact, since every first search downloads it.
 */
export interface SiteTable {
  /** What every page id starts with (Pagefind's language prefix). */
  prefix: string;
  /** Each page: id (without the prefix), note, title words, words, 1 if traditional; base 36, ` ` between, `|` between pages. */
  pages: string;
  /** Long pages' headings: id (without the prefix) → first and after word of each, base 36, ` ` between. */
  sections: Record<string, string>;
  /** Each note's categories (indices into `categories`). */
  notes: number[][];
  categories: string[];
  /** The Han characters on nearly every page (searched for presence, never for positions). */
  common: string;
  /** The folding dictionaries the site's text can use (`search-dictionary.ts`). */
  fold: FoldData;
  /** The folders (under the search bundle, ending in `/`) of the other groups' indexes, merged into the first (`search-groups.ts`). */
  groups?: string[];
  /** Where the index is in groups: each note's group (0: the first, `k`: `groups[k - 1]`). */
  noteGroups?: number[];
}

/** The table's pages as a Map by id. */
export function readPages(table: SiteTable): Map<string, PageRow> {
  const rows = new Map<string, PageRow>();
  for (const entry of table.pages.split('|')) {
    if (!entry) continue;
    const [id = '', note = '0', titleWords = '0', words = '0', traditional = '0'] = entry.split(' ');
    const row: PageRow = {
      note: Number.parseInt(note, 36),
      titleWords: Number.parseInt(titleWords, 36),
      words: Number.parseInt(words, 36),
      traditional: traditional === '1',
    };
    const sections = table.sections[id];
    if (sections) {
      const numbers = sections.split(' ').map((n) => Number.parseInt(n, 36));
      row.headings = [];
      for (let k = 0; k + 1 < numbers.length; k += 2) row.headings.push([numbers[k]!, numbers[k + 1]!]);
    }
    rows.set(table.prefix + id, row);
  }
  return rows;
}

/** Writes pages into a table (the inverse of `readPages`). */
export function writePages(rows: Map<string, PageRow>): Pick<SiteTable, 'prefix' | 'pages' | 'sections'> {
  const ids = [...rows.keys()];
  let prefix = ids[0] ?? '';
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const pages: string[] = [];
  const sections: Record<string, string> = {};
  for (const [id, row] of rows) {
    const short = id.slice(prefix.length);
    const fields = [short, row.note, row.titleWords, row.words].map((v) =>
      typeof v === 'number' ? v.toString(36) : v,
    );
    pages.push([...fields, row.traditional ? '1' : ''].join(' ').trimEnd());
    if (row.headings)
      sections[short] = row.headings
        .flat()
        .map((n) => n.toString(36))
        .join(' ');
  }
  return { prefix, pages: pages.join('|'), sections };
}

const HAN = /\p{Script=Han}/u;
const SPACE = /\s/;
/** How far ahead to look for a character Pagefind has that our text has further on. */
const LOOKAHEAD = 64;

/**
 * Pagefind's words of a page (from the text it stored: `content`), each as
 * written: the characters of `written` that line up with it, found through
 * `folded` (the same text folded as the index is). What Pagefind added
 * (`. ` between blocks) is left out; `wordOf[k]` is the word the k-th code
 * point of `written` went to.
 */
export function alignWords(
  content: string,
  folded: string,
  written: string,
): { words: string[]; wordOf: Int32Array; missed: number } {
  const zws = content.includes(WORD_BREAK);
  const pagefindWords = zws ? content.split(WORD_BREAK) : content.split(/[^\S\uFEFF]+/);
  const source = [...folded];
  const shown = [...written];
  const words = pagefindWords.map(() => '');
  const wordOf = new Int32Array(shown.length).fill(-1);
  let at = 0;
  let missed = 0;
  const take = (word: number) => {
    words[word] = words[word]! + shown[at]!;
    wordOf[at] = word;
    at += 1;
  };
  const same = (a: string | undefined, b: string) =>
    a !== undefined && (a === b || a.toLowerCase() === b.toLowerCase());
  for (const [word, pagefindWord] of pagefindWords.entries()) {
    const chars = [...(zws ? pagefindWord : `${pagefindWord} `)];
    for (const [index, char] of chars.entries()) {
      if (SPACE.test(char)) {
        if (SPACE.test(source[at] ?? '')) take(word);
        continue;
      }
      while (at < source.length && SPACE.test(source[at]!)) take(word);
      if (same(source[at], char)) {
        take(word);
        continue;
      }
      // Pagefind's own punctuation between blocks: the text goes on with what follows it.
      const next = chars.slice(index + 1).find((c) => !SPACE.test(c)) ?? pagefindWords[word + 1]?.trim()[0];
      if (next !== undefined && same(source[at], next)) continue;
      let ahead = -1;
      for (let k = at + 1; k < Math.min(source.length, at + LOOKAHEAD); k += 1) {
        if (same(source[k], char)) {
          ahead = k;
          break;
        }
      }
      if (ahead < 0) {
        missed += HAN.test(char) ? 1 : 0;
        continue;
      }
      while (at <= ahead) take(word);
    }
  }
  while (at < shown.length) take(words.length - 1);
  return { words, wordOf, missed };
}

/** The word a code point of the written text went to (the next one that went anywhere). */
function wordAt(wordOf: Int32Array, offset: number, fallback: number): number {
  for (let k = offset; k < wordOf.length; k += 1) if (wordOf[k]! >= 0) return wordOf[k]!;
  return fallback;
}

/** One page's stored files: name suffix (`''` for the head, `-k` for part k) and contents. */
export interface PageFiles {
  head: PageHead;
  /** Every heading as [first word, word after] (a long page's head has none). */
  spans: [number, number][];
  titleWords: number;
  files: { suffix: string; text: string }[];
  /** Han characters Pagefind has that could not be lined up with the page's text (0 when all is well). */
  missed: number;
}

/** The stored files of a page, from the text Pagefind keeps of it and the page as prepared. */
export function storePage(content: string, prepared: PreparedPage, path: string, noteTitle: string): PageFiles {
  const { words, wordOf, missed } = alignWords(content, prepared.folded, prepared.text);
  const [title, ...headings] =
    prepared.headings[0]?.id === undefined ? prepared.headings : [undefined, ...prepared.headings];
  const span = (start: number, end: number): [number, number] => {
    const first = wordAt(wordOf, start, words.length);
    const after = end >= wordOf.length ? words.length : wordAt(wordOf, end, words.length);
    return [first, Math.max(first, after)];
  };
  const stored = headings.flatMap((h) => (h?.id ? [[...span(h.start, h.end), h.id, h.title] as StoredHeading] : []));
  const long = words.length > LONG_PAGE_WORDS;
  const head: PageHead = {
    p: path,
    t: title?.title ?? '',
    nt: noteTitle,
    w: words.length,
    h: long ? [] : stored,
  };
  const parts: string[] = [];
  for (let start = 0; start < words.length || start === 0; start += PART_WORDS) {
    const here = long ? stored.filter(([first]) => first >= start && first < start + PART_WORDS) : [];
    const text = words
      .slice(start, start + PART_WORDS)
      .map((word) => [...word].map((char) => (char < ' ' ? ' ' : char)).join(''))
      .join(PART_SEPARATOR);
    parts.push(`${JSON.stringify(here)}\n${text}`);
  }
  return {
    head,
    spans: stored.map(([start, end]) => [start, end]),
    titleWords: title ? span(title.start, title.end)[1] : 0,
    // The first part comes with the head: most pages are one part, loaded in one request.
    files: [
      { suffix: '', text: `${JSON.stringify(head)}\n${parts[0]}` },
      ...parts.slice(1).map((text, k) => ({ suffix: `-${k + 1}`, text })),
    ],
    missed,
  };
}

/** Reads a page's first file: its head, and its first part. */
export function readPageHead(file: string): { head: PageHead; first: ReturnType<typeof readPagePart> } {
  const newline = file.indexOf('\n');
  return { head: JSON.parse(file.slice(0, newline)) as PageHead, first: readPagePart(file.slice(newline + 1)) };
}

/** Reads a part: the headings that start in it (a long page's), and its words. */
export function readPagePart(file: string): { headings: StoredHeading[]; words: string[] } {
  const newline = file.indexOf('\n');
  return {
    headings: JSON.parse(file.slice(0, newline)) as StoredHeading[],
    words: file.slice(newline + 1).split(PART_SEPARATOR),
  };
}

/**
 * The dictionaries search folds Chinese with (`search-fold.ts`), built from
 * OpenCC's (through opencc-js, which keeps them maintained): Taiwan's
 * character variants and traditional → simplified characters and phrases
 * for the characters; Taiwan ↔ mainland phrases (TWPhrases and its reverse)
 * for the vocabulary.
 *
 * Why a builder, and not opencc-js in the browser: the characters are
 * composed into one pass (OpenCC runs two), phrases that fold as their
 * characters do are dropped, and `SiteDictionary` keeps only the entries a
 * site's text can use, so a reader's first search downloads a few kilobytes
 * of dictionary, not the 110 KB of the five dictionaries. Node only.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';
import TW_PHRASES from 'opencc-js/dict/TWPhrases';
import TW_PHRASES_REV from 'opencc-js/dict/TWPhrasesRev';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import TW_VARIANTS_REV_PHRASES from 'opencc-js/dict/TWVariantsRevPhrases';
import { converter, createFolding, type FoldData, type Folding, pairs, unpairs } from './search-fold.ts';

const ONLY_HAN = /^\p{Script=Han}+$/u;

/** Every entry, before any site is seen. */
export function fullFoldData(): FoldData {
  // OpenCC's Taiwan → mainland conversion: Taiwan's variants first, then traditional → simplified.
  const variants = converter(new Map([...pairs(TW_VARIANTS_REV), ...pairs(TW_VARIANTS_REV_PHRASES)]));
  const simplify = converter(new Map([...pairs(TS_CHARACTERS), ...pairs(TS_PHRASES)]));
  const twoPasses = (text: string) => simplify(variants(text));

  const characters = new Map<string, string>();
  for (const char of new Set([...pairs(TW_VARIANTS_REV).keys(), ...pairs(TS_CHARACTERS).keys()])) {
    const folded = twoPasses(char);
    if (folded !== char && [...folded].length === 1) characters.set(char, folded);
  }
  const byCharacter = converter(characters);
  // A phrase is needed only where it folds otherwise than its characters do (乾坤 is not 干坤).
  const phrases = new Map<string, string>();
  for (const phrase of new Set([...pairs(TW_VARIANTS_REV_PHRASES).keys(), ...pairs(TS_PHRASES).keys()])) {
    const folded = twoPasses(phrase);
    if (folded !== byCharacter(phrase) && [...folded].length === [...phrase].length) phrases.set(phrase, folded);
  }
  const folding = createFolding({
    chars: [...characters].flat().join(''),
    phrases: unpairs(phrases),
    twToCn: '',
    cnToTw: '',
    shared: '',
  });

  // Vocabulary, folded; Han words only (the index's positions are Han characters).
  const twToCn = new Map<string, string>();
  const cnToTw = new Map<string, string>();
  const add = (map: Map<string, string>, from: string, to: string) => {
    const key = folding.fold(from);
    const value = folding.fold(to);
    if (key !== value && ONLY_HAN.test(key) && ONLY_HAN.test(value) && !map.has(key)) map.set(key, value);
  };
  const taiwanToMainland = pairs(TW_PHRASES_REV);
  const mainlandToTaiwan = pairs(TW_PHRASES);
  for (const [taiwan, mainland] of taiwanToMainland) add(twToCn, taiwan, mainland);
  for (const [mainland, taiwan] of mainlandToTaiwan) add(twToCn, taiwan, mainland);
  for (const [mainland, taiwan] of mainlandToTaiwan) add(cnToTw, mainland, taiwan);
  for (const [taiwan, mainland] of taiwanToMainland) add(cnToTw, mainland, taiwan);
  const shared = [...twToCn.keys()].filter((word) => cnToTw.has(word));
  return {
    chars: [...characters].flat().join(''),
    phrases: unpairs(phrases),
    twToCn: unpairs(twToCn),
    cnToTw: unpairs(cnToTw),
    shared: shared.join('|'),
  };
}

let full: { data: FoldData; folding: Folding } | undefined;

function built(): { data: FoldData; folding: Folding } {
  if (!full) {
    const data = fullFoldData();
    full = { data, folding: createFolding(data) };
  }
  return full;
}

/** The folding with every entry (the index's). */
export const fullFolding = (): Folding => built().folding;

/** What some pages contain that a site's dictionaries are cut to: their characters, and the phrases and words found. */
export interface DictionaryUse {
  chars: string;
  found: string[];
}

// Made once per dictionary data: a dictionary per group of pages costs no more than one for the site.
const candidatesMade = new WeakMap<FoldData, Map<string, string[]>>();

/** The folded phrases and words of `data`, by first character. */
function candidatesOf(data: FoldData): Map<string, string[]> {
  let candidates = candidatesMade.get(data);
  if (candidates) return candidates;
  candidates = new Map();
  for (const dict of [data.phrases, data.twToCn, data.cnToTw]) {
    for (const value of pairs(dict).values()) {
      const first = String.fromCodePoint(value.codePointAt(0)!);
      const list = candidates.get(first) ?? [];
      if (!list.includes(value)) list.push(value);
      candidates.set(first, list);
    }
  }
  candidatesMade.set(data, candidates);
  return candidates;
}

/**
 * The entries a site can use, gathered while its pages are folded for the
 * index: a character whose folded form is in the site (or in a word kept), a
 * phrase or word whose folded form is. A query spelled with an entry left out
 * could not match any page anyway.
 */
export class SiteDictionary {
  readonly #data: FoldData;
  readonly #seenChars = new Set<string>();
  readonly #found = new Set<string>();
  /** Candidate values (folded phrases and words), by first character. */
  readonly #candidates: Map<string, string[]>;

  constructor(data: FoldData = built().data) {
    this.#data = data;
    this.#candidates = candidatesOf(data);
  }

  /** What the pages recorded contain, for another dictionary to `add` without the pages (a later build's). */
  use(): DictionaryUse {
    return { chars: [...this.#seenChars].join(''), found: [...this.#found] };
  }

  /** Notes what some pages contain, as another dictionary's `use` gave it. */
  add(use: DictionaryUse): void {
    for (const char of use.chars) this.#seenChars.add(char);
    for (const value of use.found) this.#found.add(value);
  }

  /** Notes what a page's folded text contains. */
  record(folded: string): void {
    const chars = [...folded];
    let offset = 0;
    for (const char of chars) {
      this.#seenChars.add(char);
      const candidates = this.#candidates.get(char);
      if (candidates) for (const value of candidates) if (folded.startsWith(value, offset)) this.#found.add(value);
      offset += char.length;
    }
  }

  /** The dictionaries the site's readers need. */
  data(): FoldData {
    const keep = (dict: string) => new Map([...pairs(dict)].filter(([, value]) => this.#found.has(value)));
    const twToCn = keep(this.#data.twToCn);
    const cnToTw = keep(this.#data.cnToTw);
    const wordChars = new Set([...twToCn.keys(), ...cnToTw.keys()].flatMap((word) => [...word]));
    const chars = [...this.#data.chars];
    let kept = '';
    for (let at = 0; at + 1 < chars.length; at += 2) {
      const folded = chars[at + 1]!;
      if (this.#seenChars.has(folded) || wordChars.has(folded)) kept += chars[at]! + folded;
    }
    return {
      chars: kept,
      phrases: unpairs(keep(this.#data.phrases)),
      twToCn: unpairs(twToCn),
      cnToTw: unpairs(cnToTw),
      shared: this.#data.shared
        .split('|')
        .filter((word) => twToCn.has(word))
        .join('|'),
    };
  }
}

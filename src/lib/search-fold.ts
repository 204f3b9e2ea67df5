/**
 * Folding Chinese for search, the same in the index (Node) and for queries
 * (the browser), from one set of OpenCC dictionaries (`search-dictionary.ts`
 * builds them; the browser gets only the entries the site can use).
 *
 * Two kinds of folding, for two reasons:
 * - Characters: traditional and variant characters become simplified ones
 *   (`學習` → `学习`), in the index and in queries. This folding keeps the
 *   text's length, character for character, so a position in the index is a
 *   position in the page as written: results show the page's own characters.
 * - Vocabulary: Taiwan and the mainland name things differently (磁碟/磁盘,
 *   記憶體/内存, 核心模組/内核模块). The index keeps each page's own words;
 *   a query is searched in its spellings in both vocabularies instead. Why
 *   not fold vocabulary in the index too: many words are both, with different
 *   meanings (程序 is "program" on the mainland and "process" in Taiwan), and
 *   which one a page means depends on where it was written, which a page
 *   rarely says; and the words differ in length, so positions would no longer
 *   map back to the page's own text. A query's spelling as typed is kept
 *   apart, so a page with the words as the reader typed them ranks first.
 */

/** The dictionaries, as OpenCC writes them: `key value|key value`. */
export interface FoldData {
  /** Characters to fold, as pairs in one string: `學学體体`. */
  chars: string;
  /** Phrases folded whole, where OpenCC's phrases differ from folding their characters (`乾坤 乾坤`). */
  phrases: string;
  /** Taiwan words → mainland words, both already folded (`磁碟 磁盘`). */
  twToCn: string;
  /** Mainland words → Taiwan words, both already folded (`磁盘 磁碟`). */
  cnToTw: string;
  /** Taiwan words that are mainland words too (`程序`, `文件`), `|`-separated: typed in simplified, they mean the mainland word. */
  shared: string;
}

export interface Folding {
  /** Characters folded, length kept: `文字接龍` → `文字接龙`. */
  fold: (text: string) => string;
  /** Whether folding changes `text` (it has traditional or variant characters). */
  isTraditional: (text: string) => boolean;
  /**
   * The spellings to search a phrase (Han characters) as, folded, the one as
   * typed first: `記憶體` → `记忆体`, `内存`; `内核模块` → `内核模块`, `核心模组`.
   */
  spellings: (phrase: string) => string[];
}

const HAN = /\p{Script=Han}/u;

/** `a b|c d` → Map { a → b, c → d }. */
export function pairs(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) map.set(entry.slice(0, space), entry.slice(space + 1));
  }
  return map;
}

/** Map → `a b|c d`. */
export function unpairs(map: Map<string, string>): string {
  return [...map].map(([key, value]) => `${key} ${value}`).join('|');
}

/** A longest-match converter over `map` (keys of one or more characters), as OpenCC converts. */
export function converter(map: Map<string, string>): (text: string) => string {
  const starts = new Set<string>();
  let longest = 1;
  for (const key of map.keys()) {
    const first = String.fromCodePoint(key.codePointAt(0)!);
    starts.add(first);
    longest = Math.max(longest, [...key].length);
  }
  return (text) => {
    if (!HAN.test(text)) return text;
    const chars = [...text];
    let out = '';
    for (let at = 0; at < chars.length; ) {
      const char = chars[at]!;
      if (starts.has(char)) {
        let matched = 0;
        for (let length = Math.min(longest, chars.length - at); length >= 1; length -= 1) {
          const value = map.get(length === 1 ? char : chars.slice(at, at + length).join(''));
          if (value !== undefined) {
            out += value;
            matched = length;
            break;
          }
        }
        if (matched > 0) {
          at += matched;
          continue;
        }
      }
      out += char;
      at += 1;
    }
    return out;
  };
}

// CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F): each is one unified ideograph under NFKC.
const COMPATIBILITY = /[\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;

/** The folding the index and queries share, from its dictionaries. */
export function createFolding(data: FoldData): Folding {
  const characters = new Map<string, string>();
  const chars = [...data.chars];
  for (let at = 0; at + 1 < chars.length; at += 2) characters.set(chars[at]!, chars[at + 1]!);
  const foldMap = new Map([...characters, ...pairs(data.phrases)]);
  const foldText = converter(foldMap);
  const fold = (text: string) => foldText(text.replace(COMPATIBILITY, (c) => c.normalize('NFKC')));
  const twToCn = pairs(data.twToCn);
  const cnToTw = pairs(data.cnToTw);
  const shared = new Set(data.shared.split('|'));
  // Words, for cutting a phrase into them: either vocabulary's key, longest first.
  const words = converter(new Map([...twToCn.keys(), ...cnToTw.keys()].map((word) => [word, `\u0000${word}\u0000`])));
  return {
    fold,
    isTraditional: (text) => fold(text) !== text,
    spellings: (phrase) => {
      const typed = fold(phrase);
      const parts = words(typed).split('\u0000').filter(Boolean);
      // Read as Taiwan's words when the reader typed traditional characters or a word only Taiwan uses.
      const taiwanese = typed !== phrase || parts.some((part) => twToCn.has(part) && !shared.has(part));
      const choices = parts.map((part) => {
        const options = [part];
        const mainland = taiwanese ? twToCn.get(part) : undefined;
        if (mainland) options.push(mainland);
        const taiwan = cnToTw.get(part);
        if (taiwan) options.push(taiwan);
        return options;
      });
      return combinations(choices, MAX_SPELLINGS);
    },
  };
}

/** At most this many spellings of one phrase are searched. */
const MAX_SPELLINGS = 12;

/**
 * Ways of choosing one option per part, joined: as typed first, then each
 * part in its first other spelling (all in one vocabulary), then every mix,
 * fewest changes first (a page may write some words one way and some the
 * other: 區域網網路地址範圍).
 */
function combinations(choices: string[][], limit: number): string[] {
  const whole = [0, 1, 2].map((pick) => choices.map((options) => options[Math.min(pick, options.length - 1)]).join(''));
  let mixes: { text: string; changes: number }[] = [{ text: '', changes: 0 }];
  for (const options of choices) {
    mixes = mixes
      .flatMap(({ text, changes }) =>
        options.map((option, index) => ({ text: text + option, changes: changes + (index > 0 ? 1 : 0) })),
      )
      .sort((a, b) => a.changes - b.changes)
      .slice(0, limit * 4);
  }
  return [...new Set([...whole, ...mixes.map((mix) => mix.text)])].slice(0, limit);
}

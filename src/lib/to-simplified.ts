/**
 * Traditional → simplified Chinese, as search folds characters
 * (`search-fold.ts`, from OpenCC's Taiwan-to-mainland dictionaries through
 * `search-dictionary.ts`), for code outside search that must fold text the
 * way the index does (the real corpus's query check). Node only.
 */
import { fullFolding } from './search-dictionary.ts';

/** `文字接龍` → `文字接龙`; simplified text and other scripts are unchanged; the length is kept. */
export const toSimplified = (text: string): string => fullFolding().fold(text);

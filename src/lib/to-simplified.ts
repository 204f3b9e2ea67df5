/**
 * Traditional → simplified Chinese for search, the same on both sides (the
 * index in Node, queries in the browser): opencc-js's Taiwan-to-mainland
 * conversion (`tw2s`: Taiwan variants, then OpenCC's traditional→simplified
 * phrases and characters), built from just the dictionaries it needs. Why
 * not the `opencc-js/t2cn` bundle: it also carries the Hong Kong and
 * Japanese dictionaries, bytes every reader's first search would download.
 */
import { ConverterFactory } from 'opencc-js/core';
import CJK_COMPATIBILITY from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import TW_VARIANTS_REV_PHRASES from 'opencc-js/dict/TWVariantsRevPhrases';
import type { ToSimplified } from './search-text.ts';

const normalize = ConverterFactory([CJK_COMPATIBILITY]);
const taiwanVariants = ConverterFactory([TW_VARIANTS_REV_PHRASES, TW_VARIANTS_REV]);
const traditionalToSimplified = ConverterFactory([TS_PHRASES, TS_CHARACTERS]);

/** `文字接龍` → `文字接龙`; simplified text and other scripts are unchanged. */
export const toSimplified: ToSimplified = (text) => traditionalToSimplified(taiwanVariants(normalize(text)));

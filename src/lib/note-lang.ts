/**
 * The language a note is written in, for its pages' `lang`: browsers choose
 * Chinese glyphs by it (骨, 直, 角 are drawn differently for zh-CN and
 * zh-TW), screen readers their voice. A note may say so itself (`lang:` in its
 * front matter); otherwise a note whose Han characters are mostly
 * traditional-only forms is `zh-TW`, and any other `zh-CN` (the site's own).
 * Characters are classed with OpenCC's dictionaries: traditional-only if
 * they change when made simplified, simplified-only if they change when made
 * traditional.
 */
import { ConverterFactory } from 'opencc-js/core';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { SITE_LANG } from '../site.ts';

const toSimplified = ConverterFactory([TS_CHARACTERS]);
const toTraditional = ConverterFactory([ST_CHARACTERS]);

/** A language tag as `<html lang>` takes it: `zh-TW`, `en`, `ja`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export type LangChoice = { lang: string; from: 'front matter' | 'text' } | { invalid: string };

/** The note's language: as its front matter declares it, or as its text reads. */
export function noteLang(declared: unknown, text: string): LangChoice {
  if (typeof declared === 'string' && declared.trim()) {
    const tag = declared.trim().replace(/_/g, '-');
    return LANGUAGE_TAG.test(tag) ? { lang: tag, from: 'front matter' } : { invalid: declared };
  }
  return { lang: readsAsTraditional(text) ? 'zh-TW' : SITE_LANG, from: 'text' };
}

/** Whether most of the text's distinctive Han characters are traditional forms. */
export function readsAsTraditional(text: string): boolean {
  const counts = new Map<string, number>();
  for (const char of text.match(/\p{Script=Han}/gu) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  let traditional = 0;
  let simplified = 0;
  for (const [char, count] of counts) {
    if (toSimplified(char) !== char) traditional += count;
    else if (toTraditional(char) !== char) simplified += count;
  }
  // A few traditional characters in a simplified note (a quoted title, 臺灣) do not make it traditional.
  return traditional >= 5 && traditional > 2 * simplified;
}

import { ConverterFactory } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/**
 * Traditional → simplified Chinese (OpenCC's t2s character and phrase tables, Taiwan variants first),
 * plus the removal of the pinyin runs that some converters leave after characters: `結(jié)轉(zhuǎn)`.
 */

let converter: ((s: string) => string) | undefined;

/** Characters common in report pages that exist only in traditional script: a cheap pre-test. */
const TRADITIONAL_HINT =
  /[開報處請數總計結轉與區機關審條項規範許強費採購復議訴訟據經發佈務屬護時會辦機構職業現處廢製華東圖書體為們國內實應對們級點網題單決義]/;

export function hasTraditional(text: string): boolean {
  return TRADITIONAL_HINT.test(text);
}

/**
 * Converts to simplified characters. Long text is converted only when it shows traditional
 * characters (cheap on the usual simplified page); `always` converts regardless (short labels).
 */
export function toSimplified(text: string, always = false): string {
  if (!always && !hasTraditional(text)) return text;
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return text;
  converter ??= ConverterFactory([TWVariantsRevPhrases, TWVariantsRev], [TSPhrases, TSCharacters]);
  return converter(text);
}

const PINYIN_RUN =
  /([\u3400-\u9fff\uf900-\ufaff])(?:\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\))+/g;

/** Removes converter pinyin annotations: `結(jié)轉(zhuǎn)` → `結轉`, `公(gong)(gong)` → `公`. */
export function stripPinyin(text: string): string {
  return text.indexOf('(') === -1 ? text : text.replace(PINYIN_RUN, '$1');
}

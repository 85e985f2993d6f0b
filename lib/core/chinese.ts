import { T2S_FROM, T2S_PHRASES, T2S_TO } from './t2s-table';

/**
 * Traditional → simplified for matching, and removal of converter pinyin runs (`結(jié)轉(zhuǎn)`).
 * The character map (lib/t2s-table.ts, generated from OpenCC) covers the characters the core matches
 * on — labels, headings, units — so the page-side bundle stays small. Names (the agency) get OpenCC's
 * full conversion in `chinese-full.ts`, on the CLI and in the background.
 */

const MAP = new Map<string, string>();
const from = [...T2S_FROM];
const to = [...T2S_TO];
from.forEach((ch, i) => MAP.set(ch, to[i]));
const PHRASES = new Map(T2S_PHRASES);
const PHRASE_RE = new RegExp(T2S_PHRASES.map(([f]) => f).join('|'), 'g');
const PHRASE_STARTS = [...new Set(T2S_PHRASES.map(([f]) => f[0]))].join('');
const TRADITIONAL = new RegExp(`[${T2S_FROM}${PHRASE_STARTS}]`);
const TRADITIONAL_ALL = new RegExp(`[${T2S_FROM}]`, 'g');

/** Converts the characters the core matches on to simplified; other characters are left as they are. */
export function toSimplified(text: string): string {
  if (!TRADITIONAL.test(text)) return text;
  return text.replace(PHRASE_RE, (p) => PHRASES.get(p) ?? p).replace(TRADITIONAL_ALL, (ch) => MAP.get(ch) ?? ch);
}

/** One converter pinyin annotation: `(jié)`. */
export const PINYIN_SYLLABLE = '\\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\\)';
const PINYIN_RUN = new RegExp(`([\\u3400-\\u9fff\\uf900-\\ufaff])(?:${PINYIN_SYLLABLE})+`, 'g');

/** Removes converter pinyin annotations: `結(jié)轉(zhuǎn)` → `結轉`, `公(gong)(gong)` → `公`. */
export function stripPinyin(text: string): string {
  return text.indexOf('(') === -1 ? text : text.replace(PINYIN_RUN, '$1');
}

import { stripPinyin, toSimplified } from './chinese';

/**
 * Label normalisation (SPEC §2, DOMAIN-NOTES §3.8): pinyin artifacts removed, 繁→简, full-width →
 * half-width (NFKC), quotes unified, every kind of white space removed, known typos repaired.
 * Labels repeat across pages, so results are memoised.
 */

/** Every kind of white space normalisation removes (a RegExp character class). */
export const WHITESPACE_CHAR = '[\\s\\u00a0\\u3000\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\ufeff]';
const WHITESPACE = new RegExp(`${WHITESPACE_CHAR}+`, 'g');
const QUOTES = /[“”„‟"「」『』〝〞＂]/g;

/** Known typos and their repairs, applied in this order: `typo repair`, one a line. */
const REPAIRS = `
不在处理 不再处理
未按照 未按
规范性档案 规范性文件
制作數量 制作数量
三安全一穩定 三安全一稳定
其它 其他
`
  .trim()
  .split('\n')
  .map((line) => line.split(' '));
/** one test before the repairs: is any typo there at all */
const REPAIR_ANY = new RegExp(REPAIRS.map(([typo]) => typo).join('|'));

/**
 * Memoises a function of a label (normalisation, a matcher, a verdict): labels repeat across cells, tables
 * and pages, and regexes cost. At most 20,000 labels are kept (then the memo starts afresh).
 */
export function memo<T>(fn: (label: string) => T): (label: string) => T {
  const cache = new Map<string, T>();
  return (label) => {
    const known = cache.get(label);
    if (known !== undefined || cache.has(label)) return known as T;
    const v = fn(label);
    if (cache.size > 20_000) cache.clear();
    cache.set(label, v);
    return v;
  };
}

export const normalizeLabel = memo((raw: string): string => {
  let out = normalizeText(raw);
  if (REPAIR_ANY.test(out)) for (let i = 0; i < REPAIRS.length; i++) out = out.replaceAll(REPAIRS[i][0], REPAIRS[i][1]);
  return out;
});

/** Light normalisation for long page text: pinyin and 繁→简 and white space, no memo. */
export function compactText(raw: string): string {
  return toSimplified(stripPinyin(raw)).replace(WHITESPACE, '');
}

/** Full normalisation of a short text (a title): as labels, without the memo. */
export function normalizeText(raw: string): string {
  return toSimplified(stripPinyin(raw)).normalize('NFKC').replace(QUOTES, '"').replace(WHITESPACE, '');
}

/** Removes a leading ordinal marker: `一、` `（三）` `(3)` `1.` `2、` `3．`. */
export function stripOrdinal(label: string): string {
  return label.replace(/^(?:[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]\d+[)）]|\d+[.．、](?!\d))/, '');
}

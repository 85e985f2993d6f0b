/**
 * Counts written in Chinese numerals, as report narratives print them: 三 → 3, 两 → 2, 十二 → 12,
 * 二十五 → 25, 一百零三 → 103, 三千二百 → 3200, 零 → 0. Up to 9999 (a count the narrative spells out is
 * small); anything else (万, an unknown character, 十十) is null, never a guess.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese count may be written with (a RegExp character class body). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

export function parseChineseNumber(text: string): number | null {
  if (text.length === 0 || text.length > 12) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // 三四: not a count
      digit = d;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    total += (digit ?? (total === 0 && unit === 10 ? 1 : NaN)) * unit; // 十二: a leading 十 is 一十
    if (Number.isNaN(total)) return null;
    lastUnit = unit;
    digit = null;
  }
  return total + (digit ?? 0);
}

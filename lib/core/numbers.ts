import type { ActiveColumnKind } from './keys';

/**
 * Cell text → number (SPEC §3). Blanks and dashes are 0 marked `blank`; units, signed changes,
 * full-width digits and thousands separators are read; money is kept in 万元. Anything else is
 * an unreadable cell: value null with a message, never a guess.
 */

export interface ParsedNumber {
  value: number | null;
  blank: boolean;
  /** why the text could not be read as a number of this kind */
  error?: string;
}

const BLANK = /^(?:|[/\\／\-－—–―~～]+|无|無|空|\*+)$/;
const COUNT_UNIT = '(?:件|项|項|条|條|笔|筆|个|個|宗|次|份|家|人|起|户|戶|批)';
const PLAIN = new RegExp(`^([+\\-−]?)(\\d+(?:\\.\\d+)?)${COUNT_UNIT}?$`);
const MONEY = /^([+\-−]?)(\d+(?:\.\d+)?)(?:\(?(万元|萬元|元)\)?)?$/;
const CHANGE_WORD = new RegExp(`^(增加|增|减少|减|減少|減|新增|净增|淨增|净减|淨減)(\\d+(?:\\.\\d+)?)${COUNT_UNIT}?$`);
const ASCII = /^[\x00-\x7f]*$/;
const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200f\ufeff]+/g;

function clean(raw: string): string {
  let s = (ASCII.test(raw) ? raw : raw.normalize('NFKC')).replace(WHITESPACE, '');
  // thousands separators between digit groups: 1,234 1，234 (NFKC turns ， into ,)
  if (s.includes(',')) s = s.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  return s;
}

/** The common case: a short run of ASCII digits, possibly padded — read without any regex. */
function plainDigits(raw: string): number | undefined {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 32) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 32) end--;
  if (end === start || end - start > 12) return undefined;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

export function parseNumber(raw: string, kind: ActiveColumnKind = 'count'): ParsedNumber {
  const fast = plainDigits(raw);
  if (fast !== undefined) return { value: fast, blank: false };
  const s = clean(raw);
  if (BLANK.test(s)) return { value: 0, blank: true };
  if (kind === 'money') {
    const m = MONEY.exec(s);
    if (!m) return unreadable(raw);
    const n = Number(m[2]) * (m[1] && m[1] !== '+' ? -1 : 1);
    if (Math.abs(n) > MAX_MAGNITUDE) return tooLarge(raw);
    return { value: m[3] === '元' ? n / 10_000 : n, blank: false };
  }
  let m = PLAIN.exec(s);
  let sign: number;
  let digits: string;
  if (m) {
    sign = m[1] && m[1] !== '+' ? -1 : 1;
    digits = m[2];
  } else if (kind === 'change' && (m = CHANGE_WORD.exec(s))) {
    sign = /减|減/.test(m[1]) ? -1 : 1;
    digits = m[2];
  } else {
    return unreadable(raw);
  }
  const value = sign * Number(digits);
  if (Math.abs(value) > MAX_MAGNITUDE) return tooLarge(raw);
  if (kind === 'count') {
    if (sign < 0) return failed(`计数不能为负数：${raw.trim()}`);
    if (!Number.isInteger(value)) return failed(`计数应为整数：${raw.trim()}`);
  }
  return { value: Object.is(value, -0) ? 0 : value, blank: false };
}

/** Larger than any count or amount a report can hold (and beyond exact integer arithmetic). */
const MAX_MAGNITUDE = 1e12;

/** A cell that holds no number this function can vouch for: no value, and why. */
function failed(error: string): ParsedNumber {
  return { value: null, blank: false, error };
}

function tooLarge(raw: string): ParsedNumber {
  return failed(`数值过大，无法核验：${raw.trim().slice(0, 60)}`);
}

function unreadable(raw: string): ParsedNumber {
  return failed(`无法读取的数值：${raw.trim().slice(0, 60)}`);
}

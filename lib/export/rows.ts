import { ALL_KEYS, keyInfo } from '../core/keys';
import { checkName } from '../i18n/check-words';
import { tally, type ReportRecord } from '../core/record';
import { RESEARCH_HEADER, researchCells } from './research';

/**
 * The table shapes shared by CSV and XLSX: a cell is a number (typed, written as a number), text
 * (escaped against formula injection by the writer), or empty.
 */
export type CellValue = string | number | null;

export const LONG_HEADER = ['report_id', 'agency', 'year', 'format', 'url', 'section', 'key', 'label', 'value', 'raw'];
export const WIDE_META = ['report_id', 'agency', 'year', 'format', 'status', 'url', 'title', 'savedAt', 'pass', 'fail', 'skip'];
/** metadata, the research columns (research.ts), one column per key, the failing check ids */
export const WIDE_HEADER = [...WIDE_META, ...RESEARCH_HEADER, ...ALL_KEYS, 'failing_checks'];
/** `name`: the check in words (lib/i18n/check-words.ts), for people; `check` stays the stable id. */
export const CHECKS_HEADER = ['report_id', 'agency', 'year', 'check', 'status', 'lhs', 'rhs', 'diff', 'reason', 'name'];

const ORDER = new Map(ALL_KEYS.map((k, i) => [k, i]));

/** The record's keys (or a key list) in catalogue order (unknown keys last, alphabetically). */
export function orderedKeys(r: ReportRecord | readonly string[]): string[] {
  return (Array.isArray(r) ? [...(r as readonly string[])] : Object.keys((r as ReportRecord).values)).sort((a, b) => {
    const ia = ORDER.get(a) ?? Infinity;
    const ib = ORDER.get(b) ?? Infinity;
    return ia === ib ? (a < b ? -1 : a > b ? 1 : 0) : ia - ib;
  });
}

/** One row per report × key present in `values`. */
export function longRows(r: ReportRecord): CellValue[][] {
  return orderedKeys(r).map((key) => {
    const info = keyInfo(key);
    return [
      r.id,
      r.agency,
      r.year,
      r.format,
      r.url,
      info?.section ?? null,
      key,
      info?.label ?? null,
      r.values[key],
      r.cells[key]?.raw ?? null,
    ];
  });
}

/** One row per report: metadata, research columns, one column per key (ALL_KEYS order), then the failing check ids. */
export function wideRow(r: ReportRecord): CellValue[] {
  const t = tally(r.checks);
  const failing = r.checks
    .filter((c) => c.status === 'fail')
    .map((c) => c.id)
    .join(' ');
  return [
    r.id,
    r.agency,
    r.year,
    r.format,
    r.status,
    r.url,
    r.title,
    r.savedAt,
    t.pass,
    t.fail,
    t.skip,
    ...researchCells(r),
    ...ALL_KEYS.map((k) => r.values[k] ?? null),
    failing,
  ];
}

/** For each wide column (ALL_KEYS order), the index of that key in `keys`, or -1. */
export function wideColumns(keys: readonly string[]): Int32Array {
  const at = new Map(keys.map((k, i) => [k, i]));
  return Int32Array.from(ALL_KEYS, (k) => at.get(k) ?? -1);
}

/** One row per check. */
export function checkRows(r: ReportRecord): CellValue[][] {
  return r.checks.map((c) => [
    r.id,
    r.agency,
    r.year,
    c.id,
    c.status,
    c.lhs,
    c.rhs,
    c.diff,
    c.reason ?? null,
    checkName(c.id, 'zh_CN', false),
  ]);
}

/** A text cell that a spreadsheet would run as a formula gets a leading `'` (OWASP CSV injection advice). */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

import { OVERLAY_TEXT, type OverlayText } from '../i18n/overlay';
import type { Check, ReportRecord } from './record';
import { keyInfo } from './keys';

/**
 * What the overlay shows, derived from a record: page and table verdicts (SPEC §7), which cells to outline,
 * and each failing check as a sentence with labels. Pure.
 */

export type PageStatus = 'pass' | 'fail' | 'partial' | 'no-tables';
export type TableStatus = 'pass' | 'fail' | 'partial';
export type CellMark = 'fail' | 'part';

const PAGE_STATUS: Record<ReportRecord['status'], PageStatus> = {
  ok: 'pass',
  errors: 'fail',
  partial: 'partial',
  'no-tables': 'no-tables',
};

export function pageStatus(r: ReportRecord): PageStatus {
  return PAGE_STATUS[r.status];
}

export function failingChecks(r: ReportRecord): Check[] {
  return r.checks.filter((c) => c.status === 'fail');
}

/** The checks that read at least one cell of report table `index`. */
export function checksOfTable(r: ReportRecord, index: number): Check[] {
  return r.checks.filter((c) => [...c.lhsKeys, ...c.rhsKeys].some((k) => r.cells[k]?.table === index));
}

/** fail if any of its checks fails; partial if none fails but some skip, or none apply (as SPEC §7 says of
 * the page: a table without identities, like section 二, is not "all pass"); pass otherwise. */
export function tableStatus(checks: readonly Check[]): TableStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (!checks.length || checks.some((c) => c.status === 'skip')) return 'partial';
  return 'pass';
}

/** Cells to outline: the totals of failing checks (`fail`) and the parts they sum (`part`); fail wins. */
export function cellMarks(r: ReportRecord): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const c of failingChecks(r)) {
    for (const k of c.lhsKeys) if (!marks.has(k)) marks.set(k, 'part');
    for (const k of c.rhsKeys) marks.set(k, 'fail');
  }
  return marks;
}

export function failingChecksOfKey(r: ReportRecord, key: string): Check[] {
  return failingChecks(r).filter((c) => c.lhsKeys.includes(key) || c.rhsKeys.includes(key));
}

const SEP = ' · ';
const label = (key: string) => (keyInfo(key)?.label ?? key).replace(/（区分处理的[^）]*）/, '');

/** Drops the part every label shares with the total (the row, or the column), e.g. "复议后起诉 · 结果维持" → "结果维持". */
function shortParts(total: string, parts: string[]): string[] {
  const [tRow, tCol] = total.split(SEP);
  const split = parts.map((p) => p.split(SEP));
  if (split.every((s) => s.length === 2 && s[0] === tRow)) return split.map((s) => s[1]);
  if (split.every((s) => s.length === 2 && s[1] === tCol)) return split.map((s) => s[0]);
  return parts;
}

function joinParts(parts: string[], t: OverlayText): string {
  if (parts.length <= 7) return parts.join(' + ');
  return `${parts.slice(0, 4).join(' + ')} + … + ${parts[parts.length - 1]}（${t.count(parts.length)}）`;
}

const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));

export interface CheckText {
  equation: string;
  /** e.g. "报告值 4 · 计算值 0 · 差 4" */
  values: string;
}

/** "复议后起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结" and "报告值 4 · 计算值 0 · 差 4". */
export function describeCheck(c: Check, t: OverlayText = OVERLAY_TEXT.zh_CN): CheckText {
  const lhs = c.lhsKeys.map(label);
  const rhs = c.rhsKeys.map(label);
  if (rhs.length === 1) {
    const total = rhs[0];
    const equation = `${total.replace(SEP, ' ')} = ${joinParts(shortParts(total, lhs), t)}`;
    const diff = c.rhs !== null && c.lhs !== null ? c.rhs - c.lhs : null;
    return { equation, values: t.values(fmt(c.rhs), fmt(c.lhs), fmt(diff)) };
  }
  const cols = new Set([...lhs, ...rhs].map((l) => l.split(SEP)[1]));
  const col = cols.size === 1 ? [...cols][0] : undefined;
  const rows = (ls: string[]) => joinParts(col ? ls.map((l) => l.split(SEP)[0]) : ls, t);
  const equation = `${col ? `${col}：` : ''}${rows(lhs)} = ${rows(rhs)}`;
  return { equation, values: t.sides(fmt(c.lhs), fmt(c.rhs), fmt(c.diff)) };
}

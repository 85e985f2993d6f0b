import type { Check, ReportRecord } from './record';

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

/**
 * The record's status (SPEC §5), the one rule behind every verdict: legacy reports have no identities
 * (`partial`), no tables is `no-tables`, else the checks decide as they do for a table (fail → `errors`,
 * partial → `partial`, pass → `ok`).
 */
export function recordStatus(format: ReportRecord['format'], tables: number, checks: readonly Check[]): ReportRecord['status'] {
  if (format === 'legacy') return 'partial';
  if (!tables) return 'no-tables';
  return RECORD_STATUS[tableStatus(checks)];
}
const RECORD_STATUS: Record<TableStatus, ReportRecord['status']> = { fail: 'errors', partial: 'partial', pass: 'ok' };

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

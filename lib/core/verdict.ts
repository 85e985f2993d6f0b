import type { Check, ReportRecord } from './record';

/**
 * What the overlay shows, derived from a record: page and table verdicts (SPEC §7), which cells to outline,
 * and each failing check as a sentence with labels. Pure.
 */

export type PageStatus = 'pass' | 'fail' | 'partial' | 'no-tables';
export type TableStatus = 'pass' | 'fail' | 'partial';
/** a failing total, a part it sums, or (page side) the sentence a failing text check read */
export type CellMark = 'fail' | 'part' | 'text';

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

/**
 * A check that reads more than the tables (SPEC §10: `text.*`, `xyear.*`, `meta.*`). Its failure counts
 * like any other; its skip does not make a verdict partial: a report whose text states no number, whose
 * previous year is not saved, or whose page shows no date is fully assessed as far as its tables go.
 */
export function beyondTables(c: Check): boolean {
  return /^(?:text|xyear|meta)\./.test(c.id);
}

/**
 * The keys of this record's own cells a check reads: an `xyear.*` check's right-hand keys name the
 * previous year's cells (in the record `ref` points to), not this page's.
 */
export function ownKeys(c: Check): string[] {
  return c.id.startsWith('xyear.') ? c.lhsKeys.slice(0, 1) : [...c.lhsKeys, ...c.rhsKeys];
}

/** The checks that read at least one cell of report table `index`. */
export function checksOfTable(r: ReportRecord, index: number): Check[] {
  return r.checks.filter((c) => ownKeys(c).some((k) => r.cells[k]?.table === index));
}

/** fail if any of its checks fails; partial if none fails but some table identity skips, or none apply (as
 * SPEC §7 says of the page: a table without identities, like section 二, is not "all pass"); pass otherwise. */
export function tableStatus(checks: readonly Check[]): TableStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  const own = checks.filter((c) => !beyondTables(c));
  if (!own.length || own.some((c) => c.status === 'skip')) return 'partial';
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
    // text.* and xyear.*: the one cell of this page the check compares is the one in question
    // text.* and xyear.*: the cell of this page the check compares is the one in question; several (a text
    // stating 行政诉讼 against 直接起诉 + 复议后起诉) are parts of it
    if (beyondTables(c)) {
      const keys = ownKeys(c);
      for (const k of keys)
        if (keys.length === 1) marks.set(k, 'fail');
        else if (!marks.has(k)) marks.set(k, 'part');
      continue;
    }
    for (const k of c.lhsKeys) if (!marks.has(k)) marks.set(k, 'part');
    for (const k of c.rhsKeys) marks.set(k, 'fail');
  }
  return marks;
}

export function failingChecksOfKey(r: ReportRecord, key: string): Check[] {
  return failingChecks(r).filter((c) => ownKeys(c).includes(key));
}

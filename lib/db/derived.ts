import type { EntityTable, Transaction } from 'dexie';
import type { ReportRecord } from '../core/record';
import { summarize, type ReportSummary } from '../core/summary';
import { storeExportRow, toExportRow, type KeyListRow, type StoredExportRow } from '../export/export-row';
import { DERIVED_VERSION } from './versions';

/**
 * The derived tables — `summaries` (the history table's rows) and `exportRows` + `keyLists` (what CSV and
 * XLSX print) — are projections of `reports`. Each stored row carries `dv`, the version of the code that
 * built it; when the code changes what it derives, `DERIVED_VERSION` goes up and every row is rebuilt
 * from the reports the next time the database opens (`rebuildIfStale`), so a history or an export never
 * shows what an older version derived (the number is in versions.ts).
 */
export { DERIVED_VERSION };

export type StoredSummary = ReportSummary & { dv?: number };
export type StampedExportRow = StoredExportRow & { dv?: number };

export const summaryRow = (r: ReportRecord): StoredSummary => ({ ...summarize(r), dv: DERIVED_VERSION });

/** The export rows of `records`, stamped, with the distinct key lists they refer to. */
export function exportRowsOf(records: readonly ReportRecord[]): { rows: StampedExportRow[]; lists: KeyListRow[] } {
  const lists = new Map<string, KeyListRow>();
  const rows = records.map((r) => {
    const s = storeExportRow(toExportRow(r));
    for (const l of s.lists) lists.set(l.id, l);
    return { ...s.stored, dv: DERIVED_VERSION };
  });
  return { rows, lists: [...lists.values()] };
}

interface DerivedTables {
  reports: EntityTable<ReportRecord, 'id'>;
  summaries: EntityTable<StoredSummary, 'id'>;
  exportRows: EntityTable<StampedExportRow, 'id'>;
  keyLists: EntityTable<KeyListRow, 'id'>;
}

/** True when a stored derived row was built by another version (one row tells: all are rebuilt together). */
export async function isStale(t: Pick<DerivedTables, 'summaries' | 'exportRows'>): Promise<boolean> {
  const [s, e] = await Promise.all([t.summaries.toCollection().first(), t.exportRows.toCollection().first()]);
  return (s !== undefined && s.dv !== DERIVED_VERSION) || (e !== undefined && e.dv !== DERIVED_VERSION);
}

/**
 * Rebuilds every derived row from the reports, 200 reports at a time, inside the caller's transaction (or
 * a new one): the history and exports never see half of it. Returns how many reports it read.
 */
export async function rebuildDerived(t: DerivedTables, tx?: Transaction): Promise<number> {
  const run = async () => {
    await Promise.all([t.summaries.clear(), t.exportRows.clear(), t.keyLists.clear()]);
    const PAGE = 200;
    let last: string | undefined;
    let done = 0;
    for (;;) {
      const page =
        last === undefined
          ? await t.reports.orderBy('id').limit(PAGE).toArray()
          : await t.reports.where('id').above(last).limit(PAGE).toArray();
      if (page.length === 0) break;
      const { rows, lists } = exportRowsOf(page);
      await t.summaries.bulkPut(page.map(summaryRow));
      await t.keyLists.bulkPut(lists);
      await t.exportRows.bulkPut(rows);
      done += page.length;
      last = page[page.length - 1].id;
    }
    return done;
  };
  return tx ? run() : t.reports.db.transaction('rw', [t.reports, t.summaries, t.exportRows, t.keyLists], run);
}

/** On open: rebuilds the derived tables when a row says another version built them. */
export async function rebuildIfStale(t: DerivedTables): Promise<number> {
  if (!(await isStale(t))) return 0;
  const n = await rebuildDerived(t);
  console.info(`[nianbao-lens] derived tables rebuilt for ${n} report(s) (derived version ${DERIVED_VERSION})`);
  return n;
}

/** Stores the reports' export rows, each distinct key list once (inside the caller's transaction). */
export async function putExportRows(
  rowsTable: { bulkPut(rows: StampedExportRow[]): Promise<unknown> },
  listsTable: { bulkPut(rows: KeyListRow[]): Promise<unknown> },
  records: ReportRecord[],
): Promise<void> {
  const { rows, lists } = exportRowsOf(records);
  await listsTable.bulkPut(lists);
  await rowsTable.bulkPut(rows);
}

import type { Transaction } from 'dexie';
import { RecordSchema, type ReportRecord } from '../core/record';
import type { QuarantinedRow } from '../export/quarantine';
import { putExportRows, summaryRow, type StoredSummary } from './derived';

/**
 * One upgrade function per Dexie version (the schemas themselves are in database.ts, never edited once
 * shipped; each version has a fixture in test/fixtures/db/ and a test in test/unit/db/db-migration.test.ts).
 */

/** v1 → v2: `[agency+year]` and `contentHash` indexes, the `quarantine` table: every report is parsed again. */
export const upgradeToV2 = (tx: Transaction) => revalidateReports(tx, 1);

/** v2 → v3: the `exportRows` and `keyLists` tables, built from the reports parsed again. */
export const upgradeToV3 = (tx: Transaction) => revalidateReports(tx, 2, { exportRows: true });

/**
 * v3 → v4: the collector's `collectRuns` and `collectItems` tables (SPEC §9), created empty. No stored row
 * changes shape, so nothing is read again; the derived rows pick up `collectedFrom` through `DERIVED_VERSION`
 * (derived.ts rebuilds them when the database opens).
 */
export const upgradeToV4 = async (tx: Transaction): Promise<void> => {
  await tx.table('collectRuns').clear();
  await tx.table('collectItems').clear();
};

/**
 * Upgrade step: every stored report is parsed again with `RecordSchema` (rows written by an older
 * version are untrusted input). A row that parses is written back as parsed; one that does not moves
 * to `quarantine` with its raw JSON and the reason. `summaries` is rebuilt from the valid rows, and
 * from v3 on (`exportRows: true`; the table does not exist before) `exportRows` too.
 */
export async function revalidateReports(
  tx: Transaction,
  fromVersion: number,
  { exportRows = false, now = new Date() }: { exportRows?: boolean; now?: Date } = {},
): Promise<{ kept: number; quarantined: number }> {
  const summaries: StoredSummary[] = [];
  const valid: ReportRecord[] = [];
  const bad: QuarantinedRow[] = [];
  // a cursor, not toArray(): 10,000 full reports need not sit in the worker's memory at once
  await tx
    .table('reports')
    .toCollection()
    .modify((row: unknown, ref: { value?: unknown }) => {
      const parsed = RecordSchema.safeParse(row);
      if (parsed.success) {
        ref.value = parsed.data;
        summaries.push(summaryRow(parsed.data));
        if (exportRows) valid.push(parsed.data);
        return;
      }
      const issue = parsed.error.issues[0];
      const id = (row as { id?: unknown })?.id;
      bad.push({
        id: typeof id === 'string' ? id : null,
        raw: safeJson(row),
        error: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
        fromVersion,
        at: now.toISOString(),
      });
      delete ref.value;
    });
  if (bad.length) await tx.table('quarantine').bulkAdd(bad);
  await tx.table('summaries').clear();
  await tx.table('summaries').bulkPut(summaries);
  if (exportRows) {
    await tx.table('exportRows').clear();
    await tx.table('keyLists').clear();
    await putExportRows(tx.table('exportRows'), tx.table('keyLists'), valid);
  }
  if (bad.length)
    console.warn(`[nianbao-lens] upgrade from v${fromVersion}: ${bad.length} stored report(s) no longer valid, moved to quarantine`);
  return { kept: summaries.length, quarantined: bad.length };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

import { resolveExportRow, type ExportRow } from '../export/export-row';
import type { ReportRecord } from '../core/record';
import { db as defaultDb, type NianbaoDb } from './database';

/**
 * Some reports by id (a collection run's, SPEC §9), for its export: the full records (JSON) or their export
 * rows with their key lists put back (CSV, XLSX), in the order asked. A missing id (deleted since) is left out.
 */
export async function readReportsById(ids: readonly string[], target: NianbaoDb = defaultDb): Promise<ReportRecord[]> {
  return (await target.reports.bulkGet([...ids])).filter((r): r is ReportRecord => !!r);
}

export async function readExportRowsById(ids: readonly string[], target: NianbaoDb = defaultDb): Promise<ExportRow[]> {
  return target.transaction('r', [target.exportRows, target.keyLists], async () => {
    const [rows, lists] = await Promise.all([
      target.exportRows.bulkGet([...ids]),
      target.keyLists.toArray().then((all) => new Map(all.map((l) => [l.id, l.json]))),
    ]);
    const out: ExportRow[] = [];
    for (const stored of rows) {
      const row = stored ? resolveExportRow(stored, lists) : null;
      if (!row) continue;
      delete (row as ExportRow & { dv?: number }).dv; // the stamp is the database's, not the export's
      out.push(row);
    }
    return out;
  });
}

import { readAllExportRows, readAllReports } from '../db/database';
import { readExportRowsById, readReportsById } from '../db/run-records';
import { csvWideParts } from '../export/csv';
import { yieldToEventLoop } from '../export/chunked';
import { exportFileName } from '../export/file-name';
import { toJsonParts } from '../export/json';
import { longExport } from '../export/long-export';
import { xlsxBlob } from '../export/xlsx';
import { deflaterForExports } from './worker-deflater';

/**
 * Export from an extension page (popup or options): read the saved reports, build the file in
 * chunks (progress reported) and hand it to the browser as a download through an <a download>.
 * CSV and XLSX are built from the compact export rows (`exportRows`, ~3 KB a report); only JSON,
 * which is the whole record, reads the full reports (~44 KB each).
 */
export type ExportKind = 'json' | 'csv' | 'csv-wide' | 'xlsx';

const TYPES = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

/** Only some reports (a collection run's, SPEC §9): their ids, and what the file name says of them. */
export interface ExportScope {
  ids: readonly string[];
  suffix: string;
}

/**
 * Exports every saved report (or the `scope`'s) as `kind`; answers the number of reports exported. A long export
 * above Excel's row limit comes as a ZIP of normalized tables (SPEC §5): `onLongZip` is told its row count.
 */
export async function runExport(
  kind: ExportKind,
  onProgress: (done: number, total: number) => void,
  onLongZip?: (rows: number) => void,
  scope?: ExportScope,
): Promise<number> {
  const opts = { onProgress };
  const now = new Date();
  const tail = scope?.suffix ?? '';
  let blob: Blob;
  let name: string;
  let count: number;
  if (kind === 'json') {
    const records = scope ? await readReportsById(scope.ids) : await readAllReports(undefined, onProgress);
    count = records.length;
    blob = await toBlob(await toJsonParts(records, now, opts), TYPES.json);
    name = exportFileName('json', now, tail);
  } else {
    const rows = scope ? await readExportRowsById(scope.ids) : await readAllExportRows(undefined, onProgress);
    count = rows.length;
    if (kind === 'xlsx') {
      // the sheets are deflated on workers while the page writes the next one
      const deflater = deflaterForExports();
      try {
        blob = await xlsxBlob(rows, { ...opts, deflater });
      } catch (e) {
        // a worker that cannot start (or stops): the same workbook, deflated on this thread
        if (!deflater) throw e;
        console.warn('[nianbao-lens] export: deflate workers failed, deflating in the page:', e);
        blob = await xlsxBlob(rows, opts);
      } finally {
        deflater?.close();
      }
      name = exportFileName('xlsx', now, tail);
    } else if (kind === 'csv-wide') {
      blob = await toBlob(await csvWideParts(rows, opts), TYPES.csv);
      name = exportFileName('csv', now, `${tail}-wide`);
    } else {
      const long = await longExport(rows, opts);
      if (long.kind === 'csv') {
        blob = await toBlob(long.parts, TYPES.csv);
        name = exportFileName('csv', now, tail);
      } else {
        // above Excel's row limit: reports.csv + values.csv + keys.csv in a ZIP (SPEC §5)
        blob = long.blob;
        name = exportFileName('zip', now, `${tail}-long`);
        onLongZip?.(long.rows);
      }
    }
  }
  download(blob, name);
  return count;
}

/**
 * The parts as one Blob, encoded a slice at a time with a yield between slices: one `new Blob(parts)`
 * over a 450 MB long CSV (10,000 reports) encodes it all in a single task (a 6 s freeze). Each slice's
 * strings are released once encoded.
 */
async function toBlob(parts: string[], type: string): Promise<Blob> {
  const blobs: Blob[] = [];
  const SLICE = 100;
  for (let i = 0; i < parts.length; i += SLICE) {
    blobs.push(new Blob(parts.slice(i, i + SLICE)));
    parts.fill('', i, i + SLICE);
    if (i + SLICE < parts.length) await yieldToEventLoop();
  }
  return new Blob(blobs, { type });
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

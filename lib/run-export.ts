import { readAllReports } from './db';
import { toCsvLongParts, toCsvWideParts } from './export/csv';
import { exportFileName } from './export/file-name';
import { toJsonParts } from './export/json';
import { toXlsx } from './export/xlsx';

/**
 * Export from an extension page (popup or options): read the saved reports, build the file in
 * chunks (progress reported) and hand it to the browser as a download through an <a download>.
 */
export type ExportKind = 'json' | 'csv' | 'csv-wide' | 'xlsx';

const TYPES = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function runExport(kind: ExportKind, onProgress: (done: number, total: number) => void): Promise<number> {
  const records = await readAllReports(undefined, onProgress);
  const opts = { onProgress };
  const now = new Date();
  let blob: Blob;
  let name: string;
  if (kind === 'json') {
    blob = await toBlob(await toJsonParts(records, now, opts), TYPES.json);
    name = exportFileName('json', now);
  } else if (kind === 'xlsx') {
    blob = new Blob([(await toXlsx(records, opts)) as BlobPart], { type: TYPES.xlsx });
    name = exportFileName('xlsx', now);
  } else {
    const wide = kind === 'csv-wide';
    blob = await toBlob(wide ? await toCsvWideParts(records, opts) : await toCsvLongParts(records, opts), TYPES.csv);
    name = exportFileName('csv', now, wide ? '-wide' : '');
  }
  download(blob, name);
  return records.length;
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
    if (i + SLICE < parts.length) await new Promise((resolve) => setTimeout(resolve));
  }
  return new Blob(blobs, { type });
}

function download(blob: Blob, name: string): void {
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

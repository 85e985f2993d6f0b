import type { ChunkOptions } from './chunked';
import { csvLongParts } from './csv';
import { LONG_CSV_MAX_ROWS, longRowCount, longZipBlob } from './csv-long-zip';
import type { ExportRow } from './export-row';

/** The long export: the long CSV's parts, or above Excel's row limit the ZIP of normalized tables. */
export type LongExport = { kind: 'csv'; parts: string[]; rows: number } | { kind: 'zip'; blob: Blob; rows: number };

/**
 * The long export of `rows` (SPEC §5): up to `maxRows` data rows (default Excel's 1,048,576) the long CSV,
 * byte for byte as ever; above it, the ZIP of `reports.csv` + `values.csv` + `keys.csv` (csv-long-zip.ts).
 * `rows` in the answer is the long export's data-row count.
 */
export async function longExport(rows: readonly ExportRow[], opts: ChunkOptions & { maxRows?: number } = {}): Promise<LongExport> {
  const count = longRowCount(rows);
  if (count > (opts.maxRows ?? LONG_CSV_MAX_ROWS)) return { kind: 'zip', blob: await longZipBlob(rows, opts), rows: count };
  return { kind: 'csv', parts: await csvLongParts(rows, opts), rows: count };
}

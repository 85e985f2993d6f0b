import { csvLongParts, csvWideParts } from '../../lib/export/csv';
import { longZipBlob } from '../../lib/export/csv-long-zip';
import { toExportRow, type ExportRow } from '../../lib/export/export-row';
import { xlsxBlob } from '../../lib/export/xlsx';
import { cloneRecords, median, realRecords } from './browser';

/**
 * The CSV and XLSX writers alone, in Node, on 10,000 export rows built from realistic records (no
 * IndexedDB, no Blob download): where an export's CPU goes, fast enough to iterate on.
 *   npx tsx test/bench/export-node.ts [csv-wide|csv|long-zip|xlsx ...] [--records=N] [--runs=N]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/export-node.ts xlsx
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const n = Number(arg('records') ?? 10_000);
const runs = Number(arg('runs') ?? 3);
const kinds = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const base = realRecords(60);
// a structured clone, as IndexedDB hands the rows back (own copies of every typed array and map)
// (one clone at a time: 10,000 whole records at once would be ~450 MB of heap for the GC to walk)
const rows: ExportRow[] = Array.from({ length: n }, (_, i) => structuredClone(toExportRow(cloneRecords(base, 1, i)[0])));
const noYield = { yieldFn: async () => {} };
const writers: Record<string, () => Promise<number>> = {
  'csv-wide': async () => new Blob(await csvWideParts(rows, noYield)).size,
  csv: async () => new Blob(await csvLongParts(rows, noYield)).size,
  // the long export above Excel's row limit (what 10,000 realistic reports give): the ZIP of normalized tables
  'long-zip': async () => (await longZipBlob(rows, noYield)).size,
  xlsx: async () => (await xlsxBlob(rows, noYield)).size,
};
for (const kind of kinds.length ? kinds : ['csv-wide', 'xlsx']) {
  const ms: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    bytes = await writers[kind]();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    ms.push(performance.now() - t0);
  }
  // CPU time (all of the process's threads) moves less than wall time on a shared machine
  console.log(
    `${kind}: ${ms.map(Math.round).join(' ')} ms (median ${Math.round(median(ms))}), CPU ${cpu.map(Math.round).join(' ')} ms (median ${Math.round(median(cpu))}), ${(bytes / 1e6).toFixed(1)} MB`,
  );
}

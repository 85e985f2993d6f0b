// @vitest-environment happy-dom
/**
 * An export from an extension page: every saved report read, the file built, handed to the browser as a
 * download with its dated name — the same bytes as the pure writers give.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, upsertReport } from '../../../lib/db/database';
import { runExport } from '../../../lib/ui/run-export';
import { makeRecords } from '../../support/records';
import { parseCsv } from '../../support/csv';

import type * as LongZip from '../../../lib/export/csv-long-zip';

// Excel's row limit lowered to 10 rows: the 3 saved reports' 18 long rows are "above" it
vi.mock('../../../lib/export/csv-long-zip', async (original) => ({
  ...(await original<typeof LongZip>()),
  LONG_CSV_MAX_ROWS: 10,
}));

let downloads: { name: string; blob: Blob }[] = [];
beforeEach(async () => {
  downloads = [];
  await db.reports.clear();
  await db.summaries.clear();
  await db.exportRows.clear();
  for (const r of makeRecords(3)) await upsertReport(r, new Date('2024-01-01T00:00:00Z'));
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => vi.restoreAllMocks());

describe('runExport', () => {
  it('downloads the wide CSV of every saved report, with progress', async () => {
    const progress: [number, number][] = [];
    expect(await runExport('csv-wide', (d, t) => progress.push([d, t]))).toBe(3);
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toMatch(/^nianbao-lens-\d{8}-\d{4}-wide\.csv$/);
    const rows = parseCsv((await downloads[0].blob.text()).replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(4);
    expect(rows[0].at(-1)).toBe('failing_checks');
    expect(progress.at(-1)).toEqual([3, 3]);
  });

  it('downloads the JSON export, whose reports are the saved records', async () => {
    expect(await runExport('json', () => {})).toBe(3);
    const file = JSON.parse(await downloads[0].blob.text()) as { schema: string; reports: { id: string }[] };
    expect(file.schema).toBe('nianbao-lens/report@1');
    expect(file.reports.map((r) => r.id).sort()).toEqual((await db.reports.toArray()).map((r) => r.id).sort());
  });

  it('downloads the long export above Excel’s row limit as a ZIP of the three tables, and says how many rows', async () => {
    const zipped: number[] = [];
    expect(
      await runExport(
        'csv',
        () => {},
        (rows) => zipped.push(rows),
      ),
    ).toBe(3);
    expect(zipped).toEqual([18]);
    expect(downloads[0].name).toMatch(/^nianbao-lens-\d{8}-\d{4}-long\.zip$/);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(await downloads[0].blob.arrayBuffer(), { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual(['README.txt', 'keys.csv', 'reports.csv', 'values.csv']);
    expect(parseCsv((await zip.file('values.csv')!.async('string')).slice(1))).toHaveLength(19);
  });
});

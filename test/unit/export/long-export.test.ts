import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../lib/core/record';
import { toCsvLong } from '../../../lib/export/csv';
import {
  LONG_CSV_MAX_ROWS,
  LONG_ZIP_KEYS_HEADER,
  LONG_ZIP_REPORTS_HEADER,
  LONG_ZIP_VALUES_HEADER,
  NO_RAW,
} from '../../../lib/export/csv-long-zip';
import { toExportRow } from '../../../lib/export/export-row';
import { FixedDeflate } from '../../../lib/export/fixed-deflate';
import { longExport } from '../../../lib/export/long-export';
import { LONG_HEADER } from '../../../lib/export/rows';
import { parseCsv } from '../../support/csv';
import { makeRecord, makeRecords } from '../../support/records';

/**
 * The long export (SPEC §5): up to Excel's row limit the long CSV, byte for byte; above it a ZIP of
 * reports.csv + values.csv + keys.csv that joins back into exactly the long CSV's rows. The limit is
 * lowered through `maxRows` here (10,000 realistic reports give ~2,000,000 rows).
 */

const noYield = { yieldFn: async () => {} };
const fixtureReports = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'db', 'v2.json'), 'utf8')) as { tables: { reports: ReportRecord[] } }
).tables.reports;

function edgeRecords(): ReportRecord[] {
  const base = makeRecord({ n: 7 });
  return [
    makeRecord({ n: 3, agency: null, year: null, title: '=cmd', url: 'http://x/"q",a' }),
    {
      ...base,
      id: 'r-edge',
      // an unknown key, a value printed as text needing quotes, a value with a blank printed cell, negative
      // zero without a cell, a printed cell equal to the value, a value printed as "-" (guarded, not NO_RAW)
      values: { ...base.values, 'zzz.custom': 5, toString: 1, __proto__x: -0, 'review.total': null, 'apply.new.total': 1e21, 'x.dash': 4 },
      cells: {
        ...base.cells,
        'zzz.custom': { raw: '5', table: 0, row: 0, col: 0, blank: false },
        toString: { raw: '1,0', table: 0, row: 0, col: 0, blank: false },
        'review.total': { raw: '', table: 0, row: 0, col: 0, blank: true },
        'apply.new.total': { raw: '"1e21"\r\n', table: 0, row: 0, col: 0, blank: false },
        'x.dash': { raw: '-', table: 0, row: 0, col: 0, blank: false },
        'active.fees.amount': { raw: '', table: 0, row: 0, col: 0, blank: false },
      },
    },
  ];
}

async function unzip(blob: Blob): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer(), { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await zip.file(name)!.async('string');
  return out;
}

/**
 * The join the README describes: values ⋈ reports on report_id, ⋈ keys on (section, key); an empty raw
 * is the value's own digits (written, as the long CSV writes any text, with the formula guard), a bare
 * NO_RAW is no printed text. Fields as a CSV reader sees them.
 */
function joinZip(files: Record<string, string>): string[][] {
  const table = (name: string, header: string[]) => {
    const text = files[name];
    expect(text.startsWith('\uFEFF'), name).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0], name).toEqual(header);
    return rows.slice(1);
  };
  const reports = new Map(table('reports.csv', LONG_ZIP_REPORTS_HEADER).map((r) => [r[0], r]));
  const labels = new Map(table('keys.csv', LONG_ZIP_KEYS_HEADER).map(([section, key, label]) => [`${section}\n${key}`, label]));
  return table('values.csv', LONG_ZIP_VALUES_HEADER).map(([id, section, key, value, raw]) => {
    const [, agency, year, format, url] = reports.get(id)!;
    const label = labels.get(`${section}\n${key}`);
    expect(label, key).toBeDefined();
    const printed = raw === NO_RAW ? '' : raw === '' && value !== '' ? (value.startsWith('-') ? `'${value}` : value) : raw;
    return [id, agency, year, format, url, section, key, label!, value, printed];
  });
}

describe('long export', () => {
  it('up to the row limit is the long CSV, byte for byte', async () => {
    const records = [...fixtureReports, ...edgeRecords(), ...makeRecords(3)];
    const rows = records.map(toExportRow);
    const out = await longExport(rows, noYield);
    expect(out.kind).toBe('csv');
    expect(out.kind === 'csv' && out.parts.join('')).toBe(await toCsvLong(records, noYield));
    expect(LONG_CSV_MAX_ROWS).toBe(1_048_576);
    // exactly at the limit: still the CSV
    const exact = await longExport(rows, { ...noYield, maxRows: out.rows });
    expect(exact.kind).toBe('csv');
  });

  it.each<[string, () => ReportRecord[]]>([
    ['the v2 fixture’s real reports', () => fixtureReports],
    ['edge cases', edgeRecords],
    ['300 made records', () => makeRecords(300)],
  ])('above the row limit, the ZIP of %s joins back into the long CSV’s rows', async (_name, make) => {
    const records = make();
    const out = await longExport(records.map(toExportRow), { ...noYield, maxRows: 10 });
    expect(out.kind).toBe('zip');
    if (out.kind !== 'zip') return;
    const files = await unzip(out.blob);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'keys.csv', 'reports.csv', 'values.csv']);
    const long = parseCsv((await toCsvLong(records, noYield)).slice(1));
    expect(long[0]).toEqual(LONG_HEADER);
    expect(out.rows).toBe(long.length - 1);
    expect(joinZip(files)).toEqual(long.slice(1));
    // same CSV rules: CRLF line ends, formula guard on text
    expect(files['values.csv'].endsWith('\r\n')).toBe(true);
    expect(files['reports.csv']).not.toMatch(/\r\n=/);
  });

  it('writes the wide CSV’s metadata in reports.csv, and raw empty where it is the value’s digits', async () => {
    const r = makeRecord({ n: 1, agency: '=HYPERLINK("http://x","y")' });
    const out = await longExport([toExportRow(r)], { ...noYield, maxRows: 1 });
    if (out.kind !== 'zip') throw new Error('not a zip');
    const files = await unzip(out.blob);
    const [report] = parseCsv(files['reports.csv'].slice(1)).slice(1);
    expect(report.slice(0, 5)).toEqual([
      'r000001',
      `'=HYPERLINK("http://x","y")`,
      '2022',
      '2021',
      'http://www.example1.gov.cn/zwgk/1.html',
    ]);
    expect(report.slice(8)).toEqual(['1', '1', '1', 'apply.row.new']);
    const values = new Map(parseCsv(files['values.csv'].slice(1)).map((v) => [v[2], v]));
    expect(values.get('active.licensing.change')!.slice(3)).toEqual(['-223', '']); // printed as its digits
    expect(values.get('apply.new.natural')!.slice(3)).toEqual(['11', '11件']);
    expect(values.get('apply.new.total')!.slice(3)).toEqual(['13', NO_RAW]); // no printed cell
    expect(values.get('review.total')!.slice(3)).toEqual(['', '']);
    expect(files['README.txt']).toContain('report_id');
  });

  it('reports progress and yields between slices', async () => {
    const progress: number[] = [];
    let yields = 0;
    await longExport(makeRecords(450).map(toExportRow), {
      maxRows: 1,
      onProgress: (d) => progress.push(d),
      yieldFn: async () => void yields++,
    });
    // values.csv in slices of a quarter chunk (50 reports), a yield between
    expect(progress).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450]);
    expect(yields).toBeGreaterThanOrEqual(8);
  });
});

describe('FixedDeflate', () => {
  it('inflates to the input: literals of every byte, copies short and long, near and at the window’s end', () => {
    const input: number[] = [];
    const d = new FixedDeflate(16);
    const chunks: Uint8Array[] = [];
    const lit = (bytes: number[]) => {
      d.literals(Uint8Array.from(bytes), 0, bytes.length);
      input.push(...bytes);
    };
    const copy = (length: number, distance: number) => {
      expect(d.copy(length, distance)).toBe(true);
      for (let i = 0; i < length; i++) input.push(input[input.length - distance]);
    };
    lit(Array.from({ length: 256 }, (_, i) => i));
    copy(3, 1);
    copy(258, 256);
    copy(259, 3); // split: 256 + 3
    copy(600, 17);
    for (let k = 0; k < 300; k++) lit(Array.from({ length: 131 }, (_, i) => (i * 7 + k) & 0xff));
    chunks.push(d.take());
    copy(10, 32_768);
    copy(1000, 32_768);
    expect(d.copy(5, 32_769)).toBe(false);
    expect(d.copy(2, 1)).toBe(false);
    for (const len of [3, 10, 11, 18, 19, 130, 131, 227, 257, 258]) copy(len, len * 97);
    chunks.push(d.finish());
    expect(d.size).toBe(input.length);
    expect([...inflateRawSync(Buffer.concat(chunks))]).toEqual(input);
  });
});

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ALL_KEYS } from '../../lib/keys';
import { EXPORT_SCHEMA } from '../../lib/record';
import { csvField, toCsvLong, toCsvWide } from '../../lib/export/csv';
import { toJson } from '../../lib/export/json';
import { parseImport } from '../../lib/export/import';
import { toXlsx } from '../../lib/export/xlsx';
import { LONG_HEADER, WIDE_HEADER } from '../../lib/export/rows';
import { makeRecord, makeRecords } from './_records';
import { parseCsv } from '../support/csv';

const noYield = { yieldFn: async () => {} };


describe('CSV fields', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@x', "'@x"],
    ['-x', "'-x"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['示例县', '示例县'],
  ])('escapes text %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('writes numbers as plain numbers, negative ones too', () => {
    expect(csvField(-223)).toBe('-223');
    expect(csvField(55014.55)).toBe('55014.55');
    expect(csvField('-223')).toBe("'-223");
    expect(csvField(null)).toBe('');
  });
});

describe('CSV exports', () => {
  it('long: BOM, CRLF, header, one row per report × key', async () => {
    const records = makeRecords(3);
    const csv = await toCsvLong(records, noYield);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(LONG_HEADER);
    expect(rows.length).toBe(1 + 3 * Object.keys(records[0].values).length);
    const change = rows.find((r) => r[0] === 'r000001' && r[6] === 'active.licensing.change')!;
    expect(change[5]).toBe('active');
    expect(change[7]).toContain('行政许可');
    expect(change[8]).toBe('-223');
    expect(change[9]).toBe("'-223"); // raw is text
    const blankTotal = rows.find((r) => r[0] === 'r000001' && r[6] === 'review.total')!;
    expect(blankTotal[8]).toBe('');
  });

  it('wide: one row per report, metadata, ALL_KEYS columns, failing_checks', async () => {
    const records = makeRecords(2);
    const rows = parseCsv((await toCsvWide(records, noYield)).slice(1));
    expect(rows[0]).toEqual(WIDE_HEADER);
    expect(rows[0].slice(11, 11 + ALL_KEYS.length)).toEqual(ALL_KEYS);
    expect(rows[0].at(-1)).toBe('failing_checks');
    expect(rows.length).toBe(3);
    const row = rows[1];
    expect(row[0]).toBe('r000001');
    expect(row.slice(8, 11)).toEqual(['1', '1', '1']);
    expect(row[WIDE_HEADER.indexOf('active.licensing.change')]).toBe('-223');
    expect(row.at(-1)).toBe('apply.row.new');
  });

  it('escapes a hostile agency name in both shapes', async () => {
    const r = makeRecord({ agency: '=HYPERLINK("http://x","y")', title: '@evil' });
    for (const csv of [await toCsvLong([r], noYield), await toCsvWide([r], noYield)]) {
      const rows = parseCsv(csv.slice(1));
      expect(rows[1][1]).toBe(`'=HYPERLINK("http://x","y")`);
    }
  });

  it('yields between chunks and reports progress', async () => {
    const progress: number[] = [];
    let yields = 0;
    await toCsvWide(makeRecords(450), { onProgress: (d) => progress.push(d), yieldFn: async () => { yields++; } });
    expect(progress).toEqual([200, 400, 450]);
    expect(yields).toBe(2);
  });
});

describe('JSON export and import', () => {
  it('round-trips records', async () => {
    const records = makeRecords(3);
    const text = await toJson(records, new Date('2024-05-01T08:00:00Z'), noYield);
    const data = JSON.parse(text);
    expect(data.schema).toBe(EXPORT_SCHEMA);
    expect(data.exportedAt).toBe('2024-05-01T08:00:00.000Z');
    const back = parseImport(text);
    expect(back).toEqual({ ok: true, reports: records });
  });

  it.each([
    ['broken JSON', '{"schema": "nianbao-lens/report@1", "reports": [', /文件已损坏/],
    ['a foreign file', '{"name": "package", "version": "1.0.0"}', /不是年报透镜导出的文件/],
    ['another schema', '{"schema": "nianbao-lens/report@2", "exportedAt": "x", "reports": []}', /不是年报透镜导出的文件/],
    ['an array', '[1,2,3]', /不是年报透镜导出的文件/],
    ['a bad record', `{"schema": "${EXPORT_SCHEMA}", "exportedAt": "x", "reports": [{"id": "a"}]}`, /文件已损坏：reports\.0/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const got = parseImport(text);
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error).toMatch(message);
  });
});

describe('XLSX export', () => {
  it('has three sheets with typed numbers and escaped text', async () => {
    const records = [makeRecord({ n: 1, agency: '=1+2' }), makeRecord({ n: 2 })];
    const bytes = await toXlsx(records, noYield);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['reports', 'values', 'checks']);
    const reports = wb.getWorksheet('reports')!;
    expect(reports.getRow(1).getCell(1).value).toBe('report_id');
    expect(reports.rowCount).toBe(3);
    expect(reports.getRow(2).getCell(2).value).toBe("'=1+2");
    expect(reports.getRow(2).getCell(2).formula).toBeUndefined();
    const changeCol = WIDE_HEADER.indexOf('active.licensing.change') + 1;
    expect(reports.getRow(2).getCell(changeCol).value).toBe(-223);
    expect(reports.getRow(2).getCell(WIDE_HEADER.indexOf('active.fees.amount') + 1).value).toBe(55014.55);
    const values = wb.getWorksheet('values')!;
    expect(values.rowCount).toBe(1 + 2 * Object.keys(records[0].values).length);
    expect(values.getRow(1).values).toEqual([undefined, ...LONG_HEADER]);
    const checks = wb.getWorksheet('checks')!;
    expect(checks.rowCount).toBe(1 + 2 * 3);
    expect(checks.getRow(2).getCell(4).value).toBe('apply.row.new');
    expect(checks.getRow(2).getCell(8).value).toBe(-2);
    expect(typeof checks.getRow(2).getCell(6).value).toBe('number');
  });
});

describe('XLSX row limit', () => {
  it('stops at the sheet’s last row and says so in it', async () => {
    const { TRUNCATED } = await import('../../lib/export/xlsx');
    const bytes = await toXlsx(makeRecords(3), { ...noYield, maxRows: 10 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const values = wb.getWorksheet('values')!;
    expect(values.rowCount).toBe(10);
    expect(values.getRow(10).getCell(1).value).toBe(TRUNCATED);
    expect(wb.getWorksheet('reports')!.rowCount).toBe(4); // not cut
  });
});

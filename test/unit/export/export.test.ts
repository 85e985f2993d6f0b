import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ALL_KEYS } from '../../../lib/core/keys';
import { EXPORT_SCHEMA } from '../../../lib/core/record';
import { csvField, toCsvLong, toCsvWide } from '../../../lib/export/csv';
import { toJson } from '../../../lib/export/json';
import { parseImport } from '../../../lib/export/import';
import { toXlsx } from '../../../lib/export/xlsx';
import {
  CHECKS_HEADER,
  LONG_HEADER,
  WIDE_HEADER,
  checkRows,
  escapeFormula,
  longRows,
  wideRow,
  type CellValue,
} from '../../../lib/export/rows';
import { csvLine } from '../../../lib/export/csv';
import { RESEARCH_HEADER } from '../../../lib/export/research';
import { crc32 } from '../../../lib/export/zip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportRecord } from '../../../lib/core/record';
import { makeRecord, makeRecords } from '../../support/records';
import { parseCsv } from '../../support/csv';

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
    const first = 11 + RESEARCH_HEADER.length;
    expect(rows[0].slice(11, first)).toEqual([...RESEARCH_HEADER]);
    expect(rows[0].slice(first, first + ALL_KEYS.length)).toEqual(ALL_KEYS);
    expect(rows[0].at(-1)).toBe('failing_checks');
    expect(rows.length).toBe(3);
    const row = rows[1];
    expect(row[0]).toBe('r000001');
    expect(row.slice(8, 11)).toEqual(['1', '1', '1']);
    // no publication date, no deadline check, no source, not collected, unchanged, no rates, one table check failing
    expect(row.slice(11, first)).toEqual(['', '', '', '', '0', '', '', '', '', '', '', '1', '0', '0', '0']);
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
    await toCsvWide(makeRecords(450), {
      onProgress: (d) => progress.push(d),
      yieldFn: async () => {
        yields++;
      },
    });
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
    const { TRUNCATED } = await import('../../../lib/export/xlsx');
    const bytes = await toXlsx(makeRecords(3), { ...noYield, maxRows: 10 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const values = wb.getWorksheet('values')!;
    expect(values.rowCount).toBe(10);
    expect(values.getRow(10).getCell(1).value).toBe(TRUNCATED);
    expect(wb.getWorksheet('reports')!.rowCount).toBe(4); // not cut
  });
});

/**
 * The exporters build their files from the compact export rows (lib/export/export-row.ts); the files must
 * say exactly what the records say — `longRows`, `wideRow` and `checkRows` of the full records are the
 * reference. Realistic records (the v2 fixture: printed text that differs from values, skipped checks with
 * reasons, reports without tables) and edge cases.
 */
const fixtureReports = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'db', 'v2.json'), 'utf8')) as { tables: { reports: ReportRecord[] } }
).tables.reports;

function edgeRecords(): ReportRecord[] {
  const base = makeRecord({ n: 7 });
  return [
    ...makeRecords(2),
    makeRecord({ n: 3, agency: null, year: null, title: '=cmd', url: 'http://x/"q",a' }),
    {
      ...base,
      id: 'r-edge',
      // an unknown key, keys named like Object.prototype members, a null value with a printed cell,
      // a value without a cell, a printed cell equal to the value, text needing quotes
      values: { ...base.values, 'zzz.custom': 5, toString: 1, __proto__x: -0, 'review.total': null, 'apply.new.total': 1e21 },
      cells: {
        ...base.cells,
        'zzz.custom': { raw: '5', table: 0, row: 0, col: 0, blank: false },
        toString: { raw: '1,0', table: 0, row: 0, col: 0, blank: false },
        'review.total': { raw: '', table: 0, row: 0, col: 0, blank: true },
        'apply.new.total': { raw: '"1e21"\r\n', table: 0, row: 0, col: 0, blank: false },
      },
      checks: [
        ...base.checks,
        { id: 'x.skip', status: 'skip', lhs: null, rhs: 3, diff: null, lhsKeys: [], rhsKeys: [], reason: '@reason' },
      ],
    },
    {
      // the research columns (SPEC §10 fields): text that needs escaping, a negative number, decimal rates
      ...makeRecord({ n: 8 }),
      id: 'r-research',
      publishedAt: '2022-03-01',
      collectedFrom: '=http://x.gov.cn/nb/',
      source: { kind: 'pdf', url: 'http://x.gov.cn/a.pdf' },
      changedAfterFirstSeen: true,
      values: { 'apply.result.total.total': 3, 'apply.result.disclosed.total': 1, 'apply.result.partial.total': 0, 'review.total': 7 },
      cells: {},
      checks: [
        { id: 'meta.deadline', status: 'pass', lhs: -29, rhs: 0, diff: -29, lhsKeys: [], rhsKeys: [], evidence: '发布日期：2022-03-01' },
        { id: 'text.apply.new', status: 'fail', lhs: 5, rhs: 3, diff: 2, lhsKeys: [], rhsKeys: ['apply.new.total'], evidence: '新收5件' },
      ],
    },
  ];
}

describe('exports from export rows print what the records print', () => {
  const sets: Array<[string, () => ReportRecord[]]> = [
    ['the v2 fixture’s real reports', () => fixtureReports],
    ['edge cases', edgeRecords],
  ];

  it.each(sets)('long CSV of %s is byte-identical to the reference', async (_name, records) => {
    const rs = records();
    const reference = '\uFEFF' + [LONG_HEADER, ...rs.flatMap(longRows)].map((row) => csvLine(row) + '\r\n').join('');
    expect(await toCsvLong(rs, noYield)).toBe(reference);
  });

  it.each(sets)('wide CSV of %s is byte-identical to the reference', async (_name, records) => {
    const rs = records();
    const reference = '\uFEFF' + [WIDE_HEADER, ...rs.map(wideRow)].map((row) => csvLine(row) + '\r\n').join('');
    expect(await toCsvWide(rs, noYield)).toBe(reference);
  });

  it.each(sets)('XLSX of %s holds the reference cells, typed', async (_name, records) => {
    const rs = records();
    const wb = new ExcelJS.Workbook();
    const bytes = await toXlsx(rs, noYield);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const expected: Array<[string, CellValue[][]]> = [
      ['reports', [WIDE_HEADER, ...rs.map(wideRow)]],
      ['values', [LONG_HEADER, ...rs.flatMap(longRows)]],
      ['checks', [CHECKS_HEADER, ...rs.flatMap(checkRows)]],
    ];
    for (const [name, rows] of expected) {
      const sheet = wb.getWorksheet(name)!;
      expect(sheet.rowCount, name).toBe(rows.length);
      const got: CellValue[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const cells: CellValue[] = [];
        for (let c = 1; c <= rows[0].length; c++) {
          const v = row.getCell(c).value;
          cells.push(v === null || v === undefined ? null : (v as string | number));
        }
        got.push(cells);
      });
      // what XML itself does to a cell: characters XML 1.0 forbids are dropped, a parser reads CR LF as
      // LF, and a number is its decimal text (no negative zero)
      const want = rows.map((row) =>
        Array.from({ length: rows[0].length }, (_, c) => {
          const v = row[c] ?? null;
          if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
          return typeof v === 'string'
            ? escapeFormula(v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')).replace(/\r\n?/g, '\n')
            : v;
        }),
      );
      expect(got, name).toEqual(want);
    }
  });
});

describe('zip CRC-32', () => {
  it('matches the standard check value, whole and split', () => {
    const data = new TextEncoder().encode('123456789');
    expect(crc32(data)).toBe(0xcbf43926);
    expect(crc32(data.subarray(5), crc32(data.subarray(0, 5)))).toBe(0xcbf43926);
    const big = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
    let bytewise = 0xffffffff;
    for (const b of big) {
      bytewise ^= b;
      for (let k = 0; k < 8; k++) bytewise = bytewise & 1 ? 0xedb88320 ^ (bytewise >>> 1) : bytewise >>> 1;
    }
    expect(crc32(big)).toBe((bytewise ^ 0xffffffff) >>> 0);
    expect(crc32(big.subarray(3), crc32(big.subarray(0, 3)))).toBe((bytewise ^ 0xffffffff) >>> 0);
  });
});

describe('XLSX package', () => {
  it('is a valid zip (CRCs checked) whose shared-string counts match the cells', async () => {
    const { default: JSZip } = await import('jszip');
    const bytes = await toXlsx([...fixtureReports, ...edgeRecords()], { ...noYield, chunkSize: 4 });
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    const sheets = await Promise.all([1, 2, 3].map((i) => zip.file(`xl/worksheets/sheet${i}.xml`)!.async('string')));
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const textCells = sheets.reduce((n, xml) => n + (xml.match(/ t="s"/g)?.length ?? 0), 0);
    expect(sst).toContain(` count="${textCells}"`);
    expect(sst).toContain(` uniqueCount="${sst.match(/<si>/g)!.length}"`);
    // no formulas anywhere, and every row's first cell carries its reference
    for (const xml of sheets) {
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml.match(/<row r="\d+">(<c[^>]*>)/g)!.every((m) => / r="[A-Z]+\d+"/.test(m.slice(m.indexOf('<c'))))).toBe(true);
    }
  });
});

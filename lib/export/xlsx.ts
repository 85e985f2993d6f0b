import type { ReportRecord } from '../record';
import { forEachChunked, type ChunkOptions } from './chunked';
import { CHECKS_HEADER, LONG_HEADER, WIDE_HEADER, checkRows, escapeFormula, longRows, wideRow, type CellValue } from './rows';
import { zip } from './zip';

/**
 * XLSX export (SPEC §5): sheets `reports` (wide), `values` (long) and `checks`. Numbers are typed
 * numbers; text is written as inline strings (never formulas) and escaped like CSV text.
 */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEETS = ['reports', 'values', 'checks'] as const;
/** Excel's row limit; a longer `values` sheet is cut (the CSV export has no limit). */
export const MAX_ROWS = 1_048_576;
export const TRUNCATED = '（已达 Excel 行数上限，其余行未写入；完整数据请导出 CSV）';

function xmlText(text: string): string {
  // strip characters XML 1.0 forbids, then escape
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function rowXml(values: CellValue[], rowIndex: number): string {
  const r = rowIndex + 1;
  let cells = '';
  values.forEach((v, c) => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return;
    const ref = `${columnName(c)}${r}`;
    if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
    else cells += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(escapeFormula(v))}</t></is></c>`;
  });
  return `<row r="${r}">${cells}</row>`;
}

/** A sheet's XML as a Blob built from its rows (no single giant string). */
function sheetBlob(rows: string[]): Blob {
  const head = `${XML_HEAD}<worksheet xmlns="${NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
  return new Blob([head, ...rows, '</sheetData></worksheet>']);
}

function packageParts(): Record<string, string> {
  const sheetTypes = SHEETS.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetTypes}</Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${SHEETS.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${SHEETS.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${SHEETS.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  };
}

/** Builds the workbook's bytes. */
export async function toXlsx(records: readonly ReportRecord[], opts?: ChunkOptions & { maxRows?: number }): Promise<Uint8Array> {
  const maxRows = opts?.maxRows ?? MAX_ROWS;
  const wide = [rowXml(WIDE_HEADER, 0)];
  const long = [rowXml(LONG_HEADER, 0)];
  const checks = [rowXml(CHECKS_HEADER, 0)];
  let cut = false;
  const add = (rows: string[], values: CellValue[]) => {
    if (rows.length < maxRows - 1) rows.push(rowXml(values, rows.length));
    else cut = true;
  };
  await forEachChunked(records, (r) => {
    add(wide, wideRow(r));
    for (const row of longRows(r)) add(long, row);
    for (const row of checkRows(r)) add(checks, row);
  }, opts);
  if (cut) {
    // Excel stops at 1,048,576 rows: say so in the last row of each full sheet
    for (const rows of [wide, long, checks]) if (rows.length === maxRows - 1) rows.push(rowXml([TRUNCATED], rows.length));
  }
  const enc = new TextEncoder();
  const parts = packageParts();
  const sheets = await Promise.all(
    [wide, long, checks].map(async (rows, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: new Uint8Array(await sheetBlob(rows).arrayBuffer()) })),
  );
  return zip([...Object.entries(parts).map(([name, xml]) => ({ name, data: enc.encode(xml) })), ...sheets]);
}

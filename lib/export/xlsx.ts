import type { ReportRecord } from '../core/record';
import { yieldToEventLoop, type ChunkOptions } from './chunked';
import { keyInfo } from '../core/keys';
import { checkName } from '../i18n/check-words';
import { checkStatusAt, failingChecks, keyList, rawOf, toExportRow, type ExportRow } from './export-row';
import { CHECKS_HEADER, LONG_HEADER, WIDE_HEADER, WIDE_META, escapeFormula, orderedKeys, wideColumns, type CellValue } from './rows';
import { SheetBytes } from './sheet-bytes';
import { ZipWriter } from './zip';

/**
 * XLSX export (SPEC §5): sheets `reports` (wide), `values` (long) and `checks`. Numbers are typed
 * numbers; text is written as shared strings (never formulas) and escaped like CSV text. Shared strings,
 * not inline ones: the `values` sheet repeats a report's id, agency and url and a key's section and
 * label on every row — inline, its XML was ~3× larger, and building and deflating it was most of the time.
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

/** The workbook's shared strings: every text cell is an index into this list (each distinct text stored once). */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  readonly list: string[] = [];
  /** text cells written (the part's `count`) */
  count = 0;
  /** The index of `text`, counted as one more cell. */
  of(text: string): number {
    this.count++;
    return this.index(text);
  }
  /** The index of `text`, not counted (the caller counts the cells it writes). */
  index(text: string): number {
    let i = this.indexes.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.indexes.set(text, i);
      this.list.push(text);
    }
    return i;
  }
}

const SHEET_HEAD = `${XML_HEAD}<worksheet xmlns="${NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** A sheet being written: rows go to bytes, cut at the row limit with a final note row. */
class Sheet {
  /** rows written (the header included) */
  rows = 0;
  cut = false;
  readonly out = new SheetBytes();
  constructor(
    readonly sst: SharedStrings,
    private readonly maxRows: number,
    header: CellValue[],
  ) {
    this.out.bytes(new TextEncoder().encode(SHEET_HEAD));
    this.cells(header);
  }
  /** Starts the next row unless the sheet is full; returns its number (1-based) or 0. */
  row(): number {
    if (this.rows >= this.maxRows - 1) {
      this.cut = true;
      return 0;
    }
    this.rows++;
    this.out.beginRow(this.rows);
    return this.rows;
  }
  /** A whole row of plain cells (header, note). */
  private cells(values: CellValue[]): void {
    this.rows++;
    this.out.beginRow(this.rows);
    values.forEach((v, c) => (typeof v === 'number' ? this.out.num(c, v) : v !== null && this.out.text(c, this.sst.of(v))));
    this.out.endRow();
  }
  finish(): void {
    // Excel stops at 1,048,576 rows: say so in the last row of a full sheet
    if (this.cut) this.cells([TRUNCATED]);
    this.out.ascii(SHEET_TAIL);
  }
}

type SheetWriter = (row: ExportRow, sheet: Sheet) => void;

/** `reports`: one row per report — the wide CSV's cells. */
function writeWide(): SheetWriter {
  const columns = new Map<string, Int32Array>();
  const first = WIDE_META.length;
  const failingCol = WIDE_HEADER.length - 1;
  return (row, sheet) => {
    let at = columns.get(row.keys);
    if (at === undefined) {
      at = wideColumns(keyList(row.keys));
      columns.set(row.keys, at);
    }
    if (!sheet.row()) return;
    const { out, sst } = sheet;
    out.text(0, sst.of(row.id));
    if (row.agency !== null) out.text(1, sst.of(row.agency));
    out.num(2, row.year);
    out.text(3, sst.of(row.format));
    out.text(4, sst.of(row.status));
    out.text(5, sst.of(row.url));
    out.text(6, sst.of(row.title));
    if (row.savedAt !== null) out.text(7, sst.of(row.savedAt));
    out.num(8, row.pass);
    out.num(9, row.fail);
    out.num(10, row.skip);
    for (let c = 0; c < at.length; c++) {
      const i = at[c];
      if (i >= 0) out.num(first + c, row.values[i]);
    }
    out.text(failingCol, sst.of(failingChecks(row)));
    out.endRow();
  };
}

/** `values`: one row per report × key — the long CSV's cells. */
function writeLong(sst: SharedStrings): SheetWriter {
  // per key: its section/key/label shared strings (-1: none); per key list: the catalogue order
  const keyCells = new Map<string, [number, number, number]>();
  const cellsOf = (key: string) => {
    let c = keyCells.get(key);
    if (c === undefined) {
      const info = keyInfo(key);
      const idx = (text: string | null | undefined) => (text == null ? -1 : sst.index(text));
      c = [idx(info?.section), idx(key), idx(info?.label)];
      keyCells.set(key, c);
    }
    return c;
  };
  const orders = new Map<string, { keys: readonly string[]; at: number[] }>();
  return (row, sheet) => {
    let o = orders.get(row.keys);
    if (o === undefined) {
      const keys = keyList(row.keys);
      o = { keys, at: orderedKeys(keys).map((k) => keys.indexOf(k)) };
      orders.set(row.keys, o);
    }
    const { keys, at } = o;
    const { out } = sheet;
    const id = sst.index(row.id);
    const agency = row.agency === null ? -1 : sst.index(row.agency);
    const format = sst.index(row.format);
    const url = sst.index(row.url);
    for (const i of at) {
      if (!sheet.row()) break;
      const key = keys[i];
      const [section, keyIdx, label] = cellsOf(key);
      out.text(0, id);
      if (agency >= 0) out.text(1, agency);
      out.num(2, row.year);
      out.text(3, format);
      out.text(4, url);
      if (section >= 0) out.text(5, section);
      out.text(6, keyIdx);
      if (label >= 0) out.text(7, label);
      out.num(8, row.values[i]);
      const raw = rawOf(row, key, i);
      if (raw !== null) out.text(9, sst.of(raw));
      out.endRow();
      sst.count += (agency >= 0 ? 5 : 4) + (section >= 0 ? 1 : 0) + (label >= 0 ? 1 : 0); // id, agency, format, url, key, section, label
    }
  };
}

/** `checks`: one row per check. */
function writeChecks(): SheetWriter {
  return (row, sheet) => {
    const ids = keyList(row.checkIds);
    const { out, sst } = sheet;
    for (let i = 0; i < ids.length; i++) {
      if (!sheet.row()) return;
      out.text(0, sst.of(row.id));
      if (row.agency !== null) out.text(1, sst.of(row.agency));
      out.num(2, row.year);
      out.text(3, sst.of(ids[i]));
      out.text(4, sst.of(checkStatusAt(row, i)));
      out.num(5, row.checkNums[3 * i]);
      out.num(6, row.checkNums[3 * i + 1]);
      out.num(7, row.checkNums[3 * i + 2]);
      const reason = row.reasons.get(i);
      if (reason !== undefined) out.text(8, sst.of(reason));
      out.text(9, sst.of(checkName(ids[i], 'zh_CN', false)));
      out.endRow();
    }
  };
}

/**
 * A sheet's XML in chunks: the rows of `slice` reports at a time, with a yield between slices so the
 * page stays responsive (the zip writer checksums and deflates each chunk as it comes).
 */
async function* sheetChunks(
  rows: readonly ExportRow[],
  sheet: Sheet,
  write: SheetWriter,
  progress: (done: number) => void,
  opts: ChunkOptions,
  slice: number,
): AsyncGenerator<Uint8Array> {
  const pause = opts.yieldFn ?? yieldToEventLoop;
  for (let start = 0; start < rows.length; start += slice) {
    const end = Math.min(rows.length, start + slice);
    for (let i = start; i < end && !sheet.cut; i++) write(rows[i], sheet);
    progress(end);
    yield sheet.out.take();
    await pause();
  }
  sheet.finish();
  yield sheet.out.take();
}

/** The shared strings part, in chunks. */
function* sharedStringChunks(sst: SharedStrings): Generator<Uint8Array> {
  const enc = new TextEncoder();
  let text = `${XML_HEAD}<sst xmlns="${NS}" count="${sst.count}" uniqueCount="${sst.list.length}">`;
  for (const s of sst.list) {
    text += `<si><t xml:space="preserve">${xmlText(escapeFormula(s))}</t></si>`;
    if (text.length > 1 << 20) {
      yield enc.encode(text);
      text = '';
    }
  }
  yield enc.encode(`${text}</sst>`);
}

function packageParts(): Record<string, string> {
  const sheetTypes = SHEETS.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheetTypes}</Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${SHEETS.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${SHEETS.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${SHEETS.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${SHEETS.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds the workbook from export rows, sheet by sheet in slices (progress: reports done over the three
 * sheets, scaled to the report count), as a Blob.
 */
export async function xlsxBlob(rows: readonly ExportRow[], opts: ChunkOptions & { maxRows?: number } = {}): Promise<Blob> {
  const maxRows = opts.maxRows ?? MAX_ROWS;
  const sst = new SharedStrings();
  const zip = new ZipWriter();
  const slice = Math.max(1, Math.floor((opts.chunkSize ?? 200) / 2));
  const enc = new TextEncoder();
  for (const [name, xml] of Object.entries(packageParts())) await zip.add(name, [enc.encode(xml)]);
  const sheets: Array<[CellValue[], SheetWriter]> = [
    [WIDE_HEADER, writeWide()],
    [LONG_HEADER, writeLong(sst)],
    [CHECKS_HEADER, writeChecks()],
  ];
  const n = rows.length;
  for (const [i, [header, writer]] of sheets.entries()) {
    const progress = (done: number) => opts.onProgress?.(Math.floor((i * n + done) / sheets.length), n);
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetChunks(rows, new Sheet(sst, maxRows, header), writer, progress, opts, slice));
  }
  await zip.add('xl/sharedStrings.xml', sharedStringChunks(sst));
  if (n === 0) opts.onProgress?.(0, 0);
  return zip.blob(XLSX_TYPE);
}

/** The workbook's bytes, from records (tests, small exports). */
export async function toXlsx(records: readonly ReportRecord[], opts?: ChunkOptions & { maxRows?: number }): Promise<Uint8Array> {
  return new Uint8Array(await (await xlsxBlob(records.map(toExportRow), opts)).arrayBuffer());
}

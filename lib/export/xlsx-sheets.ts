import { keyInfo } from '../core/keys';
import { checkName } from '../i18n/check-words';
import { checkStatusAt, failingChecks, keyList, type ExportRow } from './export-row';
import { WIDE_HEADER, WIDE_META, orderedKeys, wideColumns, type CellValue } from './rows';
import { SheetBytes } from './sheet-bytes';
import { RESEARCH_HEADER } from './research';

/**
 * The XLSX export's sheets (xlsx.ts puts them in the package): the shared strings every text cell points
 * into, a sheet's rows as bytes, and the writers of the three sheets' rows. The writers look up a
 * report's shared strings once per report and a key's or a check's once per export.
 */

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const TRUNCATED = '（已达 Excel 行数上限，其余行未写入；完整数据请导出 CSV）';

/** The workbook's shared strings: every text cell is an index into this list (each distinct text stored once). */
export class SharedStrings {
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
export class Sheet {
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

export type SheetWriter = (row: ExportRow, sheet: Sheet) => void;

/** `reports`: one row per report — the wide CSV's cells. */
export function writeWide(): SheetWriter {
  const columns = new Map<string, Int32Array>();
  const research = WIDE_META.length;
  const first = research + RESEARCH_HEADER.length;
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
    for (let c = 0; c < row.research.length; c++) {
      const x = row.research[c];
      if (typeof x === 'number') out.num(research + c, x);
      else if (x !== null) out.text(research + c, sst.of(x));
    }
    for (let c = 0; c < at.length; c++) {
      const i = at[c];
      if (i >= 0) out.num(first + c, row.values[i]);
    }
    out.text(failingCol, sst.of(failingChecks(row)));
    out.endRow();
  };
}

/** `values`: one row per report × key — the long CSV's cells. */
export function writeLong(sst: SharedStrings): SheetWriter {
  // per key: its section/key/label shared strings (-1: none); per key list: the catalogue order
  const keyCells = new Map<string, Int32Array>();
  const cellsOf = (key: string) => {
    let c = keyCells.get(key);
    if (c === undefined) {
      const info = keyInfo(key);
      const idx = (text: string | null | undefined) => (text == null ? -1 : sst.index(text));
      c = Int32Array.of(idx(info?.section), idx(key), idx(info?.label));
      keyCells.set(key, c);
    }
    return c;
  };
  // (cells of a key are looked up when first written, not with its list: shared strings are numbered in
  // the order they are first written)
  const orders = new Map<string, { keys: readonly string[]; at: Int32Array; cells: Array<Int32Array | undefined> }>();
  // the printed text of a value that is printed as the number itself (most of them): its shared string by
  // the number, without making the number's text again for every row
  const plainText = new Map<number, number>();
  return (row, sheet) => {
    let o = orders.get(row.keys);
    if (o === undefined) {
      const keys = keyList(row.keys);
      const at = Int32Array.from(orderedKeys(keys), (k) => keys.indexOf(k));
      o = { keys, at, cells: new Array<Int32Array | undefined>(at.length) };
      orders.set(row.keys, o);
    }
    const { keys, at, cells } = o;
    const { out } = sheet;
    const id = sst.index(row.id);
    const agency = row.agency === null ? -1 : sst.index(row.agency);
    const format = sst.index(row.format);
    const url = sst.index(row.url);
    const { year, values, raws } = row;
    const plain = raws.size === 0;
    let written = 0;
    let textCells = 0;
    for (let j = 0; j < at.length; j++) {
      if (!sheet.row()) break;
      const i = at[j];
      const [section, keyIdx, label] = (cells[j] ??= cellsOf(keys[i]));
      out.text(0, id);
      if (agency >= 0) out.text(1, agency);
      out.num(2, year);
      out.text(3, format);
      out.text(4, url);
      if (section >= 0) {
        out.text(5, section);
        textCells++;
      }
      out.text(6, keyIdx);
      if (label >= 0) {
        out.text(7, label);
        textCells++;
      }
      const v = values[i];
      out.num(8, v);
      const raw = plain ? undefined : raws.get(keys[i]);
      if (raw === undefined) {
        // printed as String(v) (v is a number here: a missing value always has a raws entry)
        let s = plainText.get(v);
        if (s === undefined) {
          s = sst.index(String(v));
          plainText.set(v, s);
        }
        out.text(9, s);
        textCells++;
      } else if (raw !== null) {
        out.text(9, sst.index(raw));
        textCells++;
      }
      out.endRow();
      written++;
    }
    // id, agency, format, url, key on every row written; section, label, raw counted above
    sst.count += written * (agency >= 0 ? 5 : 4) + textCells;
  };
}

/** `checks`: one row per check. */
export function writeChecks(sst: SharedStrings): SheetWriter {
  // per check id: its id's and its name's shared strings; per status letter: the status's
  const checkCells = new Map<string, [number, number]>();
  const statusCells = new Map<string, number>();
  return (row, sheet) => {
    const ids = keyList(row.checkIds);
    const { out } = sheet;
    const id = sst.index(row.id);
    const agency = row.agency === null ? -1 : sst.index(row.agency);
    const { year, checkNums, checkStatus, reasons } = row;
    let written = 0;
    let textCells = 0;
    for (let i = 0; i < ids.length; i++) {
      if (!sheet.row()) break;
      let c = checkCells.get(ids[i]);
      if (c === undefined) {
        c = [sst.index(ids[i]), sst.index(checkName(ids[i], 'zh_CN', false))];
        checkCells.set(ids[i], c);
      }
      const letter = checkStatus[i];
      let status = statusCells.get(letter);
      if (status === undefined) {
        status = sst.index(checkStatusAt(row, i));
        statusCells.set(letter, status);
      }
      out.text(0, id);
      if (agency >= 0) out.text(1, agency);
      out.num(2, year);
      out.text(3, c[0]);
      out.text(4, status);
      out.num(5, checkNums[3 * i]);
      out.num(6, checkNums[3 * i + 1]);
      out.num(7, checkNums[3 * i + 2]);
      const reason = reasons.get(i);
      if (reason !== undefined) {
        out.text(8, sst.index(reason));
        textCells++;
      }
      out.text(9, c[1]);
      out.endRow();
      written++;
    }
    // id, agency, check, status, name on every row written; reasons counted above
    sst.count += written * (agency >= 0 ? 5 : 4) + textCells;
  };
}

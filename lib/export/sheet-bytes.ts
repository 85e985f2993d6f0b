import { ByteWriter } from './byte-writer';

/**
 * Writes SpreadsheetML rows straight into UTF-8 bytes: the sheets of a 10,000-report workbook are ~1.5
 * million rows, and building them as strings (then encoding them) cost more in garbage collection and
 * flattening than in the writing. Every byte written here is ASCII: text cells are shared-string indexes.
 *
 * A cell gets its `r="B12"` reference only where it does not follow the previous cell of its row (the
 * row's first cell, or after an empty cell left out): SpreadsheetML places a cell without a reference in
 * the next column, and leaving them out makes the XML a third smaller.
 */

const COLUMN_NAMES: string[] = [];
const COLUMN_BYTES: Uint8Array[] = [];

export function columnName(index: number): string {
  let name = COLUMN_NAMES[index];
  if (name === undefined) {
    let n = index + 1;
    name = '';
    while (n > 0) {
      const m = (n - 1) % 26;
      name = String.fromCharCode(65 + m) + name;
      n = Math.floor((n - 1) / 26);
    }
    COLUMN_NAMES[index] = name;
  }
  return name;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const columnBytes = (index: number) => (COLUMN_BYTES[index] ??= ascii(columnName(index)));
const ROW_OPEN = ascii('<row r="');
const ROW_END = ascii('</row>');
const REF = ascii(' r="');
const TEXT_VALUE = ascii(' t="s"><v>');
const NUMBER_VALUE = ascii('><v>');
const CELL_END = ascii('</v></c>');
/** the longest a cell can be: `<c r="XFD1048576" t="s"><v>` + a 16-digit number + `</v></c>` */
const CELL_ROOM = 64;

/** Cells are written with one room check each and pre-encoded markup: ~15 million cells in a big workbook. */
export class SheetBytes extends ByteWriter {
  private row = 0;
  private next = -1;

  beginRow(r: number): void {
    this.room(CELL_ROOM);
    this.put(ROW_OPEN);
    this.digits(r);
    this.buf[this.at++] = 34; // "
    this.buf[this.at++] = 62; // >
    this.row = r;
    this.next = -1;
  }

  endRow(): void {
    this.room(ROW_END.length);
    this.put(ROW_END);
  }

  /** `<c` and, where the cell does not follow the previous one, its reference; room is made by the caller. */
  private open(col: number): void {
    const buf = this.buf;
    buf[this.at++] = 60; // <
    buf[this.at++] = 99; // c
    if (col !== this.next) {
      this.put(REF);
      this.put(columnBytes(col));
      this.digits(this.row);
      buf[this.at++] = 34; // "
    }
    this.next = col + 1;
  }

  /** A text cell: index `sst` into the shared strings. */
  text(col: number, sst: number): void {
    this.room(CELL_ROOM);
    this.open(col);
    this.put(TEXT_VALUE);
    this.digits(sst);
    this.put(CELL_END);
  }

  /** A number cell; nothing for null, NaN or ±Infinity (an empty cell). */
  num(col: number, v: number | null): void {
    if (v === null || !Number.isFinite(v)) return;
    if (!Number.isSafeInteger(v)) {
      this.room(CELL_ROOM);
      this.open(col);
      this.put(NUMBER_VALUE);
      this.ascii(String(v));
      this.room(CELL_END.length);
      this.put(CELL_END);
      return;
    }
    this.room(CELL_ROOM);
    this.open(col);
    this.put(NUMBER_VALUE);
    if (v < 0) {
      this.buf[this.at++] = 45;
      v = -v;
    }
    this.digits(v);
    this.put(CELL_END);
  }
}

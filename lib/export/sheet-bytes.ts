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

export class SheetBytes {
  private buf: Uint8Array;
  private at = 0;
  private row = 0;
  private next = -1;

  constructor(private readonly size = 1 << 22) {
    this.buf = new Uint8Array(size);
  }

  /** The bytes written since the last take (the buffer is not reused). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(Math.max(this.size, this.buf.length));
    this.at = 0;
    return out;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }

  /** ASCII text, as is (the caller's fixed markup). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Already encoded bytes. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** A number as SpreadsheetML writes it (its shortest decimal text); integers without a string. */
  number(v: number): void {
    if (!Number.isSafeInteger(v)) {
      this.ascii(String(v));
      return;
    }
    this.room(17);
    const buf = this.buf;
    if (v < 0) {
      buf[this.at++] = 45;
      v = -v;
    }
    if (v < 10) {
      buf[this.at++] = 48 + v;
      return;
    }
    let digits = 0;
    for (let x = v; x >= 1; x = Math.floor(x / 10)) digits++;
    let end = this.at + digits;
    this.at = end;
    while (v >= 1) {
      const q = Math.floor(v / 10);
      buf[--end] = 48 + (v - q * 10);
      v = q;
    }
  }

  beginRow(r: number): void {
    this.ascii('<row r="');
    this.number(r);
    this.ascii('">');
    this.row = r;
    this.next = -1;
  }

  endRow(): void {
    this.ascii('</row>');
  }

  private open(col: number): void {
    if (col === this.next) this.ascii('<c');
    else {
      this.ascii('<c r="');
      this.ascii(columnName(col));
      this.number(this.row);
      this.ascii('"');
    }
    this.next = col + 1;
  }

  /** A text cell: index `sst` into the shared strings. */
  text(col: number, sst: number): void {
    this.open(col);
    this.ascii(' t="s"><v>');
    this.number(sst);
    this.ascii('</v></c>');
  }

  /** A number cell; nothing for null, NaN or ±Infinity (an empty cell). */
  num(col: number, v: number | null): void {
    if (v === null || !Number.isFinite(v)) return;
    this.open(col);
    this.ascii('><v>');
    this.number(v);
    this.ascii('</v></c>');
  }
}

/**
 * Text written straight into UTF-8 bytes, for the exports' big parts (a sheet's rows, the wide CSV's
 * lines): appending millions of small strings makes as many rope nodes for the garbage collector to copy
 * and for the Blob to flatten, where a growing byte buffer makes none. `take()` hands over what was
 * written and starts a new buffer.
 */
export class ByteWriter {
  protected buf: Uint8Array;
  protected at = 0;
  private readonly encoder = new TextEncoder();

  constructor(size = 1 << 22) {
    this.buf = new Uint8Array(size);
  }

  /** Bytes written since the last take. */
  get length(): number {
    return this.at;
  }

  /**
   * The bytes written since the last take, as a copy of their exact size; the buffer is kept for the next
   * part. (A new 4 MB buffer per part made the garbage collector run for the buffers' sake: hundreds of
   * them for one workbook. Handing out the buffer itself is not safe: a CompressionStream may still hold
   * a chunk after its write resolved, as Node's does.)
   */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.at);
    this.at = 0;
    return out;
  }

  /** The buffer itself: its bytes 0…length are those written since the last take (valid until the next write). */
  view(): Uint8Array {
    return this.buf;
  }

  /** Drops what was written since the last take (the buffer is kept). */
  clear(): void {
    this.at = 0;
  }

  protected room(n: number): void {
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

  /** Any text, as UTF-8. */
  utf8(s: string): void {
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return this.ascii(s);
    this.room(s.length * 3);
    this.at += this.encoder.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /** One ASCII character by its code. */
  byte(b: number): void {
    this.room(1);
    this.buf[this.at++] = b;
  }

  /** Already encoded bytes. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** A number as `String(v)` writes it; integers without making a string. */
  number(v: number): void {
    if (!Number.isSafeInteger(v)) {
      this.ascii(String(v));
      return;
    }
    this.room(17);
    if (v < 0) {
      this.buf[this.at++] = 45;
      v = -v;
    }
    this.digits(v);
  }

  /** A safe integer ≥ 0 (or -0) in decimal; the caller has made room (16 bytes). */
  protected digits(v: number): void {
    const buf = this.buf;
    if (v < 10) {
      buf[this.at++] = 48 + v;
      return;
    }
    let end = this.at + 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) end++;
    this.at = end;
    while (v >= 1) {
      const q = Math.floor(v / 10);
      buf[--end] = 48 + (v - q * 10);
      v = q;
    }
  }

  /** Pre-encoded bytes, copied one by one (short markup); the caller has made room. */
  protected put(b: Uint8Array): void {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < b.length; i++) buf[at++] = b[i];
    this.at = at;
  }
}

/**
 * A DEFLATE (RFC 1951) writer for text whose writer knows its own repeats: one block with the fixed Huffman
 * codes, literals and back-references (`copy`) the caller names — no searching. The long export's
 * `values.csv` (~120 MB for 10,000 reports, csv-long-zip.ts) repeats each line's report id from the line
 * before and each key's `,section,key,` from the report before; naming those repeats costs a few integer
 * operations a line, where the platform's CompressionStream searched 120 MB for them (~1.8 s of the export
 * on this machine, on the page's thread) and gave a file of the same order (~8 vs ~20 MB).
 */

const MAX_DISTANCE = 32_768;
const MAX_LENGTH = 258;
const MIN_LENGTH = 3;

const reverse = (code: number, len: number) => {
  let r = 0;
  for (let i = 0; i < len; i++) r = (r << 1) | ((code >>> i) & 1);
  return r;
};

// the fixed literal/length code (RFC 1951 §3.2.6), bit-reversed: Huffman codes are packed most significant bit first
const LIT_CODE = new Uint16Array(288);
const LIT_BITS = new Uint8Array(288);
for (let v = 0; v < 288; v++) {
  const [code, len] = v < 144 ? [0x30 + v, 8] : v < 256 ? [0x190 + v - 144, 9] : v < 280 ? [v - 256, 7] : [0xc0 + v - 280, 8];
  LIT_CODE[v] = reverse(code, len);
  LIT_BITS[v] = len;
}

// a match length (3..258) as its code and extra bits together: value and bit count
const LEN_VALUE = new Uint32Array(MAX_LENGTH + 1);
const LEN_BITS = new Uint8Array(MAX_LENGTH + 1);
for (let len = MIN_LENGTH; len <= MAX_LENGTH; len++) {
  const x = len - 3;
  let sym: number;
  let extraBits = 0;
  if (len === 258) sym = 285;
  else if (x < 8) sym = 257 + x;
  else {
    const nb = 31 - Math.clz32(x);
    extraBits = nb - 2;
    sym = 261 + 4 * (nb - 2) + ((x >>> extraBits) & 3);
  }
  const extra = extraBits ? x & ((1 << extraBits) - 1) : 0;
  LEN_VALUE[len] = LIT_CODE[sym] | (extra << LIT_BITS[sym]);
  LEN_BITS[len] = LIT_BITS[sym] + extraBits;
}

const DIST_CODE = Uint8Array.from({ length: 30 }, (_, c) => reverse(c, 5));

export class FixedDeflate {
  private out: Uint8Array;
  private at = 0;
  private bits = 0;
  private nbits = 0;
  /** bytes of input described so far */
  size = 0;

  constructor(room = 1 << 20) {
    this.out = new Uint8Array(room);
    this.put(3, 3); // BFINAL = 1, BTYPE = 01 (fixed codes)
  }

  private put(value: number, n: number): void {
    this.bits |= value << this.nbits;
    this.nbits += n;
    if (this.at + 4 > this.out.length) this.grow();
    while (this.nbits >= 8) {
      this.out[this.at++] = this.bits & 0xff;
      this.bits >>>= 8;
      this.nbits -= 8;
    }
  }

  private grow(n = 4): void {
    const bigger = new Uint8Array(Math.max(this.out.length * 2, this.at + n));
    bigger.set(this.out.subarray(0, this.at));
    this.out = bigger;
  }

  /** Compressed bytes written since the last take. */
  get pending(): number {
    return this.at;
  }

  /** The input bytes `from..to` of `buf`, as literals. */
  literals(buf: Uint8Array, from: number, to: number): void {
    if (this.at + 2 * (to - from) + 4 > this.out.length) this.grow(2 * (to - from) + 4);
    const out = this.out;
    let at = this.at;
    let bits = this.bits;
    let nbits = this.nbits;
    for (let i = from; i < to; i++) {
      const b = buf[i];
      bits |= LIT_CODE[b] << nbits;
      nbits += LIT_BITS[b];
      while (nbits >= 8) {
        out[at++] = bits & 0xff;
        bits >>>= 8;
        nbits -= 8;
      }
    }
    this.at = at;
    this.bits = bits;
    this.nbits = nbits;
    this.size += to - from;
  }

  /**
   * `length` bytes equal to those `distance` bytes back in the input (the caller knows they are); false,
   * writing nothing, when the distance is beyond the window or the run too short to name.
   */
  copy(length: number, distance: number): boolean {
    if (distance < 1 || distance > MAX_DISTANCE || length < MIN_LENGTH) return false;
    this.size += length;
    while (length > 0) {
      // a run longer than 258 goes in pieces, none shorter than 3
      const n = length > MAX_LENGTH ? Math.min(MAX_LENGTH, length - MIN_LENGTH) : length;
      this.put(LEN_VALUE[n], LEN_BITS[n]);
      const x = distance - 1;
      if (x < 4) this.put(DIST_CODE[x], 5);
      else {
        const nb = 31 - Math.clz32(x);
        const extraBits = nb - 1;
        // 5 code bits then up to 13 extra bits: in two puts (at most 7 bits are pending between puts)
        this.put(DIST_CODE[2 * nb + ((x >>> extraBits) & 1)], 5);
        this.put(x & ((1 << extraBits) - 1), extraBits);
      }
      length -= n;
    }
    return true;
  }

  /** The compressed bytes written so far, whole bytes only (the pending bits stay). */
  take(): Uint8Array {
    const out = this.out.slice(0, this.at);
    this.at = 0;
    return out;
  }

  /** Ends the block and the stream; the last bytes. */
  finish(): Uint8Array {
    this.put(LIT_CODE[256], LIT_BITS[256]);
    if (this.nbits > 0) this.put(0, 8 - this.nbits);
    return this.take();
  }
}

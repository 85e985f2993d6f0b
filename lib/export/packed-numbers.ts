/**
 * Numbers packed as bytes, for the export rows as stored (`exportRows`): a report's ~200 values and ~120
 * check numbers are mostly small integers, 8 bytes each in a Float64Array and 1–2 bytes here, and reading
 * the rows back from IndexedDB costs about what they weigh (~3 KB a report before, most of a wide CSV
 * export's time on a busy machine). Layout: the count, then per number a varint `u`: `u` even is the
 * integer `u / 2` zigzagged (|v| < 2^28); `u` = 1 is followed by the number's 8 bytes (a fraction, a large
 * number, -0, NaN), little-endian.
 */

const SMALL = 2 ** 28;

export function packNumbers(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(5 + values.length * 9);
  const view = new DataView(out.buffer);
  let at = 0;
  const varint = (u: number) => {
    while (u >= 0x80) {
      out[at++] = (u & 0x7f) | 0x80;
      u = Math.floor(u / 128);
    }
    out[at++] = u;
  };
  varint(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isInteger(v) && v > -SMALL && v < SMALL && !Object.is(v, -0)) varint(2 * (v >= 0 ? 2 * v : -2 * v - 1));
    else {
      out[at++] = 1;
      view.setFloat64(at, v, true);
      at += 8;
    }
  }
  return out.slice(0, at);
}

export function unpackNumbers(bytes: Uint8Array): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const varint = () => {
    let u = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[at++];
      u += (b & 0x7f) * scale;
      if (b < 0x80) return u;
      scale *= 128;
    }
  };
  const out = new Float64Array(varint());
  for (let i = 0; i < out.length; i++) {
    const u = varint();
    if (u === 1) {
      out[i] = view.getFloat64(at, true);
      at += 8;
    } else {
      const z = u / 2;
      out[i] = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    }
  }
  return out;
}

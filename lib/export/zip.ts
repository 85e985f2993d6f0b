/**
 * A minimal streaming ZIP writer (what an XLSX file is). An entry is added as a sequence of chunks: each
 * chunk updates the CRC and goes through the platform's CompressionStream ('deflate-raw', in Chromium,
 * Firefox and Node ≥ 18) as it comes, so a sheet of hundreds of MB is never one string or one buffer —
 * on this thread, or on workers (a `Deflater`). Without CompressionStream the entry is stored. The archive
 * is returned as a Blob of its parts.
 */

const CRC_TABLES = (() => {
  // slicing-by-8: eight 256-entry tables, eight bytes per step (~3× the byte-at-a-time loop)
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** CRC-32 of `data` (its first `length` bytes); pass the CRC of the bytes before it as `prev` to continue over a split input. */
export function crc32(data: Uint8Array, prev = 0, length = data.length): number {
  const T = CRC_TABLES;
  let c = (prev ^ 0xffffffff) >>> 0;
  let i = 0;
  const end8 = length - (length & 7);
  for (; i < end8; i += 8) {
    const lo = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      T[1792 + (lo & 0xff)] ^
      T[1536 + ((lo >>> 8) & 0xff)] ^
      T[1280 + ((lo >>> 16) & 0xff)] ^
      T[1024 + (lo >>> 24)] ^
      T[768 + data[i + 4]] ^
      T[512 + data[i + 5]] ^
      T[256 + data[i + 6]] ^
      T[data[i + 7]];
  }
  for (; i < length; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type Chunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** An entry's stored bytes: method 8 (deflate) or 0 (stored), the body, and the CRC-32 and size of its input. */
export interface DeflatedEntry {
  method: number;
  body: Uint8Array[];
  crc: number;
  size: number;
}

/**
 * Where entries are deflated. `entry` resolves once every chunk has been taken (so the caller may go on
 * writing the next entry) with the promise of the deflated entry: a deflater on other threads
 * (lib/ui/worker-deflater.ts) deflates several entries at once while the page writes the next one.
 * A deflater may keep a chunk it was given: hand it bytes no one writes to afterwards.
 */
export interface Deflater {
  entry(chunks: Chunks): Promise<{ done: Promise<DeflatedEntry> }>;
}

/**
 * A raw-deflate stream (CompressionStream) whose output is collected into `body` as it comes out: write the
 * input to `writer`, close it, then await `drained`. Shared by the in-thread deflater and the deflate worker.
 */
export function deflateRawInto(body: Uint8Array[]): { writer: WritableStreamDefaultWriter<BufferSource>; drained: Promise<void> } {
  const cs = new CompressionStream('deflate-raw');
  const reader = cs.readable.getReader();
  const drained = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      body.push(value);
    }
  })();
  return { writer: cs.writable.getWriter(), drained };
}

/** Deflates on this thread, with the platform's CompressionStream; stores without it. */
export const inThreadDeflater: Deflater = {
  async entry(chunks) {
    let crc = 0;
    let size = 0;
    const body: Uint8Array[] = [];
    if (typeof CompressionStream === 'undefined') {
      for await (const chunk of chunks) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        body.push(chunk);
      }
      return { done: Promise.resolve({ method: 0, body, crc, size }) };
    }
    const { writer, drained } = deflateRawInto(body);
    for await (const chunk of chunks) {
      if (chunk.length === 0) continue;
      crc = crc32(chunk, crc);
      size += chunk.length;
      await writer.write(chunk as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
    await drained;
    return { done: Promise.resolve({ method: 8, body, crc, size }) };
  },
};

export class ZipWriter {
  private readonly entries: Array<Promise<{ name: Uint8Array } & DeflatedEntry>> = [];
  private readonly enc = new TextEncoder();

  constructor(private readonly deflater: Deflater = inThreadDeflater) {}

  /**
   * Adds an entry from its chunks (CRC computed and deflated as they arrive). Resolves once the chunks are
   * taken; the deflating may go on (`blob` waits for it). Entries keep the order they were added in.
   */
  async add(name: string, chunks: Chunks): Promise<void> {
    const { done } = await this.deflater.entry(chunks);
    const nameBytes = this.enc.encode(name);
    const entry = done.then((e) => ({ name: nameBytes, ...e }));
    entry.catch(() => {}); // a failed entry fails `blob`; not an unhandled rejection before it
    this.entries.push(entry);
  }

  /** Adds an entry already deflated (raw DEFLATE chunks), with the CRC-32 and size of its uncompressed bytes. */
  addDeflated(name: string, body: Uint8Array[], crc: number, size: number): void {
    this.entries.push(Promise.resolve({ name: this.enc.encode(name), method: 8, body, crc, size }));
  }

  /** The archive, once every entry is deflated: entries, central directory, end record. */
  async blob(type = 'application/zip'): Promise<Blob> {
    const parts: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const { name, method, body, crc, size } of await Promise.all(this.entries)) {
      const bodySize = body.reduce((n, b) => n + b.length, 0);
      if (size > 0xffffffff || bodySize > 0xffffffff || offset > 0xffffffff)
        throw new Error(`zip: ${new TextDecoder().decode(name)} is over 4 GB (no ZIP64)`);
      const local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, 0x0800, true); // UTF-8 names
      local.setUint16(8, method, true);
      local.setUint16(10, 0, true);
      local.setUint16(12, 0x21, true); // 1980-01-01
      local.setUint32(14, crc, true);
      local.setUint32(18, bodySize, true);
      local.setUint32(22, size, true);
      local.setUint16(26, name.length, true);
      local.setUint16(28, 0, true);
      const dir = new DataView(new ArrayBuffer(46));
      dir.setUint32(0, 0x02014b50, true);
      dir.setUint16(4, 20, true);
      dir.setUint16(6, 20, true);
      dir.setUint16(8, 0x0800, true);
      dir.setUint16(10, method, true);
      dir.setUint16(12, 0, true);
      dir.setUint16(14, 0x21, true);
      dir.setUint32(16, crc, true);
      dir.setUint32(20, bodySize, true);
      dir.setUint32(24, size, true);
      dir.setUint16(28, name.length, true);
      dir.setUint32(42, offset, true);
      parts.push(new Uint8Array(local.buffer), name, ...body);
      central.push(new Uint8Array(dir.buffer), name);
      offset += 30 + name.length + bodySize;
    }
    const dirSize = central.reduce((n, c) => n + c.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.entries.length, true);
    end.setUint16(10, this.entries.length, true);
    end.setUint32(12, dirSize, true);
    end.setUint32(16, offset, true);
    return new Blob([...parts, ...central, new Uint8Array(end.buffer)] as BlobPart[], { type });
  }
}

const SHIFTS = new Map<number, Uint32Array>();

/**
 * The CRC-32 of a fixed run of `length` bytes continued from any CRC, in four table look-ups: the CRC
 * is linear, so `crc32(bytes, prev) = shift(prev) ^ crc32(bytes)`, where `shift` (multiplying by x^(8·length)
 * modulo the polynomial) depends only on the length. For text that repeats the same fragments millions of
 * times (the long export's `values.csv`): `crc32Of(bytes, prev) = crc32Shift(bytes.length)(prev) ^ crc32(bytes)`.
 */
export function crc32Shift(length: number): (prev: number) => number {
  let z = SHIFTS.get(length);
  if (z === undefined) {
    // the images of the 32 unit vectors, then each table entry as the XOR of its bits' images
    const T = CRC_TABLES;
    const basis = new Uint32Array(32);
    for (let bit = 0; bit < 32; bit++) {
      let c = (1 << bit) >>> 0;
      for (let i = 0; i < length; i++) c = T[c & 0xff] ^ (c >>> 8);
      basis[bit] = c >>> 0;
    }
    z = new Uint32Array(1024);
    for (let k = 0; k < 4; k++)
      for (let b = 1; b < 256; b++) z[k * 256 + b] = z[k * 256 + (b & (b - 1))] ^ basis[8 * k + (31 - Math.clz32(b & -b))];
    SHIFTS.set(length, z);
  }
  const t = z;
  return (prev) => (t[prev & 0xff] ^ t[256 + ((prev >>> 8) & 0xff)] ^ t[512 + ((prev >>> 16) & 0xff)] ^ t[768 + (prev >>> 24)]) >>> 0;
}

/**
 * The central directory of a zip file, read without inflating anything: the entries' names and their
 * declared sizes. Enough to tell a DOCX from another zip and to refuse a zip bomb before a byte is inflated.
 * Returns null for bytes that are not a whole, well-formed zip (truncated, corrupt, or zip64 — which no
 * Word document needs).
 */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** the uncompressed size the central directory declares (a bomb may lie: see `inflatesWithin`) */
  size: number;
  /** 0 stored, 8 deflate */
  method: number;
  /** where the entry's local header starts */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  );
}

export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  if (!isZip(bytes) || bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > end) return null;
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) return null;
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff) return null;
    if (local + 30 > dirOffset || view.getUint32(local, true) !== LOCAL || local + compressedSize > dirOffset) return null;
    if (p + 46 + nameLength > end) return null;
    entries.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)), compressedSize, size, method, offset: local });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Whether an entry inflates to no more than `limit` bytes: inflated as a stream and stopped as soon as it
 * passes the limit, so a part that lies about its size never fills memory. False too for data that does not
 * inflate (corrupt) or a compression method other than stored/deflate.
 */
export async function inflatesWithin(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<boolean> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.compressedSize > bytes.length) return false;
  if (entry.method === 0) return entry.compressedSize <= limit;
  if (entry.method !== 8) return false;
  const data = bytes.slice(start, start + entry.compressedSize);
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        return false;
      }
    }
  } catch {
    return false;
  }
}

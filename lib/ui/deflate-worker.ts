import { crc32, deflateRawInto } from '../export/zip';

/**
 * A worker that deflates ZIP entries for the page (lib/ui/worker-deflater.ts): the page writes a
 * workbook's sheets while this thread checksums and deflates them with CompressionStream. Messages:
 * `begin`/`chunk`/`end` with an entry id in, `ack` (a chunk taken, for back-pressure) and `done` (the
 * deflated body, its input's CRC-32 and size) out.
 */

export type ToWorker = { type: 'begin'; id: number } | { type: 'chunk'; id: number; bytes: Uint8Array } | { type: 'end'; id: number };
export type FromWorker =
  | { type: 'ack'; id: number; bytes: number }
  | { type: 'done'; id: number; body: Uint8Array[]; crc: number; size: number }
  | { type: 'error'; id: number; message: string };

interface Entry {
  writer: WritableStreamDefaultWriter<BufferSource>;
  drained: Promise<void>;
  body: Uint8Array[];
  crc: number;
  size: number;
}

const entries = new Map<number, Entry>();
const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    if (m.type === 'begin') {
      const body: Uint8Array[] = [];
      entries.set(m.id, { ...deflateRawInto(body), body, crc: 0, size: 0 });
    } else if (m.type === 'chunk') {
      const entry = entries.get(m.id)!;
      // in arrival order: the CRC now, the deflate queued behind the chunks before
      entry.crc = crc32(m.bytes, entry.crc);
      entry.size += m.bytes.length;
      await entry.writer.write(m.bytes as Uint8Array<ArrayBuffer>);
      post({ type: 'ack', id: m.id, bytes: m.bytes.length });
    } else {
      const entry = entries.get(m.id)!;
      entries.delete(m.id);
      await entry.writer.close();
      await entry.drained;
      post(
        { type: 'done', id: m.id, body: entry.body, crc: entry.crc, size: entry.size },
        entry.body.map((b) => b.buffer),
      );
    }
  } catch (err) {
    post({ type: 'error', id: m.id, message: (err as Error).message });
  }
};

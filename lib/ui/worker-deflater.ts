import type { Chunks, DeflatedEntry, Deflater } from '../export/zip';
import type { FromWorker, ToWorker } from './deflate-worker';

/**
 * A `Deflater` (lib/export/zip.ts) on two workers (deflate-worker.ts): the page writes a sheet's rows while
 * the workers checksum and deflate the sheets before it — each entry goes to the worker with less left to
 * do, so two sheets deflate at once. Deflating was ~45 % of a 10,000-report XLSX export, all of it on the
 * page's thread; on a busy 2-core machine threads of our own also get more of the CPU. Chunks are
 * transferred, not copied; a worker more than `AHEAD` bytes behind makes the page wait (memory stays
 * bounded). Without Worker (tests in Node), `deflaterForExports` answers undefined: zip.ts deflates in
 * the thread; a worker that fails makes the export throw (run-export.ts then writes it in the thread).
 */

const AHEAD = 32 << 20;
const WORKERS = 2;

interface Lane {
  worker: Worker;
  /** bytes sent and not yet taken */
  behind: number;
  wake: (() => void) | null;
  /** why the worker stopped (it could not start, or threw) */
  failed: Error | null;
}

export function deflaterForExports(): (Deflater & { close(): void }) | undefined {
  if (typeof Worker === 'undefined' || typeof CompressionStream === 'undefined') return undefined;
  const pending = new Map<number, { resolve: (e: DeflatedEntry) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const lanes: Lane[] = Array.from({ length: WORKERS }, () => {
    const lane: Lane = {
      worker: new Worker(new URL('./deflate-worker.ts', import.meta.url), { type: 'module' }),
      behind: 0,
      wake: null,
      failed: null,
    };
    lane.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ack') {
        lane.behind -= m.bytes;
        lane.wake?.();
      } else {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.type === 'done') p?.resolve({ method: 8, body: m.body, crc: m.crc, size: m.size });
        else {
          lane.failed = new Error(`deflate: ${m.message}`);
          p?.reject(lane.failed);
          lane.wake?.();
        }
      }
    };
    lane.worker.onerror = (e) => {
      lane.failed = new Error(`deflate worker: ${e.message}`);
      for (const p of pending.values()) p.reject(lane.failed);
      pending.clear();
      lane.wake?.();
    };
    return lane;
  });
  const send = (lane: Lane, m: ToWorker, transfer: Transferable[] = []) => lane.worker.postMessage(m, transfer);
  return {
    async entry(chunks: Chunks) {
      const lane = lanes.reduce((a, b) => (b.behind < a.behind ? b : a));
      if (lane.failed) throw lane.failed;
      const id = nextId++;
      const done = new Promise<DeflatedEntry>((resolve, reject) => pending.set(id, { resolve, reject }));
      done.catch(() => {}); // awaited by the zip writer; not an unhandled rejection meanwhile
      send(lane, { type: 'begin', id });
      for await (const chunk of chunks) {
        if (chunk.length === 0) continue;
        // a chunk that is not its buffer's whole is copied: the rest of the buffer is not ours to move
        const bytes = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
        lane.behind += bytes.length;
        send(lane, { type: 'chunk', id, bytes }, [bytes.buffer]);
        while (lane.behind > AHEAD && !lane.failed) await new Promise<void>((wake) => (lane.wake = wake));
        lane.wake = null;
        if (lane.failed) throw lane.failed;
      }
      send(lane, { type: 'end', id });
      return { done };
    },
    close() {
      for (const lane of lanes) lane.worker.terminate();
    },
  };
}

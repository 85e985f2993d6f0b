/** Options shared by the exporters: long exports yield to the event loop and report progress. */
export interface ChunkOptions {
  /** called after each chunk with (records done, records total) */
  onProgress?: (done: number, total: number) => void;
  /** records per chunk (default 200) */
  chunkSize?: number;
  /** how to yield between chunks (default: a macrotask, so the UI can paint) */
  yieldFn?: () => Promise<void>;
}

/**
 * Yields to the event loop (a macrotask), so the page can paint and handle input: the one helper for it.
 * A message to itself, not `setTimeout(0)`: browsers hold a timer set from a timer's own callback (nested
 * more than 5 deep, as an export's yields are) for at least 4 ms, and on a busy machine the thread gives its
 * core away meanwhile — a long export yields hundreds of times. `setTimeout` where there is no MessageChannel.
 */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise<void>((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/** Runs `fn` on every item, yielding between chunks so a 10,000-record export does not freeze the page. */
export async function forEachChunked<T>(items: readonly T[], fn: (item: T, index: number) => void, opts: ChunkOptions = {}): Promise<void> {
  const size = opts.chunkSize ?? 200;
  const pause = opts.yieldFn ?? yieldToEventLoop;
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) fn(items[i], i);
    opts.onProgress?.(end, items.length);
    if (end < items.length) await pause();
  }
  if (items.length === 0) opts.onProgress?.(0, 0);
}

/**
 * Every request the extension makes of its own (an attachment's file, SPEC §8; a listing's reports, §9) goes
 * through one polite fetcher: one request at a time per host, a gap between request starts to one host, a
 * back-off on 429/503 that honours `Retry-After`, three tries, and a byte limit read as a stream (a 50 MB
 * file is stopped at the limit, not loaded). A fetch never throws: it answers `ok: false` with the reason.
 */

export type FetchOutcome =
  { ok: true; bytes: Uint8Array; contentType: string; url: string } | { ok: false; status?: number; error: string; tooLarge?: boolean };

export interface PoliteOptions {
  /** the least time between two request starts to one host (ms) */
  gapMs?: number;
  /** tries on 429/503/network errors */
  tries?: number;
  /** larger bodies are cut off and refused */
  maxBytes?: number;
  /** the longest wait a `Retry-After` may ask for (ms); a longer one fails the item */
  maxRetryAfterMs?: number;
  /** a request that sends nothing for this long is given up (ms) */
  timeoutMs?: number;
  /** whether a timed-out request is tried again (default true; the collector gives a page that never ends one try) */
  retryTimeouts?: boolean;
}

export interface PoliteDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const defaultDeps = (): PoliteDeps => ({
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});

export function createPoliteFetcher(deps: PoliteDeps = defaultDeps()) {
  /** per host: the promise of the last request's turn, and when the last request started */
  const tails = new Map<string, Promise<void>>();
  const lastStart = new Map<string, number>();

  /** Runs `job` when the host's earlier requests are done and the gap since the last start has passed. */
  async function inTurn<T>(host: string, gapMs: number, job: () => Promise<T>): Promise<T> {
    const before = tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = before.then(() => mine);
    tails.set(host, tail);
    await before;
    try {
      const wait = (lastStart.get(host) ?? -Infinity) + gapMs - deps.now();
      if (wait > 0) await deps.sleep(wait);
      lastStart.set(host, deps.now());
      return await job();
    } finally {
      release();
      if (tails.get(host) === tail) tails.delete(host);
    }
  }

  async function once(url: string, opts: Required<PoliteOptions>): Promise<FetchOutcome & { retryAfterMs?: number; timedOut?: boolean }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    try {
      const res = await deps.fetch(url, { credentials: 'include', redirect: 'follow', signal: controller.signal });
      if (!res.ok) {
        const retryAfterMs = retryAfter(res.headers.get('retry-after'), deps.now());
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, status: res.status, error: `HTTP ${res.status}`, retryAfterMs };
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > opts.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, status: res.status, error: tooLarge(declared, opts.maxBytes), tooLarge: true };
      }
      const bytes = await readLimited(res, opts.maxBytes);
      if (!bytes) return { ok: false, status: res.status, error: tooLarge(null, opts.maxBytes), tooLarge: true };
      return { ok: true, bytes, contentType: res.headers.get('content-type') ?? '', url: res.url || url };
    } catch (e) {
      const aborted = (e as Error)?.name === 'AbortError';
      return {
        ok: false,
        error: aborted ? `超时（${Math.round(opts.timeoutMs / 1000)} 秒无响应）` : `网络错误：${(e as Error)?.message ?? e}`,
        ...(aborted ? { timedOut: true } : {}),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Counts a request to `host` as started now when none is known (the researcher's own tab just loaded a page
   * there): the next request waits a gap after it.
   */
  function touch(host: string): void {
    if (!tails.has(host) && (lastStart.get(host) ?? -Infinity) < deps.now()) lastStart.set(host, deps.now());
  }

  /** Fetches `url` politely; retries 429, 503 and network errors with back-off, gives up after `tries`. */
  async function politeFetch(url: string, options: PoliteOptions = {}): Promise<FetchOutcome> {
    const opts: Required<PoliteOptions> = {
      gapMs: Math.max(1000, options.gapMs ?? 1000),
      tries: options.tries ?? 3,
      maxBytes: options.maxBytes ?? 30 * 1024 * 1024,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      timeoutMs: options.timeoutMs ?? 60_000,
      retryTimeouts: options.retryTimeouts ?? true,
    };
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return { ok: false, error: `地址无效：${url.slice(0, 200)}` };
    }
    // the whole try–back-off–retry sequence holds the host's turn: nothing else goes to a host that asked us to wait
    return inTurn(host, opts.gapMs, async () => {
      let last: FetchOutcome = { ok: false, error: 'no try' };
      for (let attempt = 1; attempt <= opts.tries; attempt++) {
        if (attempt > 1) lastStart.set(host, deps.now());
        const got = await once(url, opts);
        if (got.ok) return got;
        const { retryAfterMs, timedOut, ...outcome } = got;
        last = outcome;
        const retryable =
          got.status === undefined ? !got.tooLarge && (opts.retryTimeouts || !timedOut) : got.status === 429 || got.status === 503;
        if (!retryable || attempt === opts.tries) break;
        const backoff = Math.max(opts.gapMs, retryAfterMs ?? opts.gapMs * 2 ** attempt);
        if (backoff > opts.maxRetryAfterMs) {
          last = { ...outcome, error: `${outcome.error}（服务器要求 ${Math.round(backoff / 1000)} 秒后再试）` };
          break;
        }
        await deps.sleep(backoff);
      }
      return last;
    });
  }

  return Object.assign(politeFetch, { touch });
}

function tooLarge(bytes: number | null, max: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return bytes ? `文件过大（${mb(bytes)} MB，上限 ${mb(max)} MB），未读取` : `文件过大（超过 ${mb(max)} MB），未读取`;
}

/** `Retry-After` as milliseconds from now: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The body, read chunk by chunk and stopped (null) as soon as it passes `max` bytes. */
async function readLimited(res: Response, max: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The extension's one fetcher (per background lifetime): the per-host turns are shared by every caller. */
export const politeFetch = createPoliteFetcher();

import { describe, expect, it } from 'vitest';
import { createPoliteFetcher, retryAfter, type PoliteDeps } from '../../../lib/background/polite-fetch';

/** A fake clock and server: every request is logged with its start and end on the fake clock. */
function fakeNet(answer: (url: string, n: number) => Response | Promise<Response>, latencyMs = 300) {
  let clock = 0;
  const log: Array<{ url: string; host: string; start: number; end: number }> = [];
  const pending: Array<{ at: number; wake: () => void }> = [];
  let inFlight = 0;
  let maxInFlightPerHost = 0;
  const perHost = new Map<string, number>();
  const sleep = (ms: number) =>
    new Promise<void>((wake) => {
      pending.push({ at: clock + ms, wake });
    });
  const deps: PoliteDeps = {
    now: () => clock,
    sleep,
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      const host = new URL(url).host;
      const entry = { url, host, start: clock, end: -1 };
      log.push(entry);
      inFlight++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      maxInFlightPerHost = Math.max(maxInFlightPerHost, ...perHost.values());
      await sleep(latencyMs);
      entry.end = clock;
      inFlight--;
      perHost.set(host, perHost.get(host)! - 1);
      return answer(url, log.filter((l) => l.url === url).length);
    }) as typeof fetch,
  };
  /** runs the fake clock until every promise settles */
  async function settle<T>(p: Promise<T>): Promise<T> {
    let done = false;
    void p.finally(() => (done = true));
    for (let i = 0; i < 10_000 && !done; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (done) break;
      pending.sort((a, b) => a.at - b.at);
      const next = pending.shift();
      if (next) {
        clock = Math.max(clock, next.at);
        next.wake();
      }
    }
    return p;
  }
  return { deps, log, settle, stats: () => ({ inFlight, maxInFlightPerHost }) };
}

const ok = (body = 'x', headers: Record<string, string> = {}) => new Response(body, { status: 200, headers });

describe('politeFetch', () => {
  it('one request at a time per host, request starts at least the gap apart; other hosts are not held up', async () => {
    const net = fakeNet(() => ok());
    const get = createPoliteFetcher(net.deps);
    const urls = ['http://a.gov.cn/1', 'http://a.gov.cn/2', 'http://b.gov.cn/1', 'http://a.gov.cn/3'];
    const all = await net.settle(Promise.all(urls.map((u) => get(u, { gapMs: 1500 }))));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(net.stats().maxInFlightPerHost).toBe(1);
    const a = net.log.filter((l) => l.host === 'a.gov.cn');
    for (let i = 1; i < a.length; i++) {
      expect(a[i].start - a[i - 1].start).toBeGreaterThanOrEqual(1500);
      expect(a[i].start).toBeGreaterThanOrEqual(a[i - 1].end);
    }
    expect(net.log.find((l) => l.host === 'b.gov.cn')!.start).toBe(0);
  });

  it('the gap is never below 1 s, whatever the caller asks', async () => {
    const net = fakeNet(() => ok(), 10);
    const get = createPoliteFetcher(net.deps);
    await net.settle(Promise.all([get('http://a.gov.cn/1', { gapMs: 10 }), get('http://a.gov.cn/2', { gapMs: 10 })]));
    expect(net.log[1].start - net.log[0].start).toBeGreaterThanOrEqual(1000);
  });

  it('429 with Retry-After: waits as told, then succeeds; 503 twice then OK', async () => {
    const net = fakeNet((url, n) => {
      if (url.endsWith('/busy') && n === 1) return new Response('', { status: 429, headers: { 'retry-after': '7' } });
      if (url.endsWith('/flaky') && n < 3) return new Response('', { status: 503 });
      return ok('done');
    });
    const get = createPoliteFetcher(net.deps);
    const busy = await net.settle(get('http://a.gov.cn/busy'));
    expect(busy.ok).toBe(true);
    const tries = net.log.filter((l) => l.url.endsWith('/busy'));
    expect(tries).toHaveLength(2);
    expect(tries[1].start - tries[0].end).toBeGreaterThanOrEqual(7000);
    const flaky = await net.settle(get('http://a.gov.cn/flaky'));
    expect(flaky.ok).toBe(true);
    expect(net.log.filter((l) => l.url.endsWith('/flaky'))).toHaveLength(3);
  });

  it('3 tries, then fails with the status; a 404 fails at once', async () => {
    const net = fakeNet((url) => new Response('', { status: url.endsWith('/gone') ? 404 : 503 }));
    const get = createPoliteFetcher(net.deps);
    const down = await net.settle(get('http://a.gov.cn/down'));
    expect(down).toMatchObject({ ok: false, status: 503, error: 'HTTP 503' });
    expect(net.log.filter((l) => l.url.endsWith('/down'))).toHaveLength(3);
    const gone = await net.settle(get('http://a.gov.cn/gone'));
    expect(gone).toMatchObject({ ok: false, status: 404 });
    expect(net.log.filter((l) => l.url.endsWith('/gone'))).toHaveLength(1);
  });

  it('a body over the byte limit is refused (declared or streamed), never retried', async () => {
    const big = 'x'.repeat(5000);
    const net = fakeNet((url) => (url.endsWith('/declared') ? ok(big, { 'content-length': String(big.length) }) : ok(big)));
    const get = createPoliteFetcher(net.deps);
    const declared = await net.settle(get('http://a.gov.cn/declared', { maxBytes: 1000 }));
    expect(declared).toMatchObject({ ok: false, tooLarge: true });
    const streamed = await net.settle(get('http://a.gov.cn/streamed', { maxBytes: 1000 }));
    expect(streamed).toMatchObject({ ok: false, tooLarge: true });
    expect(net.log).toHaveLength(2);
  });

  it('a bad address and a network error give a reason, not a throw', async () => {
    const net = fakeNet(() => {
      throw new TypeError('Failed to fetch');
    });
    const get = createPoliteFetcher(net.deps);
    expect(await net.settle(get('not a url'))).toMatchObject({ ok: false, error: expect.stringMatching(/地址无效/) });
    const down = await net.settle(get('http://a.gov.cn/x'));
    expect(down).toMatchObject({ ok: false, error: expect.stringMatching(/网络错误/) });
    expect(net.log).toHaveLength(3);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfter('5', 0)).toBe(5000);
    expect(retryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfter('soon', 0)).toBeUndefined();
    expect(retryAfter(null, 0)).toBeUndefined();
  });
});

describe('time-outs', () => {
  it('a request that timed out is tried again by default, once with retryTimeouts: false (the collector)', async () => {
    let calls = 0;
    const deps: PoliteDeps = {
      now: () => 0,
      sleep: async () => {},
      fetch: (async () => {
        calls++;
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      }) as typeof fetch,
    };
    const politeFetch = createPoliteFetcher(deps);
    expect(await politeFetch('http://www.a.gov.cn/x.html', { timeoutMs: 20_000 })).toMatchObject({
      ok: false,
      error: '超时（20 秒无响应）',
    });
    expect(calls).toBe(3);
    calls = 0;
    expect(await politeFetch('http://www.a.gov.cn/y.html', { timeoutMs: 20_000, retryTimeouts: false })).toMatchObject({ ok: false });
    expect(calls).toBe(1);
  });
});

describe('touch', () => {
  it('a host the researcher’s tab just loaded from: the first request waits a gap after now', async () => {
    let clock = 10_000;
    const starts: number[] = [];
    const politeFetch = createPoliteFetcher({
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      fetch: (async () => {
        starts.push(clock);
        return new Response('ok');
      }) as typeof fetch,
    });
    politeFetch.touch('www.a.gov.cn');
    await politeFetch('http://www.a.gov.cn/2.html', { gapMs: 1500 });
    await politeFetch('http://www.b.gov.cn/1.html', { gapMs: 1500 });
    expect(starts).toEqual([11_500, 11_500]);
  });
});

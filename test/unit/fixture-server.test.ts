/**
 * The e2e fixture server's bad answers (test/e2e/behaviours.ts) and its request log, which the collector's
 * e2e reads to assert politeness (SPEC §9): each behaviour once, against the real server.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { politeness, startFixtureServer, type FixtureServer, type RecordedRequest } from '../e2e/server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const get = (path: string, init?: RequestInit) => fetch(server.url(path), { redirect: 'manual', ...init });

describe('fixture server behaviours (/_beh/<behaviour>/<path>)', () => {
  it('429once: 429 with Retry-After: 2, then the page; reset() makes it answer 429 again', async () => {
    const first = await get('/_beh/429once/reports/lingchuan-2020.html');
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '2']);
    const second = await get('/_beh/429once/reports/lingchuan-2020.html');
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('灵川县2020年政府信息公开工作年度报告');
    server.reset();
    expect((await get('/_beh/429once/reports/lingchuan-2020.html')).status).toBe(429);
  });
  it('503once: 503 without Retry-After, then the page', async () => {
    const first = await get('/_beh/503once/reports/quzhou-2020.html');
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, null]);
    expect((await get('/_beh/503once/reports/quzhou-2020.html')).status).toBe(200);
  });
  it('404 whatever the file; slow-<ms> answers after that long', async () => {
    expect((await get('/_beh/404/reports/quzhou-2020.html')).status).toBe(404);
    const t0 = Date.now();
    const slow = await get('/_beh/slow-300/reports/quzhou-2020.html');
    expect(slow.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });
  it('loop redirects to itself', async () => {
    const r = await get('/_beh/loop/reports/quzhou-2020.html?x=1');
    expect([r.status, r.headers.get('location')]).toEqual([302, '/_beh/loop/reports/quzhou-2020.html?x=1']);
  });
  it('hang sends the headers and half the page, then holds the connection until reset()', async () => {
    const r = await get('/_beh/hang/reports/quzhou-2020.html');
    expect([r.status, r.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const reader = r.body!.getReader();
    const chunk = await reader.read();
    expect(chunk.done).toBe(false);
    const rest = reader.read().then(
      () => 'more',
      () => 'aborted',
    );
    const pending = await Promise.race([rest, new Promise((ok) => setTimeout(() => ok('pending'), 300))]);
    expect(pending).toBe('pending');
    server.reset();
    expect(await rest).toBe('aborted');
  });
  it('a query names a sibling file when it exists (list.html?pageNum=2 → list.pageNum-2.html), else the file', async () => {
    expect(await (await get('/listings/table/list.html?pageNum=2')).text()).toContain('咸阳市秦都区自然资源局');
    const first = await (await get('/listings/table/list.html?pageNum=1')).text();
    expect(first).toContain('渭南经开区管委会');
    expect((await get('/listings/trs/zfxxgkndbg/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('request log', () => {
  it('records host, path, query, start and end times and the status of each request', async () => {
    const before = server.requests.length;
    await new Promise<void>((ok, fail) => {
      const req = request({ port: server.port, path: '/_beh/404/x.html?a=1', headers: { host: 'www.example.gov.cn' } }, (res) => {
        res.resume();
        res.on('end', ok);
      });
      req.on('error', fail);
      req.end();
    });
    await new Promise((ok) => setTimeout(ok, 20));
    const [r] = server.requests.slice(before);
    expect(r).toMatchObject({ host: 'www.example.gov.cn', path: '/_beh/404/x.html', query: '?a=1', method: 'GET', status: 404 });
    expect(r.end).toBeGreaterThanOrEqual(r.start);
  });
  it('politeness: overlapping fetches of one host and the smallest gap between starts; a redirect chain is one fetch', () => {
    const at = (host: string, start: number, end: number | null, status = 200): RecordedRequest => ({
      host,
      path: '/',
      query: '',
      method: 'GET',
      start,
      end,
      status,
    });
    expect(politeness([at('a', 0, 100), at('a', 1500, 1600), at('b', 10, 20), at('a', 2600, 2700)], 'a')).toEqual({
      fetches: 3,
      overlaps: 0,
      minGapMs: 1100,
    });
    expect(politeness([at('a', 0, 500), at('a', 400, 900)], 'a')).toMatchObject({ overlaps: 1, minGapMs: 400 });
    expect(politeness([at('a', 0, null), at('a', 4000, 4100)], 'a').overlaps).toBe(1);
    expect(politeness([], 'a')).toEqual({ fetches: 0, overlaps: 0, minGapMs: null });
    // a redirect loop's 20 hops (one fetch), then the next fetch 1.3 s after it started
    const hops = Array.from({ length: 20 }, (_, i) => at('a', i * 5, i * 5 + 2, 302));
    expect(politeness([...hops, at('a', 1300, 1400)], 'a')).toEqual({ fetches: 2, overlaps: 0, minGapMs: 1300 });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/dom';
import { readers } from '../../cli/file-readers';
import { createPoliteFetcher } from '../../lib/background/polite-fetch';
import type { ItemDeps } from '../../lib/background/collector-item';
import { saveRecords } from '../../lib/background/saver';
import { readReportPage } from '../../lib/collect/read-report-page';
import { db } from '../../lib/db/database';
import { checkFileBytes } from '../../lib/files/check-file';
import { jitteredGap } from '../../lib/protocol/settings';

/**
 * A fake gov.cn site for the collector's unit tests: answers by address (fixture pages and files, 404, 429
 * with Retry-After, 503 once, slow answers), on a virtual clock, logging every request's host and start and
 * end time — the politeness the e2e asserts from the real server's log, here in milliseconds of fake time.
 */
export const FIXTURES = join(__dirname, '..', 'fixtures');

export interface Answer {
  status?: number;
  body?: string | Uint8Array;
  type?: string;
  headers?: Record<string, string>;
  /** how long the answer takes (fake ms) */
  ms?: number;
}

export type Route = Answer | ((n: number) => Answer);

export interface LoggedRequest {
  url: string;
  host: string;
  start: number;
  end: number;
}

export const fixturePage = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
export const fixtureBytes = (path: string) => new Uint8Array(readFileSync(join(FIXTURES, path)));

export function fakeSite(routes: Record<string, Route>) {
  const clock = { now: Date.UTC(2026, 0, 5, 9) };
  const log: LoggedRequest[] = [];
  const inFlight = new Map<string, number>();
  let maxConcurrent = 0;
  const counts = new Map<string, number>();
  const fetch = async (input: RequestInfo | URL) => {
    const url = String(input);
    const host = new URL(url).host;
    const n = (counts.get(url) ?? 0) + 1;
    counts.set(url, n);
    const route = routes[url];
    const answer: Answer = typeof route === 'function' ? route(n) : (route ?? { status: 404, body: 'not found' });
    const entry = { url, host, start: clock.now, end: clock.now };
    log.push(entry);
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    maxConcurrent = Math.max(maxConcurrent, inFlight.get(host)!);
    await Promise.resolve();
    clock.now += answer.ms ?? 50;
    entry.end = clock.now;
    inFlight.set(host, inFlight.get(host)! - 1);
    const body = answer.body ?? '';
    return new Response(typeof body === 'string' ? body : (body as BodyInit), {
      status: answer.status ?? 200,
      headers: { 'content-type': answer.type ?? 'text/html; charset=utf-8', ...answer.headers },
    });
  };
  const polite = createPoliteFetcher({
    fetch: fetch as typeof globalThis.fetch,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
  });
  const itemDeps = (gapMs: number): ItemDeps => ({
    fetch: (url, opts) => polite(url, { ...opts, gapMs: jitteredGap(gapMs) }),
    readPage: async (html, url) => readReportPage(html, url, parseHtml),
    readFile: ({ bytes, ...rest }) => checkFileBytes(bytes, { ...rest, parse: parseHtml, readers }),
    existing: (ids) => db.reports.bulkGet(ids),
    save: (records) => saveRecords(records, new Date(clock.now)),
  });
  return {
    clock,
    log,
    counts,
    get maxConcurrent() {
      return maxConcurrent;
    },
    collectorDeps: {
      itemDeps,
      now: () => new Date(clock.now),
      sleep: async (ms: number) => {
        clock.now += ms;
      },
    },
  };
}

/** The least time between two request starts to one host in the log (Infinity with fewer than two). */
export function leastGap(log: readonly LoggedRequest[]): number {
  let least = Infinity;
  const byHost = new Map<string, number[]>();
  for (const r of log) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.start]);
  for (const starts of byHost.values()) for (let i = 1; i < starts.length; i++) least = Math.min(least, starts[i] - starts[i - 1]);
  return least;
}

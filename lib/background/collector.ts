import { browser } from 'wxt/browser';
import { db } from '../db/database';
import { createRun, nextItem, requeue, runsInState, updateItem, updateRun } from '../db/collect-store';
import type { Candidate, CollectReply, CollectRun } from '../protocol/collect';
import { getSettings, jitteredGap } from '../protocol/settings';
import { collectItem, type ItemDeps, type ItemResult } from './collector-item';
import { readBytes } from './file-check';
import { politeFetch } from './polite-fetch';
import { readPageOffThread } from './collector-page';
import { saveRecords } from './saver';

/**
 * The collector's runs (SPEC §9). A run works through its queue in the listing's order, one item at a time,
 * every request through the shared polite fetcher (one request at a time per host, the run's gap with jitter
 * between starts, back-off on 429/503). Its state lives in IndexedDB, so a run left `running` by a stopped
 * service worker or a closed browser goes on where it stopped (`resumeRuns`) — a finished item is never
 * fetched again. One run per listing host at a time.
 */

/** The runs this worker is driving, by id (a second call for a driven run does nothing). */
const driving = new Map<string, Promise<void>>();

export function defaultItemDeps(gapMs: number): ItemDeps {
  return {
    fetch: (url, opts) => politeFetch(url, { ...opts, gapMs: jitteredGap(gapMs) }),
    readPage: readPageOffThread,
    readFile: readBytes,
    existing: (ids) => db.reports.bulkGet(ids),
    save: (records) => saveRecords(records),
  };
}

export interface CollectorDeps {
  itemDeps: (gapMs: number) => ItemDeps;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

const realDeps: CollectorDeps = {
  itemDeps: defaultItemDeps,
  now: () => new Date(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** Why a run of this host may not start now (another one runs), or null. */
async function busyHost(host: string, except?: string): Promise<string | null> {
  const other = (await runsInState('running')).find((r) => r.host === host && r.id !== except);
  return other ? `${host} 已有一个收集在进行（${other.listingUrl}）：一个网站同一时间只进行一个收集` : null;
}

export async function startRun(listingUrl: string, candidates: Candidate[], deps = realDeps): Promise<CollectReply> {
  if (!candidates.length) return { ok: false, error: '没有勾选任何链接' };
  const busy = await busyHost(new URL(listingUrl).host);
  if (busy) return { ok: false, error: busy };
  const { collectGapMs } = await getSettings();
  const run = await createRun(listingUrl, candidates, collectGapMs, deps.now());
  void drive(run.id, deps);
  return { ok: true, runId: run.id };
}

export async function pauseRun(runId: string): Promise<CollectReply> {
  await updateRun(runId, { state: 'paused' });
  return { ok: true, runId };
}

/** Resumes a paused run, or puts its failures back in the queue (`retryFailed`) and runs them again. */
export async function resumeRun(runId: string, retryFailed = false, deps = realDeps): Promise<CollectReply> {
  const run = await db.collectRuns.get(runId);
  if (!run) return { ok: false, error: '找不到这次收集' };
  const busy = await busyHost(run.host, runId);
  if (busy) return { ok: false, error: busy };
  if (retryFailed) await requeue(runId, ['failed']);
  await updateRun(runId, { state: 'running', finishedAt: null });
  void drive(runId, deps);
  return { ok: true, runId };
}

/**
 * Every run left `running` (the worker stopped, the browser closed): driven again, one per host — after the
 * run's gap, since this worker does not know when the last one sent its last request to the host.
 */
export async function resumeRuns(deps = realDeps): Promise<void> {
  const hosts = new Set<string>();
  const runs = (await runsInState('running')).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  for (const run of runs) {
    if (hosts.has(run.host)) await updateRun(run.id, { state: 'paused' });
    else if (!driving.has(run.id)) void deps.sleep(jitteredGap(run.gapMs)).then(() => drive(run.id, deps));
    hosts.add(run.host);
  }
}

/** Works through a run's queue until it is empty (`done`), paused or gone. Never throws. */
export function drive(runId: string, deps = realDeps): Promise<void> {
  const already = driving.get(runId);
  if (already) return already;
  const awake = keepAwake();
  const work = loop(runId, deps)
    .catch((e) => console.warn('[nianbao-lens] collector stopped:', e))
    .finally(() => {
      driving.delete(runId);
      clearInterval(awake);
    });
  driving.set(runId, work);
  return work;
}

/**
 * An extension API call every 20 s while a run is driven: Chrome stops a service worker after 30 s without
 * one, and a long `Retry-After` wait makes none. (A worker stopped anyway resumes the run when it starts.)
 */
function keepAwake(): ReturnType<typeof setInterval> {
  return setInterval(() => void browser.runtime.getPlatformInfo?.().catch(() => undefined), 20_000);
}

async function loop(runId: string, deps: CollectorDeps): Promise<void> {
  for (;;) {
    const run: CollectRun | undefined = await db.collectRuns.get(runId);
    if (!run || run.state !== 'running') return;
    const item = await nextItem(runId);
    if (!item) {
      await updateRun(runId, { state: 'done', finishedAt: deps.now().toISOString() });
      return;
    }
    await updateItem(item.id, { status: 'fetching' });
    const t0 = performance.now();
    const timed = timedFetch(deps.itemDeps(run.gapMs));
    const result: ItemResult = await collectItem(item, run.listingUrl, timed.deps).catch((e: Error) => ({
      status: 'failed' as const,
      reason: `读取出错：${e?.message ?? e}`.slice(0, 500),
      recordIds: [],
      failing: 0,
      source: null,
    }));
    const ms = Math.round(performance.now() - t0);
    await updateItem(item.id, { ...result, finishedAt: deps.now().toISOString(), ms, netMs: Math.min(ms, Math.round(timed.netMs())) });
  }
}

/** The item's dependencies with the time spent in `fetch` (gap, back-off, network) added up. */
function timedFetch(deps: ItemDeps): { deps: ItemDeps; netMs: () => number } {
  let net = 0;
  const fetch: ItemDeps['fetch'] = async (url, opts) => {
    const t0 = performance.now();
    try {
      return await deps.fetch(url, opts);
    } finally {
      net += performance.now() - t0;
    }
  };
  return { deps: { ...deps, fetch }, netMs: () => net };
}

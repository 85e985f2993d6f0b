import { db as defaultDb, type NianbaoDb } from './database';
import { itemId, type Candidate, type CollectItem, type CollectRun, type ItemStatus } from '../protocol/collect';

/**
 * The collector's queue in IndexedDB (SPEC §9): a run and its items, written by the background only, read by
 * the collector page with liveQuery. Everything a run needs to go on after the browser closes lives here.
 */

/** A run's items in the listing's order: their ids sort by run, then sequence number. */
export const runItems = (runId: string, target: NianbaoDb = defaultDb) =>
  target.collectItems.where('id').between(`${runId}:`, `${runId};`, true, false);

export async function createRun(
  listingUrl: string,
  candidates: readonly Candidate[],
  gapMs: number,
  now = new Date(),
  target: NianbaoDb = defaultDb,
): Promise<CollectRun> {
  const id = `c${now.getTime().toString(36)}${crypto.randomUUID().slice(0, 8)}`;
  const run: CollectRun = {
    id,
    listingUrl,
    host: new URL(listingUrl).host,
    state: 'running',
    gapMs,
    total: candidates.length,
    createdAt: now.toISOString(),
    finishedAt: null,
  };
  const items: CollectItem[] = candidates.map((c, seq) => ({
    id: itemId(id, seq),
    runId: id,
    seq,
    url: c.url,
    title: c.title,
    date: c.date,
    kind: c.kind,
    status: 'queued',
    reason: null,
    recordIds: [],
    failing: 0,
    source: null,
    finishedAt: null,
    ms: null,
    netMs: null,
  }));
  await target.transaction('rw', target.collectRuns, target.collectItems, async () => {
    await target.collectRuns.add(run);
    await target.collectItems.bulkAdd(items);
  });
  return run;
}

/** The item to work on next: the first one queued, or left `fetching` by a worker that stopped. */
export async function nextItem(runId: string, target: NianbaoDb = defaultDb): Promise<CollectItem | undefined> {
  return runItems(runId, target)
    .filter((i) => i.status === 'queued' || i.status === 'fetching')
    .first();
}

export const updateItem = (id: string, patch: Partial<CollectItem>, target: NianbaoDb = defaultDb) => target.collectItems.update(id, patch);

export const updateRun = (id: string, patch: Partial<CollectRun>, target: NianbaoDb = defaultDb) => target.collectRuns.update(id, patch);

/** The runs another worker left running (the service worker stopped, the browser closed). */
export const runsInState = (state: CollectRun['state'], target: NianbaoDb = defaultDb) =>
  target.collectRuns.where('state').equals(state).toArray();

/** The latest run of a listing, if any (the collector page shows it when opened again). */
export async function latestRunOf(listingUrl: string, target: NianbaoDb = defaultDb): Promise<CollectRun | undefined> {
  const runs = await target.collectRuns.where('listingUrl').equals(listingUrl).toArray();
  return runs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
}

/** Puts a run's items of the given statuses back in the queue (retry the failures); returns how many. */
export async function requeue(runId: string, statuses: readonly ItemStatus[], target: NianbaoDb = defaultDb): Promise<number> {
  return runItems(runId, target)
    .filter((i) => statuses.includes(i.status))
    .modify({ status: 'queued', reason: null, finishedAt: null, ms: null, netMs: null });
}

/** Every record a run saved or found unchanged, in the listing's order, once each. */
export async function runRecordIds(runId: string, target: NianbaoDb = defaultDb): Promise<string[]> {
  const ids = (await runItems(runId, target).toArray()).flatMap((i) => i.recordIds);
  return [...new Set(ids)];
}

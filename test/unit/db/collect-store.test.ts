import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRun, latestRunOf, nextItem, requeue, runItems, runRecordIds, runsInState, updateItem } from '../../../lib/db/collect-store';
import { db, upsertReport } from '../../../lib/db/database';
import { readExportRowsById, readReportsById } from '../../../lib/db/run-records';
import { toExportRow } from '../../../lib/export/export-row';
import { makeRecord } from '../../support/records';

/** The collector's queue (SPEC §9): a run's items in the listing's order, what comes next, retries, and the run's records. */
const LISTING = 'http://www.a.gov.cn/nb/index.html';
const cands = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    url: `http://www.a.gov.cn/nb/${i}.html`,
    title: `${2010 + i}年报`,
    date: null,
    kind: 'page' as const,
  }));

beforeEach(async () => {
  await Promise.all([db.collectRuns.clear(), db.collectItems.clear(), db.reports.clear(), db.exportRows.clear(), db.summaries.clear()]);
});

describe('collect store', () => {
  it('keeps 1,000 items in the listing’s order and hands out the first unfinished one', async () => {
    const run = await createRun(LISTING, cands(1000), 2000, new Date('2026-01-01T00:00:00Z'));
    expect(run).toMatchObject({ state: 'running', total: 1000, host: 'www.a.gov.cn', gapMs: 2000 });
    const items = await runItems(run.id).toArray();
    expect(items.map((i) => i.seq)).toEqual([...Array(1000).keys()]);
    expect((await nextItem(run.id))?.seq).toBe(0);
    await updateItem(items[0].id, { status: 'saved' });
    await updateItem(items[1].id, { status: 'fetching' });
    expect((await nextItem(run.id))?.seq).toBe(1); // left fetching by a stopped worker: done again
    await updateItem(items[1].id, { status: 'failed', reason: 'HTTP 404' });
    expect((await nextItem(run.id))?.seq).toBe(2);
    expect(await requeue(run.id, ['failed'])).toBe(1);
    expect(await db.collectItems.get(items[1].id)).toMatchObject({ status: 'queued', reason: null });
    expect((await runsInState('running')).map((r) => r.id)).toEqual([run.id]);
  });

  it('the latest run of a listing, and a run’s records (each once) for its export', async () => {
    const first = await createRun(LISTING, cands(2), 2000, new Date('2026-01-01T00:00:00Z'));
    const second = await createRun(LISTING, cands(2), 2000, new Date('2026-01-02T00:00:00Z'));
    expect((await latestRunOf(LISTING))?.id).toBe(second.id);
    expect(await latestRunOf('http://www.b.gov.cn/')).toBeUndefined();
    const [a, b] = [makeRecord({ n: 1 }), makeRecord({ n: 2 })];
    await upsertReport(a);
    await upsertReport(b);
    const items = await runItems(first.id).toArray();
    await updateItem(items[0].id, { status: 'saved', recordIds: [a.id, b.id] });
    await updateItem(items[1].id, { status: 'skipped', recordIds: [b.id] });
    expect(await runRecordIds(first.id)).toEqual([a.id, b.id]);
    expect((await readReportsById([b.id, 'gone', a.id])).map((r) => r.id)).toEqual([b.id, a.id]);
    const rows = await readExportRowsById([a.id, b.id]);
    const stored = await db.reports.bulkGet([a.id, b.id]);
    expect(rows).toEqual(stored.map((r) => toExportRow(r!)));
    expect(rows.map((r) => r.id)).toEqual([a.id, b.id]);
  });
});

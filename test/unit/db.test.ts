import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NianbaoDb, deleteReports, mergeReports, readAllReports, upsertReport } from '../../lib/db';
import { makeRecord, makeRecords } from './_records';

let db: NianbaoDb;
let n = 0;
beforeEach(async () => {
  db = new NianbaoDb(`test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('upsertReport', () => {
  it('stores one record per id and keeps the first save time on a revisit', async () => {
    const r = makeRecord({ n: 1 });
    const first = await upsertReport(r, new Date('2024-01-01T00:00:00Z'), db);
    expect(first.firstSavedAt).toBe('2024-01-01T00:00:00.000Z');
    const again = await upsertReport({ ...r, title: 'changed' }, new Date('2024-02-01T00:00:00Z'), db);
    expect(again.firstSavedAt).toBe('2024-01-01T00:00:00.000Z');
    expect(again.savedAt).toBe('2024-02-01T00:00:00.000Z');
    expect(await db.reports.count()).toBe(1);
    expect((await db.reports.get(r.id))?.title).toBe('changed');
    const summary = await db.summaries.get(r.id);
    expect(summary).toMatchObject({ id: r.id, title: 'changed', fail: 1, pass: 1, skip: 1, failing: ['apply.row.new'] });
  });

  it('a failing save changes nothing', async () => {
    await upsertReport(makeRecord({ n: 1 }), new Date('2024-01-01T00:00:00Z'), db);
    const broken = { ...makeRecord({ n: 1, title: 'new' }), values: { bad: () => 1 } } as never; // not cloneable
    await expect(upsertReport(broken, new Date(), db)).rejects.toThrow();
    expect((await db.reports.get('r000001'))?.title).not.toBe('new');
    expect(await db.summaries.count()).toBe(1);
  });
});

describe('mergeReports / deleteReports / readAllReports', () => {
  it('merges by id, counting added and updated, keeping the earlier firstSavedAt', async () => {
    await upsertReport(makeRecord({ n: 1 }), new Date('2023-06-01T00:00:00Z'), db);
    const incoming = [
      makeRecord({ n: 1, firstSavedAt: '2024-01-01T00:00:00.000Z', savedAt: '2024-01-01T00:00:00.000Z' }),
      makeRecord({ n: 2, firstSavedAt: '2022-01-01T00:00:00.000Z', savedAt: '2022-01-01T00:00:00.000Z' }),
    ];
    expect(await mergeReports(incoming, db)).toEqual({ added: 1, updated: 1 });
    expect((await db.reports.get('r000001'))?.firstSavedAt).toBe('2023-06-01T00:00:00.000Z');
    expect((await db.reports.get('r000002'))?.firstSavedAt).toBe('2022-01-01T00:00:00.000Z');
    expect(await db.summaries.count()).toBe(2);
  });

  it('deletes from both tables and reads everything back in pages', async () => {
    await mergeReports(makeRecords(1203), db);
    expect(await deleteReports(['r000001', 'r000002', 'nope'], db)).toBe(2);
    expect(await db.summaries.count()).toBe(1201);
    const progress: number[] = [];
    const all = await readAllReports(db, (done) => progress.push(done));
    expect(all.length).toBe(1201);
    expect(progress.at(-1)).toBe(1201);
    expect(new Set(all.map((r) => r.id)).size).toBe(1201);
  });
});

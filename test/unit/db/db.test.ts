import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NianbaoDb, deleteReports, mergeReports, readAllExportRows, readAllReports, upsertReport } from '../../../lib/db/database';
import { storeExportRow, toExportRow } from '../../../lib/export/export-row';
import type { ReportRecord } from '../../../lib/core/record';
import { DERIVED_VERSION } from '../../../lib/db/derived';

/** The export row as the database stores it (key lists by id). */
const stored = (r: ReportRecord) => ({ ...storeExportRow(toExportRow(r)).stored, dv: DERIVED_VERSION });
import { makeRecord, makeRecords } from '../../support/records';

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

describe('exportRows follow every write', () => {
  it('upsertReport writes the report’s export row in the same transaction, and a revisit replaces it', async () => {
    const r = makeRecord({ n: 1 });
    const first = await upsertReport(r, new Date('2024-01-01T00:00:00Z'), db);
    expect(await db.exportRows.get(r.id)).toEqual(stored(first));
    expect(await readAllExportRows(db)).toEqual([toExportRow(first)]);
    const again = await upsertReport(
      { ...r, title: 'changed', values: { ...r.values, 'apply.new.natural': 99 } },
      new Date('2024-02-01T00:00:00Z'),
      db,
    );
    const row = await db.exportRows.get(r.id);
    expect(row).toEqual(stored(again));
    expect(row?.title).toBe('changed');
    expect(row?.savedAt).toBe('2024-02-01T00:00:00.000Z');
    expect(await db.exportRows.count()).toBe(1);
  });

  it('a failing save leaves the export row as it was', async () => {
    const saved = await upsertReport(makeRecord({ n: 1 }), new Date('2024-01-01T00:00:00Z'), db);
    const broken = { ...makeRecord({ n: 1, title: 'new' }), values: { bad: () => 1 } } as never;
    await expect(upsertReport(broken, new Date(), db)).rejects.toThrow();
    expect(await db.exportRows.get(saved.id)).toEqual(stored(saved));
  });

  it('mergeReports writes merged rows (with the kept firstSavedAt); deleteReports removes them', async () => {
    await upsertReport(makeRecord({ n: 1 }), new Date('2023-06-01T00:00:00Z'), db);
    await mergeReports([makeRecord({ n: 1, title: 'imported' }), makeRecord({ n: 2 }), makeRecord({ n: 3 })], db);
    const reports = await db.reports.orderBy('id').toArray();
    expect(await readAllExportRows(db)).toEqual(reports.map(toExportRow));
    expect((await db.exportRows.get('r000001'))?.title).toBe('imported');
    // one key list and one check-id list shared by the three reports
    expect(await db.keyLists.count()).toBe(2);
    await deleteReports(['r000002', 'nope'], db);
    expect((await db.exportRows.toArray()).map((r) => r.id)).toEqual(['r000001', 'r000003']);
  });

  it('readAllExportRows reads every row in id order, in pages, with progress, and leaves out a malformed one', async () => {
    await mergeReports(makeRecords(2345), db);
    await db.exportRows.put({ id: 'zzz-broken' } as never);
    await db.exportRows.put({ ...stored(makeRecord({ n: 9999 })), id: 'zzz-no-list', keys: 'missing' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const progress: number[] = [];
    const rows = await readAllExportRows(db, (done, total) => progress.push(done, total));
    expect(rows.length).toBe(2345);
    expect(rows.map((r) => r.id)).toEqual((await readAllReports(db)).map((r) => r.id));
    expect(progress).toEqual([1000, 2347, 2000, 2347, 2345, 2347]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/2 stored export row/));
    warn.mockRestore();
  });
});

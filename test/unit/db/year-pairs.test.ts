/**
 * Cross-year checks against the saved history (SPEC §10 `xyear.*`, lib/db/year-pairs.ts): they belong to
 * the later year's record and follow every save, update and delete of either year, in either order.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NianbaoDb, deleteReports, mergeReports, upsertReport } from '../../../lib/db/database';
import { agencySpellings, reportsOfYear } from '../../../lib/db/year-pairs';
import type { ReportRecord } from '../../../lib/core/record';
import { makeRecord } from '../../support/records';

const COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];

/** A report of 岚皋县人民政府 for `year` carrying `over` in (上年结转) and `forward` out (结转下年度), per column. */
function yearReport(n: number, year: number, over: number[], forward: number[], agency = '岚皋县人民政府'): ReportRecord {
  const values: Record<string, number | null> = {};
  COLS.forEach((c, i) => {
    values[`apply.carried_over.${c}`] = over[i];
    values[`apply.carried_forward.${c}`] = forward[i];
  });
  return makeRecord({ n, agency, year, values, contentHash: `h${n}-${over.join('')}`, checks: [] });
}

/** the record's xyear.carried_over.* checks as `id:status` (the in-force ones skip here: no section 二 values) */
const xyear = (r: ReportRecord | undefined) =>
  (r?.checks ?? [])
    .filter((c) => c.id.startsWith('xyear.carried_over.'))
    .map((c) => `${c.id}:${c.status}`)
    .sort();

let db: NianbaoDb;
let k = 0;
beforeEach(async () => {
  db = new NianbaoDb(`years-${k++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('cross-year checks from the history', () => {
  const y2020 = yearReport(1, 2020, [0, 0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0, 3]);
  const y2021 = yearReport(2, 2021, [2, 1, 0, 0, 0, 0, 3], [0, 0, 0, 0, 0, 0, 0]);
  const y2021off = yearReport(2, 2021, [3, 0, 0, 0, 0, 0, 3], [0, 0, 0, 0, 0, 0, 0]);

  it('saving the later year after the earlier one checks it, every column, with a link to the earlier record', async () => {
    await upsertReport(y2020, new Date('2024-01-01T00:00:00Z'), db);
    const saved = await upsertReport(y2021, new Date('2024-01-02T00:00:00Z'), db);
    expect(xyear(saved)).toEqual(COLS.map((c) => `xyear.carried_over.${c}:pass`).sort());
    expect(saved.checks.find((c) => c.id === 'xyear.carried_over.total')).toMatchObject({ lhs: 3, rhs: 3, ref: y2020.id });
    expect((await db.summaries.get(y2021.id))?.pass).toBe(7);
  });

  it('saving the earlier year after the later one updates the later record (and its summary)', async () => {
    await upsertReport(y2021off, new Date('2024-01-01T00:00:00Z'), db);
    expect(xyear(await db.reports.get(y2021off.id))).toEqual([]);
    await upsertReport(y2020, new Date('2024-01-02T00:00:00Z'), db);
    const later = await db.reports.get(y2021off.id);
    expect(xyear(later).filter((s) => s.endsWith(':fail'))).toEqual([
      'xyear.carried_over.commercial:fail',
      'xyear.carried_over.natural:fail',
    ]);
    expect(later?.status).toBe('errors');
    expect((await db.summaries.get(y2021off.id))?.failing.sort()).toEqual(['xyear.carried_over.commercial', 'xyear.carried_over.natural']);
  });

  it('deleting the earlier year removes the later year’s cross-year checks', async () => {
    await upsertReport(y2020, new Date('2024-01-01T00:00:00Z'), db);
    await upsertReport(y2021off, new Date('2024-01-02T00:00:00Z'), db);
    await deleteReports([y2020.id], db);
    const later = await db.reports.get(y2021off.id);
    expect(xyear(later)).toEqual([]);
    expect(later?.checks.filter((c) => c.id.startsWith('xyear.'))).toEqual([]);
    expect(later?.status).toBe('partial'); // no identity left to assess (the test record has no table checks)
  });

  it('joins 人民政府 with 政府, never an older year, never another body of the same government', async () => {
    await upsertReport(yearReport(3, 2019, [0, 0, 0, 0, 0, 0, 0], [9, 9, 9, 9, 9, 9, 54]), new Date('2024-01-01T00:00:00Z'), db);
    await upsertReport(
      yearReport(4, 2020, [0, 0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0, 3], '岚皋县人民政府办公室'),
      new Date('2024-01-01T00:00:00Z'),
      db,
    );
    const alone = await upsertReport(
      yearReport(5, 2021, [2, 1, 0, 0, 0, 0, 3], [0, 0, 0, 0, 0, 0, 0], '岚皋县政府'),
      new Date('2024-01-02T00:00:00Z'),
      db,
    );
    expect(xyear(alone)).toEqual([]);
    await upsertReport(y2020, new Date('2024-01-03T00:00:00Z'), db);
    expect(xyear(await db.reports.get(alone.id))).toEqual(COLS.map((c) => `xyear.carried_over.${c}:pass`).sort());
    expect(agencySpellings('岚皋县政府')).toContain('岚皋县人民政府');
    expect((await reportsOfYear(db, '岚皋县政府', 2020)).map((r) => r.id)).toEqual([y2020.id]);
  });
});

describe('versions on revisit', () => {
  it('a revisit with other content keeps the saved content as a version with the changed keys', async () => {
    const first = yearReport(7, 2022, [1, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0]);
    await upsertReport(first, new Date('2024-01-01T00:00:00Z'), db);
    await upsertReport({ ...first }, new Date('2024-01-05T00:00:00Z'), db);
    expect((await db.reports.get(first.id))?.versions).toBeUndefined();
    const edited = {
      ...first,
      contentHash: 'edited',
      values: { ...first.values, 'apply.carried_over.natural': 2, 'apply.carried_over.total': 2 },
    };
    const saved = await upsertReport(edited, new Date('2024-02-01T00:00:00Z'), db);
    expect(saved.changedAfterFirstSeen).toBe(true);
    expect(saved.versions).toEqual([
      {
        contentHash: first.contentHash,
        savedAt: '2024-01-05T00:00:00.000Z',
        changed: [
          { key: 'apply.carried_over.natural', old: 1, new: 2 },
          { key: 'apply.carried_over.total', old: 1, new: 2 },
        ],
      },
    ]);
    expect((await db.summaries.get(first.id))?.changedAfterFirstSeen).toBe(true);
  });
});

describe('an import meets the saved years', () => {
  it('checks the imported years against the saved ones, and the saved next years against the imported', async () => {
    const y2020 = yearReport(11, 2020, [0, 0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0, 3]);
    const y2021 = yearReport(12, 2021, [2, 1, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1]);
    const y2022 = yearReport(13, 2022, [0, 1, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0]);
    await upsertReport(y2022, new Date('2024-01-01T00:00:00Z'), db);
    await mergeReports([y2020, y2021], db);
    const [a, b] = await Promise.all([db.reports.get(y2021.id), db.reports.get(y2022.id)]);
    expect(xyear(a).every((s) => s.endsWith(':pass'))).toBe(true);
    expect(xyear(a)).toHaveLength(7);
    expect(xyear(b).filter((s) => s.endsWith(':fail'))).toEqual(['xyear.carried_over.commercial:fail', 'xyear.carried_over.natural:fail']);
    expect((await db.summaries.get(y2022.id))?.failing.sort()).toEqual(['xyear.carried_over.commercial', 'xyear.carried_over.natural']);
  });
});

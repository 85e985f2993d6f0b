import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NianbaoDb, upsertReport } from '../../../lib/db/database';
import { DERIVED_VERSION, exportRowsOf, rebuildDerived, summaryRow } from '../../../lib/db/derived';
import { hash53 } from '../../../lib/core/hash';
import { makeRecord, makeRecords } from '../../support/records';

/**
 * The derived tables cannot go stale (issue 9 §4): rows carry the version that built them, a database
 * opened by a newer version rebuilds them from the reports, and the projection cannot change silently.
 */

let n = 0;
const opened: NianbaoDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});
function fresh(name = `derived-${n++}`): NianbaoDb {
  const d = new NianbaoDb(name);
  opened.push(d);
  return d;
}

describe('derived rows', () => {
  it('are stamped with the derived version on every write', async () => {
    const db = fresh();
    await upsertReport(makeRecord({ n: 1 }), new Date('2024-01-01T00:00:00Z'), db);
    expect((await db.summaries.toArray()).map((s) => s.dv)).toEqual([DERIVED_VERSION]);
    expect((await db.exportRows.toArray()).map((s) => s.dv)).toEqual([DERIVED_VERSION]);
  });

  it('built by another version are rebuilt from the reports when the database opens', async () => {
    const name = `derived-${n++}`;
    const db = fresh(name);
    const records = makeRecords(5);
    for (const r of records) await upsertReport(r, new Date('2024-01-01T00:00:00Z'), db);
    // what an older version left: a different projection, an older stamp, and a row of a deleted report
    await db.summaries.toCollection().modify((s) => {
      s.dv = DERIVED_VERSION - 1;
      s.agency = 'stale';
    });
    await db.exportRows.toCollection().modify((e) => {
      e.dv = DERIVED_VERSION - 1;
    });
    await db.summaries.put({ ...summaryRow(makeRecord({ n: 99, id: 'gone' })), dv: DERIVED_VERSION - 1 });
    db.close();

    const again = fresh(name);
    await again.open();
    const saved = await again.reports.toArray();
    expect(await again.summaries.orderBy('id').toArray()).toEqual(saved.map(summaryRow));
    expect((await again.exportRows.toArray()).every((e) => e.dv === DERIVED_VERSION)).toBe(true);
    expect(await again.exportRows.count()).toBe(records.length);
  });

  it('of the current version are left as they are (no rebuild on every open)', async () => {
    const name = `derived-${n++}`;
    const db = fresh(name);
    await upsertReport(makeRecord({ n: 1 }), new Date('2024-01-01T00:00:00Z'), db);
    await db.summaries.toCollection().modify((s) => {
      s.title = 'kept';
    });
    db.close();
    const again = fresh(name);
    await again.open();
    expect((await again.summaries.toArray())[0].title).toBe('kept');
  });

  it('rebuildDerived reads every report (pages of 200) in one transaction', async () => {
    const db = fresh();
    await db.open();
    const records = makeRecords(450);
    await db.reports.bulkPut(records);
    expect(await rebuildDerived(db)).toBe(450);
    expect(await db.summaries.count()).toBe(450);
    expect(await db.exportRows.count()).toBe(450);
  });

  it('cannot change shape silently: a changed projection needs a new DERIVED_VERSION', () => {
    // the projection of fixed records, with typed arrays and maps spelled out
    const records = [
      makeRecord({ n: 1 }),
      makeRecord({ n: 2, agency: null, year: null }),
      { ...makeRecord({ n: 3 }), collectedFrom: 'http://www.a.gov.cn/nb/' },
      // the fields of SPEC §10 the summaries (panel) and export rows (research columns) carry
      {
        ...makeRecord({ n: 4 }),
        publishedAt: '2022-01-20',
        changedAfterFirstSeen: true,
        source: { kind: 'pdf' as const, url: 'http://www.a.gov.cn/4.pdf' },
        versions: [{ contentHash: 'old4', savedAt: '2022-01-21T00:00:00.000Z', changed: [{ key: 'apply.new.total', old: 15, new: 16 }] }],
      },
    ];
    const plain = JSON.stringify([records.map(summaryRow), exportRowsOf(records)], (_k, v: unknown) =>
      ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v instanceof Map ? [...v.entries()] : v,
    );
    expect(
      { version: DERIVED_VERSION, projection: hash53(plain) },
      'summaries or export rows changed: bump DERIVED_VERSION in lib/db/derived.ts, then update this hash',
    ).toEqual({ version: 4, projection: '0e1b2a9732f1ea' });
  });
});

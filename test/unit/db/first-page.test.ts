import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NianbaoDb, mergeReports } from '../../../lib/db/database';
import { readFirstPage, startFirstPageRead, takeFirstPageRead } from '../../../lib/db/first-page';
import { DB_NAME, DERIVED_VERSION, SCHEMA_VERSION } from '../../../lib/db/versions';
import { makeRecords } from '../../support/records';

/**
 * The options page's first rows read straight from IndexedDB (before Dexie opens) must be the rows Dexie
 * would give — the newest by save time — and must not be served when they cannot be vouched for.
 */

let n = 0;
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await new NianbaoDb(name).delete();
});

async function seeded(count: number): Promise<NianbaoDb> {
  const name = `first-page-${n++}`;
  names.push(name);
  const db = new NianbaoDb(name);
  const t0 = Date.UTC(2024, 0, 1);
  await mergeReports(
    makeRecords(count).map((r, i) => ({ ...r, savedAt: new Date(t0 + ((i * 7) % count) * 60_000).toISOString() })),
    db,
  );
  return db;
}

const newestFirst = async (db: NianbaoDb, limit: number) =>
  (await db.summaries.orderBy('savedAt').reverse().limit(limit).toArray()).map((s) => s.id);

describe('readFirstPage', () => {
  it('names the database and its versions as database.ts declares them', () => {
    const db = new NianbaoDb();
    expect(db.name).toBe(DB_NAME);
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('gives the newest summaries by save time, as Dexie does, and their count after', async () => {
    const db = await seeded(30);
    db.close();
    const page = await readFirstPage(10, db.name);
    expect(page).not.toBeNull();
    await db.open();
    expect(page!.rows.map((r) => r.id)).toEqual(await newestFirst(db, 10));
    expect(page!.rows.every((r) => r.dv === DERIVED_VERSION)).toBe(true);
    expect(await page!.total).toBe(30);
  });

  it('gives every row when there are fewer than a page', async () => {
    const db = await seeded(4);
    const page = await readFirstPage(10, db.name);
    expect(page!.rows.map((r) => r.id)).toEqual(await newestFirst(db, 10));
    expect(await page!.total).toBe(4);
  });

  it('reads through a cursor where the browser has no getAllRecords', async () => {
    const db = await seeded(12);
    const proto = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    const had = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
    if (had) delete proto.getAllRecords;
    try {
      expect((await readFirstPage(5, db.name))!.rows.map((r) => r.id)).toEqual(await newestFirst(db, 5));
    } finally {
      if (had) Object.defineProperty(proto, 'getAllRecords', had);
    }
  });

  it('uses getAllRecords (newest first, one request) where the browser has it', async () => {
    const db = await seeded(12);
    const proto = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    const had = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
    let asked: unknown;
    proto.getAllRecords = function (this: IDBIndex, options: { direction: IDBCursorDirection; count: number }) {
      asked = options;
      // what the browser's getAllRecords returns, from a cursor of the same index
      const req = this.openCursor(null, options.direction);
      const records: Array<{ value: unknown }> = [];
      const out = { result: records } as unknown as IDBRequest & { onsuccess?: () => void; onerror?: () => void };
      req.onsuccess = () => {
        const c = req.result;
        if (c && records.length < options.count) {
          records.push({ value: c.value });
          c.continue();
        } else out.onsuccess?.();
      };
      return out;
    };
    try {
      expect((await readFirstPage(5, db.name))!.rows.map((r) => r.id)).toEqual(await newestFirst(db, 5));
      expect(asked).toEqual({ direction: 'prev', count: 5 });
    } finally {
      if (had) Object.defineProperty(proto, 'getAllRecords', had);
      else delete proto.getAllRecords;
    }
  });

  it('is null, and leaves no database behind, when there is none yet', async () => {
    const name = `first-page-none-${n++}`;
    expect(await readFirstPage(10, name)).toBeNull();
    const dbs = await indexedDB.databases();
    expect(dbs.map((d) => d.name)).not.toContain(name);
  });

  it('is null when a row was derived by another version (Dexie rebuilds them first)', async () => {
    const db = await seeded(8);
    await db.summaries.toCollection().modify((s) => {
      s.dv = DERIVED_VERSION - 1;
    });
    db.close();
    expect(await readFirstPage(10, db.name)).toBeNull();
  });

  it('is null for a database of another schema version', async () => {
    const name = `first-page-old-${n++}`;
    names.push(name);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 20);
      req.onupgradeneeded = () => req.result.createObjectStore('summaries', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    expect(await readFirstPage(10, name)).toBeNull();
  });
});

describe("the early read (entrypoints/history-first-read/, started before the page's modules load)", () => {
  const early = () => (globalThis as { __nianbaoFirstPage?: { read: Promise<unknown> } | null }).__nianbaoFirstPage;
  afterEach(() => {
    delete (globalThis as { __nianbaoFirstPage?: unknown }).__nianbaoFirstPage;
  });

  it('is the read the page takes, once; a later take reads anew', async () => {
    const db = await seeded(12);
    startFirstPageRead(5, db.name);
    const started = early()!.read;
    const taken = takeFirstPageRead(5, db.name);
    expect(taken).toBe(started);
    expect((await taken)!.rows.map((r) => r.id)).toEqual(await newestFirst(db, 5));
    const again = takeFirstPageRead(5, db.name);
    expect(again).not.toBe(started);
    expect((await again)!.rows.map((r) => r.id)).toEqual(await newestFirst(db, 5));
  });

  it('is not taken for a page of another size', async () => {
    const db = await seeded(12);
    startFirstPageRead(5, db.name);
    const started = early()!.read;
    const taken = takeFirstPageRead(3, db.name);
    expect(taken).not.toBe(started);
    expect((await taken)!.rows).toHaveLength(3);
    await started;
  });

  it('starts nothing when the page has already read for itself (the early script loads async)', async () => {
    const db = await seeded(4);
    await takeFirstPageRead(5, db.name);
    startFirstPageRead(5, db.name);
    expect(early()).toBeNull();
  });
});

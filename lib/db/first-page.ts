import type { StoredSummary } from './derived';
import { DB_NAME, DERIVED_VERSION, SCHEMA_VERSION } from './versions';

/**
 * The history's first page read straight from IndexedDB, without waiting for Dexie: Dexie's open runs
 * the `ready` stale-check of the derived tables (two more reads) before any query, and the page's first
 * rows need neither it nor the row count. Here: one connection, the newest `limit` summaries from the
 * `savedAt` index, and the count asked for in the same transaction but not waited for.
 *
 * The rows carry the derived version that built them (`dv`): when every row read is the current one they
 * are what Dexie would return after its check (the derived tables are rebuilt all at once, in one
 * transaction). Anything else — no database yet (it is not created here), another schema version, a row
 * of another derived version, a failure — gives `null`, and the caller reads through Dexie.
 */
export interface FirstPageRead {
  rows: StoredSummary[];
  /** the number of summaries, read after the rows */
  total: Promise<number>;
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const req = indexedDB.open(name);
    // a database that does not exist yet is left for Dexie to create
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

/** The newest `limit` values of an index, newest first: one request where the browser has `getAllRecords`. */
async function newest<T>(index: IDBIndex, limit: number): Promise<T[]> {
  const all = (index as IDBIndex & { getAllRecords?: (o: object) => IDBRequest<Array<{ value: T }>> }).getAllRecords;
  if (typeof all === 'function') {
    const records = await done(all.call(index, { direction: 'prev', count: limit }));
    return records.map((r) => r.value);
  }
  return new Promise((resolve, reject) => {
    const rows: T[] = [];
    const req = index.openCursor(null, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || rows.length >= limit) return resolve(rows);
      rows.push(cursor.value as T);
      cursor.continue();
    };
  });
}

/** The newest `limit` summaries of database `name` and their count, or null (then read through Dexie). */
export async function readFirstPage(limit: number, name = DB_NAME): Promise<FirstPageRead | null> {
  if (typeof indexedDB === 'undefined') return null;
  const idb = await openExisting(name);
  if (!idb) return null;
  try {
    if (idb.version !== SCHEMA_VERSION * 10 || !idb.objectStoreNames.contains('summaries')) throw new Error('another schema');
    const store = idb.transaction('summaries', 'readonly').objectStore('summaries');
    const rows = newest<StoredSummary>(store.index('savedAt'), limit);
    const total = done(store.count());
    total.finally(() => idb.close()).catch(() => {});
    const page = await rows;
    if (!page.every((r) => r.dv === DERIVED_VERSION)) throw new Error('derived rows of another version');
    return { rows: page, total };
  } catch {
    idb.close();
    return null;
  }
}

/** where the early read (entrypoints/history-first-read/) leaves its promise for the options page */
const EARLY = '__nianbaoFirstPage';
type Early = { [EARLY]?: { limit: number; read: Promise<FirstPageRead | null> } | null };

/**
 * Starts reading the first page now and leaves the read on `globalThis` for `takeFirstPageRead` — unless
 * the page's code came first and has read it itself (the early script loads `async`, in parallel).
 */
export function startFirstPageRead(limit: number, name = DB_NAME): void {
  const g = globalThis as Early;
  if (g[EARLY] === undefined) g[EARLY] = { limit, read: readFirstPage(limit, name).catch(() => null) };
}

/** The read `startFirstPageRead` started (once; a read of another size does not count), else a new one. */
export function takeFirstPageRead(limit: number, name = DB_NAME): Promise<FirstPageRead | null> {
  const g = globalThis as Early;
  const early = g[EARLY];
  g[EARLY] = null;
  return early?.limit === limit ? early.read : readFirstPage(limit, name);
}

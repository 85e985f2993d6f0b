import type { Worker } from 'playwright-core';

/** Every saved record, read straight from the extension's IndexedDB in the service worker. */
export function savedReports(sw: Worker): Promise<any[]> {
  return sw.evaluate(async () => {
    const open = indexedDB.open('nianbao-lens');
    const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = ko)));
    if (!db.objectStoreNames.contains('reports')) return [];
    const all = await new Promise<any[]>((ok) => {
      const req = db.transaction('reports').objectStore('reports').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return all;
  });
}

/** Waits (up to `ms`) until `count` saved records match. */
export async function waitForRecords(sw: Worker, match: (r: any) => boolean, count = 1, ms = 15_000): Promise<any[]> {
  let got: any[] = [];
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 150))) {
    got = (await savedReports(sw)).filter(match);
    if (got.length >= count) break;
  }
  return got;
}

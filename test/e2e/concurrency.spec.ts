import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, type Harness } from './harness';

/**
 * Data safety under load: 20 tabs with reports finish their scans at about the same moment (the same
 * page at 20 URLs, without a canonical link, so 20 records). Every one is saved exactly once, with the
 * right content, and the history lists all 20.
 */

const N = 20;
const HOST = 'www.lingchuan.gov.cn';
const urlOf = (i: number) => `http://${HOST}/e2e/no-canonical.html?n=${i}`;

let h: Harness;
before(async () => {
  h = await launchExtension();
});
after(async () => {
  await h?.close();
});

const savedReports = () =>
  h.sw.evaluate(async () => {
    const open = indexedDB.open('nianbao-lens');
    const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = ko)));
    if (!db.objectStoreNames.contains('reports')) return { reports: [] as any[], summaries: [] as any[] };
    const [reports, summaries] = await Promise.all(
      ['reports', 'summaries'].map(
        (store) =>
          new Promise<any[]>((ok) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => ok(req.result);
          }),
      ),
    );
    const out = { reports, summaries };
    db.close();
    return out;
  });

describe('20 tabs finishing their scans at once', () => {
  test('give exactly 20 records with the right content, and the history lists them', async () => {
    const pages: Page[] = await Promise.all(Array.from({ length: N }, () => h.context.newPage()));
    await Promise.all(pages.map((p, i) => p.goto(urlOf(i + 1), { waitUntil: 'load' })));
    await Promise.all(pages.map((p) => p.waitForSelector('nianbao-lens[data-nianbao="summary"]', { state: 'attached', timeout: 30_000 })));

    let saved = await savedReports();
    for (let i = 0; i < 100 && saved.reports.length < N; i++) {
      await new Promise((r) => setTimeout(r, 100));
      saved = await savedReports();
    }
    assert.equal(saved.reports.length, N, 'one record per tab');
    assert.deepEqual(saved.reports.map((r) => r.url).sort(), Array.from({ length: N }, (_, i) => urlOf(i + 1)).sort());
    assert.equal(new Set(saved.reports.map((r) => r.id)).size, N, 'distinct ids');
    assert.deepEqual(saved.summaries.map((s) => s.id).sort(), saved.reports.map((r) => r.id).sort(), 'one summary per record');

    // the same page everywhere: the same content in every record
    const strip = ({ id: _id, url: _url, source, savedAt: _s, firstSavedAt: _f, ...rest }: any) => {
      assert.deepEqual(source, { kind: 'html', url: _url }, 'read from the page itself');
      return rest;
    };
    const first = strip(saved.reports[0]);
    assert.equal(first.agency, '灵川县');
    assert.equal(first.year, 2020);
    assert.deepEqual(
      first.checks.filter((c: any) => c.status === 'fail').map((c: any) => c.id),
      ['suit.after_review.sum', 'text.suit.total'],
    );
    for (const r of saved.reports) assert.deepEqual(strip(r), first, r.url);

    // still 20 after every tab has settled (no late duplicate from a re-scan)
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await savedReports()).reports.length, N);

    const options = await h.openOptions();
    await options.waitForFunction((n) => document.querySelectorAll('[data-testid="history-row"]').length === n, N, { timeout: 15_000 });
    await options.close();
    await Promise.all(pages.map((p) => p.close()));
  });
});

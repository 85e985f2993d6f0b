import type { Harness } from '../e2e/harness';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './browser';

declare const chrome: any;

/**
 * The collector's own time per report in Chromium (SPEC §9, issue 11: ≤ 50 ms beyond the polite gap and the
 * network): a run over the fixture report pages, each on a host of its own (so no gap is waited), started as
 * the collector page starts one; each item's time from its turn to its status minus its time in `fetch`
 * (`ms − netMs`, recorded by the background) is the collector's: the offscreen document's parse and scan,
 * the statuses and the saving with its derived rows.
 */
const BUDGET_MS = 50;
const DIR = join(import.meta.dirname, '..', 'fixtures', 'reports');

export async function collectorFigures(h: Harness, log: (l: string) => void): Promise<Figure[]> {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
  const items = files.map((f, i) => ({ url: `http://r${i}.bench.gov.cn/reports/${f}`, title: f, date: null, kind: 'page' }));
  await h.sw.evaluate(() => chrome.storage.local.set({ settings: { autoSave: true, language: 'zh_CN', collectGapMs: 1000 } }));
  // started from the collector page, as a researcher starts one (an open history page re-reads its 10,000
  // summaries after every save — a cost of that page, not of the collector)
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/collector.html`);
  const started = await page.evaluate((msg) => chrome.runtime.sendMessage(msg), {
    type: 'collect-start',
    listingUrl: 'http://www.bench.gov.cn/nb/index.html',
    items,
  });
  if (!started?.ok) throw new Error(`collector bench: ${JSON.stringify(started)}`);
  const read = () =>
    h.sw.evaluate(async (runId: string) => {
      const open = indexedDB.open('nianbao-lens');
      const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = ko)));
      const all = await new Promise<any[]>((ok) => {
        const req = db.transaction('collectItems').objectStore('collectItems').index('runId').getAll(runId);
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return all as Array<{ status: string; ms: number | null; netMs: number | null }>;
    }, started.runId as string);
  let done: Awaited<ReturnType<typeof read>> = [];
  for (const end = Date.now() + 120_000; Date.now() < end; await new Promise((r) => setTimeout(r, 300))) {
    done = (await read()).filter((i) => i.ms !== null);
    if (done.length === items.length) break;
  }
  await page.close();
  const own = done.map((i) => i.ms! - (i.netMs ?? 0)).sort((a, b) => a - b);
  const median = own[Math.floor(own.length / 2)] ?? NaN;
  const p90 = own[Math.floor(own.length * 0.9)] ?? NaN;
  const failed = done.filter((i) => i.status === 'failed').length;
  log(`# collector: ${done.length}/${items.length} items, own time per report (ms): ${own.join(' ')}`);
  return [
    {
      figure: 'collector: own time per report (median)',
      value: Math.round(median),
      unit: 'ms',
      budget: BUDGET_MS,
      note: `p90 ${Math.round(p90)} ms over ${done.length} fixture reports; gap and network excluded${failed ? `; ${failed} FAILED` : ''}`,
    },
  ];
}

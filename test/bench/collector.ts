import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/dom';
import { readers } from '../../cli/file-readers';
import { drive } from '../../lib/background/collector';
import type { ItemDeps } from '../../lib/background/collector-item';
import { saveRecords } from '../../lib/background/saver';
import { readReportPage } from '../../lib/collect/read-report-page';
import { createRun, runItems } from '../../lib/db/collect-store';
import { db } from '../../lib/db/database';
import { checkFileBytes } from '../../lib/files/check-file';

/**
 * The collector's own cost per report in Node, for profiling (the issue 11 budget, ≤ 50 ms beyond the polite
 * gap and the network, is judged in Chromium by collector-browser.ts): a run over every fixture report page, with the network answered at once and no gap, in Node
 * (fake IndexedDB, linkedom standing in for the offscreen document's DOMParser). Split into reading (parse,
 * scan, checks — the same core as the lens) and bookkeeping (queue, statuses, saving with its derived rows).
 *   npx tsx test/bench/collector.ts [--rounds=N]
 */
const BUDGET_MS = 50;
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 3);
const DIR = join(import.meta.dirname, '..', 'fixtures', 'reports');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ url: `http://www.bench.gov.cn/nb/${f}`, bytes: new Uint8Array(readFileSync(join(DIR, f))) }));
const byUrl = new Map(pages.map((p) => [p.url, p.bytes]));

let readMs = 0;
const deps: ItemDeps = {
  fetch: async (url) => ({ ok: true, bytes: byUrl.get(url)!, contentType: 'text/html; charset=utf-8', url }),
  readPage: async (html, url) => {
    const t0 = performance.now();
    const read = readReportPage(html, url, parseHtml);
    readMs += performance.now() - t0;
    return read;
  },
  readFile: ({ bytes, ...rest }) => checkFileBytes(bytes, { ...rest, parse: parseHtml, readers }),
  existing: (ids) => db.reports.bulkGet(ids),
  save: (records) => saveRecords(records),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const totals: number[] = [];
const reads: number[] = [];
for (let r = 0; r < rounds; r++) {
  await Promise.all([db.reports.clear(), db.summaries.clear(), db.exportRows.clear(), db.collectRuns.clear(), db.collectItems.clear()]);
  const run = await createRun(
    'http://www.bench.gov.cn/nb/index.html',
    pages.map((p) => ({ url: p.url, title: p.url, date: null, kind: 'page' as const })),
    1000,
  );
  readMs = 0;
  const t0 = performance.now();
  await drive(run.id, { itemDeps: () => deps, now: () => new Date(), sleep: async () => {} });
  const total = performance.now() - t0;
  const items = await runItems(run.id).toArray();
  if (items.some((i) => i.status === 'failed' || i.status === 'queued')) throw new Error('a bench item did not finish');
  totals.push(total / pages.length);
  reads.push(readMs / pages.length);
}
const perReport = median(totals);
const read = median(reads);
console.log(
  `collector, per report (${pages.length} fixture pages × ${rounds} runs, network and gap excluded): ` +
    `${perReport.toFixed(1)} ms (reading ${read.toFixed(1)} ms + bookkeeping ${(perReport - read).toFixed(1)} ms); ` +
    `fake IndexedDB and linkedom are slower than a browser's: the ${BUDGET_MS} ms budget is judged in Chromium (collector-browser.ts)`,
);

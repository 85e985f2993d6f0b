import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/dom';
import { withBeyondChecks } from '../../lib/core/beyond';
import { canonicalUrl } from '../../lib/core/canonical-url';
import { dataTables, dateMetas, narrativeText } from '../../lib/core/page-facts';
import type { ReportRecord } from '../../lib/core/record';
import { scanPage } from '../../lib/core/scan';
import { NianbaoDb, mergeReports } from '../../lib/db/database';
import { withCrossYear } from '../../lib/db/year-pairs';

/**
 * The checks beyond the tables (issue 12, SPEC §10):
 *   1. what they add to a standard report's in-page scan — the page reads its narrative (the text with the
 *      data tables cut out) and its date <meta>s; the checks themselves run in the background — budget ≤ 2 ms;
 *   2. the text.* and meta.* checks of one report (the background's work per page), for the record;
 *   3. a cross-year lookup (the previous year through the [agency+year] index, xyear.* evaluated) with 10,000
 *      saved records, budget < 20 ms — in Node on fake-indexeddb, which is slower than Chromium's IndexedDB.
 *   npx tsx test/bench/beyond.ts
 */

const REPORTS = join(import.meta.dirname, '..', 'fixtures', 'reports');
const STANDARD = ['quzhou-2020', 'hanyin-zrzyj-2022-word', 'weibin-2019-split'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn: () => void, rounds = 200): number {
  for (let i = 0; i < 20; i++) fn();
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const rows: Array<[string, number, string, number | null]> = [];

for (const name of STANDARD) {
  const doc = parseHtml(readFileSync(join(REPORTS, `${name}.html`), 'utf8'));
  const url = canonicalUrl(doc, name);
  const result = scanPage(doc, url);
  const record = result.outcome as ReportRecord;
  const tables = Array.from(doc.body.getElementsByTagName('table'));
  const text = doc.body.textContent ?? '';
  const page = time(() => {
    narrativeText(
      text,
      dataTables(tables).map((t) => t.textContent ?? ''),
    );
    dateMetas(doc);
  });
  rows.push([`${name}: page side (narrative text, date metas)`, page, 'ms', 2]);
  rows.push([`${name}: text.* + meta.* checks (background)`, time(() => withBeyondChecks(record, result.facts)), 'ms', null]);
}

// 10,000 saved reports: 1,000 agencies × 10 years, each a full record (a real report's values and cells)
const db = new NianbaoDb('bench-beyond');
await db.open();
await db.reports.clear();
const real = scanPage(parseHtml(readFileSync(join(REPORTS, 'hanyin-zrzyj-2022-word.html'), 'utf8')), 'http://www.hanyin.gov.cn/1.html')
  .outcome as ReportRecord;
const records: ReportRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
  ...real,
  id: `r${String(i).padStart(13, '0')}`,
  url: `http://www.bench${i % 1000}.gov.cn/${i}.html`,
  agency: `示例县${i % 1000}自然资源局`,
  year: 2014 + Math.floor(i / 1000),
}));
for (let i = 0; i < records.length; i += 1000) await mergeReports(records.slice(i, i + 1000), db);
const lookups: number[] = [];
for (const r of records.slice(-60)) {
  const t0 = performance.now();
  await withCrossYear(db, r);
  lookups.push(performance.now() - t0);
}
rows.push([`cross-year lookup with ${records.length.toLocaleString('en')} records (fake-indexeddb)`, median(lookups.slice(10)), 'ms', 20]);
await db.delete();

let missed = false;
for (const [figure, value, unit, budget] of rows) {
  const ok = budget === null || value <= budget;
  missed ||= !ok;
  console.log(
    `  ${figure.padEnd(78)} ${value.toFixed(2).padStart(8)} ${unit}${budget === null ? '' : `  (budget ≤ ${budget} ${unit}${ok ? ', met' : ', MISSED'})`}`,
  );
}
process.exitCode = missed ? 1 : 0;

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseHtml } from '../../cli/dom';
import { checkPage } from '../../lib/core/check-page';
import type { ReportRecord } from '../../lib/core/record';
import { launchExtension, EXTENSION_DIR, ROOT, type Harness } from '../e2e/harness';
import { collectorFigures } from './collector-browser';
import { generateReport, withError, checkedKeys } from '../generator';
import { writeLargePages } from './make-large';

/**
 * The browser-side speed figures (issue 4), measured in real Chromium with the built extension:
 *
 *   scan     `data-scan-ms` of the summary host on two standard reports and on a report with every table
 *            ×20 rows (test/fixtures/bench/large-report.html, ≈5,700 cells): median of repeated loads in one
 *            tab (the site keeps its renderer and V8 its compiled code), and median of first loads in a new
 *            renderer (a new site per load: the content script's code is compiled anew — the strict case);
 *   precheck the `nianbao:precheck` User Timing entry of the content script on a 300 KB gov.cn news page
 *            that is not a report (test/fixtures/bench/large-news.html) — nothing is added to such a page;
 *   history  with 10,000 realistic records (real core output of generated reports, cloned): options page
 *            first paint (navigation → first history row painted) and a search (input → filtered rows
 *            painted), measured inside the page;
 *   exports  click → download complete for CSV long/wide, XLSX and JSON, with the longest main-thread stall
 *            seen by a heartbeat during the export and whether the progress indicator was shown.
 *
 * Wall times on a shared 2-core machine: every figure is a median after warm-up. `npx tsx
 * test/bench/browser-main.ts` prints the table; `npm run bench` includes it.
 */

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  budget: number | null;
  note?: string;
}

export interface BrowserBenchOptions {
  /** fresh loads per scanned page (default 15) */
  loads?: number;
  /** records in the history (default 10,000) */
  records?: number;
  /** skip the history / export part */
  noHistory?: boolean;
  /** skip the scan and pre-check part */
  noScan?: boolean;
  /** skip the PDF/DOCX reading part */
  noFiles?: boolean;
  /** skip the collector's figure (issue 11) */
  noCollect?: boolean;
  /** only these exports (test ids without `export-`: csv (or csv-long), csv-wide, xlsx, json); default all */
  exports?: string[];
  log?: (line: string) => void;
}

import { fileFigures } from './files-browser';

const SUMMARY = 'nianbao-lens[data-nianbao="summary"]';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Builds .output/chrome-mv3 when it is missing or older than any source it is built from. */
export function ensureBuild(log: (l: string) => void): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  const src = Math.max(
    ...['lib', 'entrypoints', 'components', 'public'].map((d) => (existsSync(join(ROOT, d)) ? newest(join(ROOT, d)) : 0)),
    statSync(join(ROOT, 'wxt.config.ts')).mtimeMs,
  );
  if (built >= src) return;
  log('# building the extension (npx wxt build)…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('wxt build failed');
}

// ───────────────────────────── scan and pre-check ─────────────────────────────

/**
 * A scan's time: the summary's data-scan-ms (the page's read and the background's finish, lib/core/read.ts and
 * finish.ts), and the page's share alone (its `nianbao:read` User Timing entry).
 */
type ScanMs = { total: number; read: number };
const readMsOf = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('nianbao:read').reduce((n, e) => Math.max(n, e.duration), 0));

/**
 * The pause between two measured loads: the background's save of one record and the closed tab's teardown
 * finish before the next load, instead of competing with its scan for the 2 cores — as when a person opens
 * one report after another. 500 ms was not enough on this machine: the background's finish of a third of
 * the first loads ran 4–15 ms beside the previous page's save (2026-12-02; with 2 s, 1 load in 15).
 */
const SETTLE_MS = 2000;

async function scanMsOf(h: Harness, path: string, host: string): Promise<ScanMs> {
  const page = await h.open(path, host);
  try {
    const el = await page.waitForSelector(SUMMARY, { state: 'attached', timeout: 20_000 });
    return { total: Number(await el.getAttribute('data-scan-ms')), read: round(await readMsOf(page), 1) };
  } finally {
    await page.close();
    // one page at a time, as a person browses (see SETTLE_MS)
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  }
}

/**
 * Repeated loads of one report in one tab, as a person reads a site's reports one after another: the
 * same site keeps its renderer process, so V8 reuses the content script's compiled code (the scan
 * itself runs anew on each new document). Three warm-up loads, then `loads` measured.
 */
async function repeatedInOneTabMs(h: Harness, path: string, host: string, loads: number): Promise<ScanMs[]> {
  const page = await h.open(path, host);
  const out: ScanMs[] = [];
  try {
    for (let i = 0; i < loads + 3; i++) {
      await page.goto(`http://${host}/${path}?load=${i}`);
      const el = await page.waitForSelector(SUMMARY, { state: 'attached', timeout: 20_000 });
      if (i >= 3) out.push({ total: Number(await el.getAttribute('data-scan-ms')), read: round(await readMsOf(page), 1) });
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }
  } finally {
    await page.close();
  }
  return out;
}

/** `nianbao:precheck` as the page sees it (User Timing entries of the content script share the page's timeline). */
async function precheckMsOf(
  h: Harness,
  path: string,
  host: string,
): Promise<{ ms: number; marked: boolean; hosts: number; attrs: number }> {
  const page = await h.open(path, host);
  try {
    const found = await page
      .waitForFunction(() => performance.getEntriesByName('nianbao:precheck').length > 0, undefined, { timeout: 5_000, polling: 50 })
      .then(
        () => true,
        () => false,
      );
    return await page.evaluate(
      (marked) => ({
        ms: marked ? performance.getEntriesByName('nianbao:precheck')[0].duration : NaN,
        marked,
        hosts: document.querySelectorAll('nianbao-lens').length,
        attrs: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.includes('nianbao'))).length,
      }),
      found,
    );
  } finally {
    await page.close();
  }
}

async function repeat<T>(n: number, warm: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warm; i++) await fn(-1 - i);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}

const shares = (m: ScanMs) => `${m.read}+${round(m.total - m.read, 1)}=${m.total}`;
/** min and max of the totals, and the median of the page's own share */
const spread = (xs: ScanMs[], t = xs.map((m) => m.total)) =>
  `min ${Math.min(...t)}, max ${Math.max(...t)}; the page's share ${round(median(xs.map((m) => m.read)), 1)}, the rest the background's finish`;

async function scanFigures(h: Harness, loads: number, log: (l: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const pages: Array<[string, string, number]> = [
    ['scan quzhou-2020', 'reports/quzhou-2020.html', 10],
    ['scan lingchuan-2020', 'reports/lingchuan-2020.html', 10],
    ['scan large report (×20 rows, ≈5,700 cells)', 'bench/large-report.html', 100],
  ];
  for (const [figure, path, budget] of pages) {
    // repeated loads in one tab (the site keeps its renderer), then the strict case
    const tab = await repeatedInOneTabMs(h, path, 'www.same-site.gov.cn', loads);
    log(`# ${figure}, repeated loads in one tab (page + background = total): ${tab.map(shares).join(' ')}`);
    figures.push({
      figure: `${figure}, repeated loads in one tab`,
      value: round(median(tab.map((m) => m.total))),
      unit: 'ms',
      budget,
      note: `median of ${loads} loads after 3 warm-up (${spread(tab)})`,
    });
    // a new site per load: a new renderer process, nothing compiled, a fresh tab and content-script world
    const ms = await repeat(loads, 3, (i) => scanMsOf(h, path, `www.b${i + 10}.gov.cn`));
    log(`# ${figure}, first load in a new renderer (page + background = total): ${ms.map(shares).join(' ')}`);
    figures.push({
      figure: `${figure}, first load in a new renderer`,
      value: round(median(ms.map((m) => m.total))),
      unit: 'ms',
      budget,
      note: `median of ${loads} loads, each on a new site (${spread(ms)})`,
    });
  }
  const pre = await repeat(loads, 3, (i) => precheckMsOf(h, 'bench/large-news.html', `www.n${i + 10}.gov.cn`));
  const ms = pre.map((p) => p.ms);
  const touched = pre.some((p) => p.hosts > 0 || p.attrs > 0);
  log(`# pre-check large-news: ${ms.map((x) => round(x, 3)).join(' ')}`);
  figures.push({
    figure: 'pre-check, 300 KB non-report page',
    value: round(median(ms), 3),
    unit: 'ms',
    budget: 1,
    note: `median of ${loads} loads; ${pre.every((p) => p.marked) ? 'measured' : 'NOT measured on every load'}; page ${touched ? 'WAS touched' : 'untouched (no host, no attribute)'}`,
  });
  return figures;
}

// ───────────────────────────── history and exports ─────────────────────────────

/** ~60 real records: the core's output on generated reports of both editions, some with a real error. */
export function realRecords(count = 60): ReportRecord[] {
  const out: ReportRecord[] = [];
  for (let seed = 1; out.length < count; seed++) {
    let g = generateReport({ seed: 7000 + seed });
    if (seed % 4 === 0) {
      const keys = checkedKeys(g.model.edition).filter((k) => !k.includes('rate') && g.model.values[k] >= 0);
      try {
        g = withError(g.model, keys[seed % keys.length], 3);
      } catch {
        /* a key that cannot take the error: keep the consistent report */
      }
    }
    const o = checkPage(parseHtml(g.html), g.url).outcome;
    if (o.isReport) out.push(o);
  }
  return out;
}

/**
 * `n` records cloned from `base` with their own ids, urls, agencies, years and save times. Self-contained
 * (no outside names): it also runs inside the options page, from its source text.
 */
export function cloneRecords(base: readonly ReportRecord[], n: number, from = 0): ReportRecord[] {
  const places = [
    '杭州市',
    '宁波市',
    '温州市',
    '绍兴市',
    '衢州市',
    '广元市',
    '渭南市',
    '西安市',
    '桂林市',
    '成都市',
    '武侯区',
    '临川区',
    '灵川县',
    '三台县',
    '汉阴县',
    '岚皋县',
    '富平县',
    '蒲城县',
  ];
  const units = [
    '人民政府',
    '人民政府办公室',
    '发展和改革委员会',
    '教育局',
    '公安局',
    '民政局',
    '司法局',
    '财政局',
    '自然资源和规划局',
    '生态环境局',
    '住房和城乡建设局',
    '交通运输局',
    '水利局',
    '农业农村局',
    '商务局',
    '文化广电旅游局',
    '卫生健康委员会',
    '应急管理局',
    '审计局',
    '市场监督管理局',
    '统计局',
    '医疗保障局',
    '行政审批服务局',
  ];
  const t0 = Date.UTC(2024, 0, 1);
  const combos = places.length * units.length;
  const out: ReportRecord[] = [];
  for (let i = from; i < from + n; i++) {
    const r = base[i % base.length];
    const agency = `${places[i % places.length]}${units[Math.floor(i / places.length) % units.length]}${i >= combos ? `第${Math.floor(i / combos)}分局` : ''}`;
    const year = 2015 + (i % 10);
    const saved = new Date(t0 + i * 37 * 60_000).toISOString();
    out.push({
      ...r,
      id: `r${(0x1000000000000 + i * 7919).toString(16).slice(-14)}`,
      url: `http://www.bench${i}.gov.cn/art/${year + 1}/3/1/art_${1000 + i}.html`,
      title: `${agency}${year}年政府信息公开工作年度报告`,
      agency,
      year,
      savedAt: saved,
      firstSavedAt: saved,
    });
  }
  return out;
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named inner functions of the callbacks
 * handed to page.evaluate in `__name(…)`: give every page a no-op `__name`.
 */
export async function shim(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
}

/**
 * Seeds the extension's database through the background's batched import (the options page's path for
 * large files: zod-validated, staged, committed in one transaction). The base records go to the page once
 * and are cloned there (sending 450 MB of clones through the DevTools protocol would take a minute).
 */
export async function seed(page: Page, base: ReportRecord[], n: number, log: (l: string) => void): Promise<void> {
  await shim(page);
  const r = await page.evaluate(
    async ({ src, text, n }) => {
      const clone = (0, eval)(`(${src})`) as (base: unknown[], n: number, from: number) => unknown[];
      const base = JSON.parse(text);
      const session = `bench-${Date.now()}`;
      const BATCH = 500;
      let sendMs = 0;
      let commitMs = 0;
      for (let start = 0; start < n; start += BATCH) {
        const last = start + BATCH >= n;
        const reports = clone(base, Math.min(BATCH, n - start), start);
        const t0 = performance.now();
        const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'import-batch', session, reports, last });
        const ms = performance.now() - t0;
        sendMs += ms;
        if (last) commitMs = ms;
        if (!reply?.ok) return { ok: false, error: JSON.stringify(reply).slice(0, 300), sendMs, commitMs };
      }
      return { ok: true, error: '', sendMs, commitMs };
    },
    { src: cloneRecords.toString(), text: JSON.stringify(base), n },
  );
  if (!r.ok) throw new Error(`seeding failed: ${r.error}`);
  log(`# seed: messages ${Math.round(r.sendMs)} ms, of which the last batch (one transaction for all) ${Math.round(r.commitMs)} ms`);
}

/** Diagnostic: what reading every stored report costs the page, without Dexie or zod. */
async function rawRead(page: Page): Promise<{ ms: number; worstPageMs: number; count: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('nianbao-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const t0 = performance.now();
          let worst = 0;
          let count = 0;
          const next = (after: string | null) => {
            const t = performance.now();
            const store = idb.transaction('reports').objectStore('reports');
            const req = store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), 500);
            req.onsuccess = () => {
              const rows = req.result as Array<{ id: string }>;
              worst = Math.max(worst, performance.now() - t);
              count += rows.length;
              if (rows.length) next(rows[rows.length - 1].id);
              else {
                idb.close();
                resolve({ ms: Math.round(performance.now() - t0), worstPageMs: Math.round(worst), count });
              }
            };
          };
          next(null);
        };
      }),
  );
}

const ROW = '[data-testid="history-row"]';

/**
 * ms from the options page's navigation start to the first frame showing a history row, as the harness's
 * poll sees it. The poll is installed through Playwright after the navigation commits: on a loaded machine
 * it often starts after the rows are up, and then this is when it started. `pageMarks` (when given) gets the
 * page's own reading of the same moment: its `nianbao:rows-frame` mark, the first animation frame after
 * the first rows went into the document (entrypoints/options/use-first-page.ts).
 */
export async function firstPaintMs(h: Harness, pageMarks?: number[]): Promise<number> {
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/options.html`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), ROW, {
      polling: 'raf',
      timeout: 30_000,
    });
    const ms = (await handle.jsonValue()) as number;
    if (pageMarks) {
      const mark = await page.waitForFunction(() => performance.getEntriesByName('nianbao:rows-frame')[0]?.startTime ?? false, undefined, {
        timeout: 5_000,
      });
      pageMarks.push((await mark.jsonValue()) as number);
    }
    return ms;
  } finally {
    await page.close();
  }
}

/** ms from an input event in the search box to the first frame showing exactly the expected rows. */
async function searchMs(page: Page, text: string, expectRows: number): Promise<number> {
  return page.evaluate(
    ({ text, expectRows, row }) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const limit = t0 + 20_000;
        const tick = () => {
          const n = document.querySelectorAll(row).length;
          if (n === expectRows) resolve(performance.now() - t0);
          else if (performance.now() > limit) reject(new Error(`search: ${n} rows, want ${expectRows}`));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { text, expectRows, row: ROW },
  );
}

async function rowCount(page: Page): Promise<number> {
  return page.locator(ROW).count();
}

/** Starts a heartbeat (setTimeout chain + long-task observer) and a watch for the progress indicator. */
async function startWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    const s = { maxGap: 0, longest: 0, progress: false, stop: false };
    w.__benchWatch = s;
    let last = performance.now();
    const beat = () => {
      const t = performance.now();
      s.maxGap = Math.max(s.maxGap, t - last);
      last = t;
      if (!s.progress && document.querySelector('[data-testid="export-progress"]')) s.progress = true;
      if (!s.stop) setTimeout(beat, 0);
    };
    setTimeout(beat, 0);
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) s.longest = Math.max(s.longest, e.duration);
      }).observe({ type: 'longtask' });
    } catch {
      /* no long-task timing */
    }
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="export-progress"]')) s.progress = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
}

async function stopWatch(page: Page): Promise<{ maxGap: number; longest: number; progress: boolean }> {
  return page.evaluate(() => {
    const s = (window as any).__benchWatch;
    s.stop = true;
    return { maxGap: s.maxGap, longest: s.longest, progress: s.progress };
  });
}

export async function exportOnce(
  page: Page,
  testid: string,
): Promise<{ ms: number; bytes: number; stall: number; longTask: number; progress: boolean }> {
  await page.waitForSelector(`[data-testid="${testid}"]:not([disabled])`);
  await startWatch(page);
  const t0 = performance.now();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.click(`[data-testid="${testid}"]`)]);
  const path = await dl.path();
  const ms = performance.now() - t0;
  // the page finishes its own work (progress cleared) before the next export
  await page.waitForSelector('[data-testid="export-progress"]', { state: 'detached', timeout: 120_000 });
  const w = await stopWatch(page);
  return { ms, bytes: statSync(path).size, stall: w.maxGap, longTask: w.longest, progress: w.progress };
}

async function historyFigures(h: Harness, n: number, log: (l: string) => void, only?: string[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  const t0 = performance.now();
  const base = realRecords(60);
  const records = cloneRecords(base, n); // the same clones the page makes, for expected search results
  const avg = JSON.stringify(base).length / base.length;
  log(
    `# ${base.length} real records (${Math.round(avg / 1024)} KB each as JSON, statuses ${[...new Set(base.map((r) => r.status))].join('/')}) cloned to ${n} in ${Math.round(performance.now() - t0)} ms`,
  );

  const options = await h.openOptions();
  const t1 = performance.now();
  await seed(options, base, n, log);
  log(`# seeded ${n} records through import-batch in ${Math.round(performance.now() - t1)} ms`);
  if (process.env.BENCH_DIAG) log(`# raw IndexedDB read of every report, 500 a page: ${JSON.stringify(await rawRead(options))}`);
  await options.close();

  // first paint: fresh options tabs, 2 warm-up + 7 measured
  const marks: number[] = [];
  const paints = await repeat(7, 2, (i) => firstPaintMs(h, i >= 0 ? marks : undefined));
  log(`# first paint: ${paints.map((x) => Math.round(x)).join(' ')} (the page's own marks: ${marks.map((x) => Math.round(x)).join(' ')})`);
  figures.push({
    figure: `history first paint, ${n} records`,
    value: Math.round(median(paints)),
    unit: 'ms',
    budget: 200,
    note: 'navigation start → first row painted, median of 7',
  });
  figures.push({
    figure: `history first paint, ${n} records, page's own mark`,
    value: Math.round(median(marks)),
    unit: 'ms',
    budget: 200,
    note: "the same moment as the page sees it (nianbao:rows-frame), free of the harness poll's start-up; median of 7",
  });

  const page = await h.openOptions();
  await page.waitForSelector(ROW);
  await shim(page);
  const target = records[n - 1].agency!;
  const expect = records.filter((r) => `${r.agency ?? ''}\n${r.title}\n${r.url}`.toLowerCase().includes(target.toLowerCase())).length;
  const searches: number[] = [];
  for (let i = 0; i < 9; i++) {
    searches.push(await searchMs(page, target, Math.min(100, expect)));
    await searchMs(page, '', 100);
  }
  const kept = searches.slice(2);
  log(`# search "${target}" (${expect} rows): ${searches.map((x) => Math.round(x)).join(' ')}`);
  figures.push({
    figure: `history search, ${n} records`,
    value: Math.round(median(kept)),
    unit: 'ms',
    budget: 200,
    note: 'input → filtered rows painted, median of 7 after 2 warm-up',
  });
  if ((await rowCount(page)) !== 100) throw new Error('history did not return to 100 rows');

  // each export reads every record (≈450 MB of IndexedDB for 10,000 realistic reports): seconds per run,
  // so two runs for the CSV figures and one for XLSX and JSON keep the bench within ~3 minutes
  const exports: Array<[string, string, number | null, number]> = [
    ['export CSV long', 'export-csv', 2000, 2],
    ['export CSV wide', 'export-csv-wide', 2000, 2],
    ['export XLSX', 'export-xlsx', 10_000, 1],
    ['export JSON', 'export-json', null, 1],
  ];
  for (const [figure, testid, budget, count] of exports) {
    // `csv-long` names the long export too (its button's test id is `export-csv`)
    const kind = testid.slice('export-'.length);
    if (only && !only.includes(kind) && !(kind === 'csv' && only.includes('csv-long'))) continue;
    const runs = [];
    for (let i = 0; i < count; i++) runs.push(await exportOnce(page, testid));
    const ms = runs.map((r) => r.ms);
    const stall = Math.max(...runs.map((r) => r.stall));
    const longTask = Math.max(...runs.map((r) => r.longTask));
    const progress = runs.every((r) => r.progress);
    log(
      `# ${figure}: ${ms.map((x) => Math.round(x)).join(' ')} ms, ${(runs[0].bytes / 1e6).toFixed(1)} MB, stall ${Math.round(stall)} ms, long task ${Math.round(longTask)} ms, progress ${progress}`,
    );
    figures.push({
      figure: `${figure}, ${n} records`,
      value: Math.round(median(ms)),
      unit: 'ms',
      budget,
      note: `click → download complete, median of ${count}; ${(runs[0].bytes / 1e6).toFixed(1)} MB`,
    });
    if (testid === 'export-csv')
      // issue 9: the long export ≤ 100 MB (above Excel's row limit it is the ZIP of three tables)
      figures.push({ figure: `${figure}: file size`, value: Math.round(runs[0].bytes / 1e5) / 10, unit: 'MB', budget: 100 });
    figures.push({
      figure: `${figure}: longest main-thread stall`,
      value: Math.round(stall),
      unit: 'ms',
      budget: null,
      note: `heartbeat gap, worst of ${count} (longest long task ${Math.round(longTask)} ms); progress shown: ${progress ? 'yes' : 'NO'}`,
    });
  }
  await page.close();
  return figures;
}

export async function runBrowserBench(opts: BrowserBenchOptions = {}): Promise<Figure[]> {
  const log = opts.log ?? ((l: string) => console.error(l));
  ensureBuild(log);
  writeLargePages(); // generated, deterministic, never committed: always in step with make-large.ts
  const h = await launchExtension();
  try {
    const figures = opts.noScan ? [] : await scanFigures(h, opts.loads ?? 15, log);
    if (!opts.noHistory) figures.push(...(await historyFigures(h, opts.records ?? 10_000, log, opts.exports)));
    if (!opts.noFiles) figures.push(...(await fileFigures(h, opts.loads ?? 15, log)));
    if (!opts.noCollect) figures.push(...(await collectorFigures(h, log)));
    if (h.pageErrors.length) log(`# page errors:\n${h.pageErrors.join('\n')}`);
    return figures;
  } finally {
    await h.close();
  }
}

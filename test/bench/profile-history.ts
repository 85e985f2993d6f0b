import { existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION_DIR, launchArgs, type Harness } from '../e2e/harness';
import { ensureBuild, exportOnce, firstPaintMs, median, realRecords, seed, shim } from './browser';

/**
 * Where the history's first paint and the exports spend their time, on a database seeded once (seeding
 * 10,000 records takes 30–90 s) in a browser profile kept in /tmp/nianbao-history-profile: a session that
 * reads commands from stdin; `restart` relaunches Chromium with the extension as built now and the same
 * database, so a change is measured without seeding again.
 *
 *   tail -f /tmp/hp.cmd | npx tsx test/bench/profile-history.ts [--records=N] > /tmp/hp.log 2>&1 &
 *   echo 'paint 9' >> /tmp/hp.cmd             # first paints (median; the first two are warm-up)
 *   echo 'export csv-wide 3' >> /tmp/hp.cmd   # click → download complete (csv, csv-wide, xlsx, json)
 *   echo 'profile paint' >> /tmp/hp.cmd       # DevTools CPU profile of a reload of the options page
 *   echo 'profile xlsx' >> /tmp/hp.cmd        # … of one export; /tmp/history-<what>.cpuprofile
 *   echo 'eval <expression>' >> /tmp/hp.cmd   # evaluated in a page of the extension's origin (e.g. raw IndexedDB timings)
 *   npx wxt build && echo restart >> /tmp/hp.cmd
 *   echo quit >> /tmp/hp.cmd
 * Summarise a profile with `npx tsx test/bench/profile-summary.ts /tmp/history-paint.cpuprofile`.
 */

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const n = Number(arg('records') ?? 10_000);
const log = (l: string) => console.log(l);
/** --dir=: the kept browser profile; --ext=: the built extension (e.g. a copy of another build, to compare) */
const DIR = arg('dir') ?? '/tmp/nianbao-history-profile';
const EXTENSION = arg('ext') ?? EXTENSION_DIR;

async function launch(): Promise<Harness> {
  const context: BrowserContext = await chromium.launchPersistentContext(DIR, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: launchArgs(EXTENSION, 9, true),
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const openOptions = async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return page;
  };
  return { context, sw, extensionId, openOptions } as unknown as Harness;
}

if (!arg('ext')) ensureBuild(log);
const fresh = !existsSync(DIR);
let h = await launch();
if (fresh) {
  const options = await h.openOptions();
  await seed(options, realRecords(60), n, log);
  await options.close();
  log(`# seeded ${n} records`);
}
log('# ready');

const ROW = '[data-testid="history-row"]';
let exportPage: Page | null = null;

async function profiled(page: Page, what: string, run: () => Promise<unknown>): Promise<void> {
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  const file = `/tmp/history-${what}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  log(`# profile written: ${file}`);
  await cdp.detach();
}

async function command(line: string): Promise<boolean> {
  const [cmd, what = '', count = '1'] = line.trim().split(/\s+/);
  if (cmd === 'quit') return false;
  if (cmd === 'paint') {
    const k = Number(what || 9);
    const ms: number[] = [];
    for (let i = 0; i < k; i++) ms.push(await firstPaintMs(h));
    log(`# first paint: ${ms.map(Math.round).join(' ')} → median after 2 warm-up ${Math.round(median(ms.slice(2)))} ms`);
  } else if (cmd === 'timeline') {
    // when the page's scripts were in and when the first row showed (ms from navigation start), K loads
    const seen: Record<string, number[]> = {};
    for (let i = 0; i < Number(what || 5); i++) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/options.html`, { waitUntil: 'commit' });
      const row = await (
        await page.waitForFunction(
          (sel) => {
            // when the harness's poll first ran: a row found then may have been there for a while
            (window as any).__pollStart ??= performance.now();
            return document.querySelector(sel) ? performance.now() : false;
          },
          ROW,
          { polling: 'raf' },
        )
      ).jsonValue();
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const js = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
        return {
          response: Math.round(nav.responseEnd),
          scripts: Math.round(Math.max(...js.map((r) => (r as PerformanceResourceTiming).responseEnd))),
          interactive: Math.round(nav.domInteractive),
          dcl: Math.round(nav.domContentLoadedEventEnd),
          pollStart: Math.round((window as any).__pollStart ?? NaN),
          fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN),
          // User Timing marks of the options page: its first rows read, its code loaded
          ...Object.fromEntries(
            ['nianbao:options-code', 'nianbao:first-page', 'nianbao:rows-dom', 'nianbao:rows-frame'].map((m) => [
              m.slice(8),
              Math.round(performance.getEntriesByName(m)[0]?.startTime ?? NaN),
            ]),
          ),
        };
      });
      const all = { ...t, row: Math.round(row as number) };
      log(`# timeline: ${JSON.stringify(all)}`);
      for (const [k, v] of Object.entries(all)) if (typeof v === 'number' && !Number.isNaN(v)) (seen[k] ??= []).push(v);
      await page.close();
    }
    log(`# timeline medians: ${JSON.stringify(Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, median(v)])))}`);
  } else if (cmd === 'export') {
    exportPage ??= await h.openOptions();
    await exportPage.waitForSelector(ROW);
    await shim(exportPage);
    const runs = [];
    for (let i = 0; i < Number(count); i++) runs.push(await exportOnce(exportPage, `export-${what}`));
    log(
      `# export ${what}: ${runs.map((r) => Math.round(r.ms)).join(' ')} ms (median ${Math.round(median(runs.map((r) => r.ms)))}), ${(runs[0].bytes / 1e6).toFixed(1)} MB, stall ${Math.round(Math.max(...runs.map((r) => r.stall)))} ms`,
    );
  } else if (cmd === 'profile' && what === 'paint') {
    const page = await h.openOptions();
    await page.waitForSelector(ROW);
    await profiled(page, 'paint', async () => {
      await page.reload({ waitUntil: 'commit' });
      await page.waitForSelector(ROW);
      await page.waitForTimeout(300);
    });
    await page.close();
  } else if (cmd === 'profile') {
    exportPage ??= await h.openOptions();
    await exportPage.waitForSelector(ROW);
    await shim(exportPage);
    await profiled(exportPage, what, () => exportOnce(exportPage!, `export-${what}`));
  } else if (cmd === 'restart') {
    exportPage = null;
    await h.context.close();
    h = await launch();
    log('# relaunched with the extension as built now');
  } else if (cmd === 'eval') {
    // a quiet page of the extension's origin (the options page would read the history meanwhile)
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/manifest.json`);
    await shim(page);
    log(String(await page.evaluate(line.trim().slice(5))));
    await page.close();
  } else if (cmd) log(`# unknown command: ${line}`);
  return true;
}

for await (const line of createInterface({ input: process.stdin })) {
  try {
    if (!(await command(line))) break;
  } catch (e) {
    log(`# ${line}: ${(e as Error).message}`);
  }
}
await h.context.close();
process.exit(0);

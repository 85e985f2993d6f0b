import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../e2e/server';
import { scanBundle } from './scan-bundle';

/**
 * Where a scan's time goes in Chromium, without the extension: lib/scan.ts bundled by esbuild into a
 * plain page that holds a fixture, timed cold (the first scan in a fresh page: what the content script
 * pays on every load) and warm, then sampled with the DevTools Profiler over cold scans.
 *
 *   npx tsx test/bench/profile-browser-scan.ts [fixture path under test/fixtures] [--loads=N] [--read (the page's half only)]
 * Prints cold/warm medians and the top self-time functions of cold scans; writes one .cpuprofile to /tmp.
 */

const fixture = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'reports/quzhou-2020.html';
const loads = Number(process.argv.find((a) => a.startsWith('--loads='))?.split('=')[1] ?? 15);
/** V8 flags for experiments, e.g. --js=--no-opt,--no-sparkplug (where the cold time goes: interpreter vs compile) */
const prewarm = process.argv.find((a) => a.startsWith('--prewarm='))?.slice(10);
const jsFlags = process.argv
  .find((a) => a.startsWith('--js='))
  ?.slice(5)
  .split(',')
  .join(' ');

const code = await scanBundle({
  lines: process.argv.includes('--lines'),
  eager: process.argv.includes('--eager'),
  read: process.argv.includes('--read'),
});
console.log(`bundle ${Math.round(code.length / 1024)} KB`);

const server = await startFixtureServer();
const dir = await mkdtemp(join(tmpdir(), 'nb-prof-'));
const ctx = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    `--host-resolver-rules=MAP *.gov.cn 127.0.0.1:${server.port}`,
    ...(jsFlags ? [`--js-flags=${jsFlags}`] : []),
  ],
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

let loadNo = 0;
/** like the bench: each load on a host of its own (gov.cn is a public suffix: a fresh renderer process per load) */
const pageUrl = () => (process.argv.includes('--same-host') ? server.url(fixture) : `http://www.p${loadNo++}.gov.cn/${fixture}`);

async function once(profile: boolean): Promise<{ cold: number; warm: number; stages: Record<string, number>; nodes?: any }> {
  // profiled runs time the cold scan alone (the content script scans once per load)
  const page = await ctx.newPage();
  await page.goto(pageUrl(), { waitUntil: 'load' });
  const cdp = profile ? await ctx.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }
  await page.addScriptTag({ content: code });
  if (profile) await page.evaluate(() => ((globalThis as any).__coldOnly = true));
  if (prewarm) {
    // experiment: the scan code compiled and run once on another report in a same-origin frame first,
    // so what remains of the cold time is this page's own (DOM wrappers, GC, new labels)
    await page.evaluate(
      `new Promise((resolve) => { const f = document.createElement('iframe'); f.onload = () => { globalThis.__scan(f.contentDocument); f.remove(); resolve(); }; f.src = ${JSON.stringify(`/${prewarm}`)}; document.documentElement.append(f); })`,
    );
  }
  if (cdp) await cdp.send('Profiler.start');
  const r = await page.evaluate(() => {
    const stages: Record<string, number> = {};
    const t0 = performance.now();
    (globalThis as any).__scan(document, stages);
    const cold = performance.now() - t0;
    const warms: number[] = [];
    if ((globalThis as any).__coldOnly) return { cold, warm: NaN, stages };
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      (globalThis as any).__scan(document);
      warms.push(performance.now() - t);
    }
    return { cold, warm: warms.sort((a, b) => a - b)[2], stages };
  });
  const prof = cdp ? (await cdp.send('Profiler.stop')).profile : undefined;
  await page.close();
  return { ...r, nodes: prof };
}

const colds: number[] = [];
const warms: number[] = [];
const stageTimes = new Map<string, number[]>();
for (let i = 0; i < loads + 2; i++) {
  const r = await once(false);
  if (i >= 2) {
    colds.push(r.cold);
    warms.push(r.warm);
    for (const [k, v] of Object.entries(r.stages)) stageTimes.set(k, [...(stageTimes.get(k) ?? []), v]);
  }
}
console.log(
  `${fixture}: cold scan median ${median(colds).toFixed(1)} ms (${colds.map((x) => x.toFixed(1)).join(' ')}), warm median ${median(warms).toFixed(1)} ms`,
);
console.log(`cold scan by stage (median ms): ${[...stageTimes].map(([k, v]) => `${k} ${median(v).toFixed(2)}`).join(' · ')}`);

// self and inclusive time per function over a few profiled cold runs
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const PROFILED = Number(process.argv.find((a) => a.startsWith('--profiled='))?.split('=')[1] ?? 10);
for (let i = 0; i < PROFILED; i++) {
  const { nodes: prof } = await once(true);
  const byId = new Map<number, any>(prof.nodes.map((n: any) => [n.id, n]));
  const dt: number[] = prof.timeDeltas;
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (f: any) => `${f.functionName || '(anon)'}${f.url ? ` :${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
  prof.samples.forEach((id: number, k: number) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const name = nameOf(f);
    const ms = (dt[k] ?? 0) / 1000;
    if (f.functionName === '(idle)' || f.functionName === '(program)') return;
    self.set(name, (self.get(name) ?? 0) + ms);
    total += ms;
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const nm = nameOf(byId.get(p).callFrame);
      if (seen.has(nm)) continue;
      seen.add(nm);
      inclusive.set(nm, (inclusive.get(nm) ?? 0) + ms);
    }
  });
  if (i === 0) await writeFile('/tmp/scan.cpuprofile', JSON.stringify(prof));
}
console.log(
  `self time over ${PROFILED} profiled cold scans, ${total.toFixed(1)} ms in all (${(total / PROFILED).toFixed(1)} ms per scan):`,
);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
console.log('inclusive time:');
for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
await writeFile('/tmp/scan-bundle.js', code);
await ctx.close();
await server.close();

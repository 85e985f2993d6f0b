/**
 * What a cold scan allocates in Chromium, by function: lib/scan.ts bundled into a plain page (as in
 * profile-browser-scan.ts), each load on a new site (a fresh renderer), sampled with the DevTools
 * HeapProfiler (objects collected by GC included).
 *
 *   npx tsx test/bench/profile-browser-alloc.ts [fixture path under test/fixtures]
 * Builtins (next, test, set, …) are shown with their caller.
 */
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../e2e/server';
import { scanBundle } from './scan-bundle';
const fixture = process.argv[2] ?? 'reports/quzhou-2020.html';
const code = await scanBundle();
const server = await startFixtureServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', `--host-resolver-rules=MAP *.gov.cn 127.0.0.1:${server.port}`],
});
const ctx = await browser.newContext();
const agg = new Map<string, number>();
let total = 0;
const N = 5;
for (let i = 0; i < N; i++) {
  const page = await ctx.newPage();
  await page.goto(`http://www.a${i}.gov.cn/${fixture}`, { waitUntil: 'load' });
  await page.addScriptTag({ content: code });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as any);
  await page.evaluate('void globalThis.__scan(document)');
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const walk = (n: any, stack: string[]) => {
    const name = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
    const self = n.selfSize;
    const key = /^(next|values|entries|test|set|push|replace|exec|keys|has|includes|\(V8 API\)|\(anon\)):/.test(name)
      ? `${name} <- ${stack[stack.length - 1]}`
      : name;
    if (self) {
      total += self;
      agg.set(key, (agg.get(key) ?? 0) + self);
    }
    for (const c of n.children) walk(c, [...stack, name]);
  };
  walk(profile.head, []);
  await page.close();
}
console.log(`allocated per cold scan ≈ ${(total / N / 1024).toFixed(0)} KB`);
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(v / N / 1024).toFixed(1).padStart(8)} KB  ${k}`);
await browser.close();
await server.close();

import type { Page } from 'playwright-core';
import { launchExtension } from '../e2e/harness';
import { median } from './browser';
import { writeLargePages } from './make-large';

/**
 * One in-browser figure of one or more builds side by side, each load on a new site, the builds alternated
 * round by round — paired figures on a busy machine:
 *
 *   npx tsx test/bench/profile-pair.ts [--scan] [--page=…] [--loads=15] [--rounds=3] DIR [DIR…]
 *
 * The figure is the content script's pre-check (`nianbao:precheck`; default page: the 300 KB news page), or
 * with `--scan` the summary host's `data-scan-ms` of a first load in a new renderer (default page:
 * reports/quzhou-2020.html; bench/large-report.html is the large one; `--read`: the page's share alone, its
 * `nianbao:read` User Timing entry). DIR defaults to .output/chrome-mv3. With `--parts`, the page's own world also times the body's textContent on the last page
 * of each round (the main world, after the pre-check's own read: a guide).
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const scan = process.argv.includes('--scan');
const path = arg('page') ?? (scan ? 'reports/quzhou-2020.html' : 'bench/large-news.html');
const loads = Number(arg('loads') ?? 15);
const rounds = Number(arg('rounds') ?? 3);
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** `--read`: the page's share of the scan alone (its `nianbao:read` User Timing entry), not the summary's total */
const readShare = process.argv.includes('--read');
const readMs = async (page: Page): Promise<number> => {
  await page.waitForSelector(SUMMARY, { state: 'attached', timeout: 20_000 });
  return page.evaluate(() => performance.getEntriesByName('nianbao:read').reduce((n, e) => Math.max(n, e.duration), 0));
};
writeLargePages();
const harnesses = await Promise.all((dirs.length ? dirs : [undefined]).map((d) => launchExtension({ extensionDir: d })));
const SUMMARY = 'nianbao-lens[data-nianbao="summary"]';
let host = 0;
const all: number[][] = harnesses.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (const [k, h] of harnesses.entries()) {
    const ms: number[] = [];
    for (let i = 0; i < loads + 2; i++) {
      const page = await h.open(path, `www.p${r}x${k}x${i}x${host++}.gov.cn`);
      const v = scan
        ? readShare
          ? await readMs(page)
          : Number(await (await page.waitForSelector(SUMMARY, { state: 'attached', timeout: 20_000 })).getAttribute('data-scan-ms'))
        : await (
            await page.waitForFunction(() => performance.getEntriesByName('nianbao:precheck')[0]?.duration ?? false, undefined, {
              polling: 50,
            })
          ).jsonValue();
      if (process.argv.includes('--parts') && i === loads + 1) {
        const t = await page.evaluate(() => {
          const t0 = performance.now();
          const text = document.body.textContent ?? '';
          return { textContent: performance.now() - t0, chars: text.length };
        });
        console.log(JSON.stringify(t));
      }
      if (i >= 2) ms.push(v);
      await page.close();
      if (scan) await new Promise((res) => setTimeout(res, 300)); // let the background's save finish
    }
    all[k].push(...ms);
    console.log(`# ${dirs[k] ?? 'build'} round ${r}: median ${median(ms).toFixed(3)} ms (${ms.map((x) => x.toFixed(2)).join(' ')})`);
  }
}
for (const [k] of harnesses.entries())
  console.log(`# ${dirs[k] ?? 'build'}: ${path}, median of ${all[k].length} = ${median(all[k]).toFixed(3)} ms`);
await Promise.all(harnesses.map((h) => h.close()));

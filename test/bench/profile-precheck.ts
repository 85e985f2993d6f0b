import { launchExtension } from '../e2e/harness';
import { median } from './browser';
import { writeLargePages } from './make-large';

/**
 * The content script's pre-check (`nianbao:precheck`) on the 300 KB news page, each load on a new site,
 * for one or more builds side by side, alternating — paired figures on a busy machine:
 *
 *   npx tsx test/bench/profile-precheck.ts [--loads=15] [--rounds=3] DIR [DIR…]   (default .output/chrome-mv3)
 *
 * With `--parts`, the page's own world also times the body's textContent on the last page of each round
 * (the main world, not the content script's isolated one, and after the pre-check's own read: a guide).
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const loads = Number(arg('loads') ?? 15);
const rounds = Number(arg('rounds') ?? 3);
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
writeLargePages();
const harnesses = await Promise.all((dirs.length ? dirs : [undefined]).map((d) => launchExtension({ extensionDir: d })));
let host = 0;
const all: number[][] = harnesses.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (const [k, h] of harnesses.entries()) {
    const ms: number[] = [];
    for (let i = 0; i < loads + 2; i++) {
      const page = await h.open('bench/large-news.html', `www.p${r}x${k}x${i}x${host++}.gov.cn`);
      await page.waitForFunction(() => performance.getEntriesByName('nianbao:precheck').length > 0, undefined, { polling: 50 });
      const v = await page.evaluate(() => performance.getEntriesByName('nianbao:precheck')[0].duration);
      if (process.argv.includes('--parts') && i === loads + 1) {
        console.log(
          JSON.stringify(
            await page.evaluate(() => {
              const t0 = performance.now();
              const text = document.body.textContent ?? '';
              const t1 = performance.now();
              return { textContent: t1 - t0, chars: text.length };
            }),
          ),
        );
      }
      if (i >= 2) ms.push(v);
      await page.close();
    }
    all[k].push(...ms);
    console.log(`# ${dirs[k] ?? 'build'} round ${r}: median ${median(ms).toFixed(3)} ms (${ms.map((x) => x.toFixed(2)).join(' ')})`);
  }
}
for (const [k] of harnesses.entries()) console.log(`# ${dirs[k] ?? 'build'}: median of ${all[k].length} = ${median(all[k]).toFixed(3)} ms`);
await Promise.all(harnesses.map((h) => h.close()));

import { statSync } from 'node:fs';
import { launchExtension } from '../e2e/harness';

/**
 * The floor under the long CSV export (docs/performance.md): in the options page, no database and no CSV
 * building — 10,000 ready-made strings of a realistic report's long-CSV lines (≈45 KB each, ≈451 MB in
 * all) turned into a Blob the way `run-export.ts` does it (100 parts per Blob, a yield between), then
 * downloaded through an <a download>. Prints the Blob time in the page and strings → download complete
 * (the strings are made before the clock starts).
 *
 *   npx tsx test/bench/csv-floor.ts
 */
const h = await launchExtension();
try {
  // one run per browser: Chromium cancels a second download started without a user gesture
  for (let run = 0; run < 1; run++) {
    const page = await h.openOptions();
    await page.evaluate(() => {
      // one report's lines: 200 keys, url/agency/label as in the real export
      let part = '';
      for (let k = 0; k < 200; k++)
        part += `r1000000001f1e,杭州市教育局,2021,2021,http://www.bench1.gov.cn/art/2022/3/1/art_1001.html,apply,apply.result.disclosed.natural${k},三、收到和处理政府信息公开申请情况 · 予以公开 · 自然人,${k * 7},${k * 7}\r\n`;
      (window as any).__parts = Array.from({ length: 10_000 }, (_, i) =>
        part.replace('r1000000001f1e', `r${(0x1000000000000 + i * 7919).toString(16).slice(-14)}`),
      );
    });
    const t0 = performance.now();
    const [dl, blobMs] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.evaluate(async (run) => {
        const parts = (window as any).__parts as string[];
        (window as any).__parts = null;
        const t = performance.now();
        const blobs: Blob[] = [];
        for (let i = 0; i < parts.length; i += 100) {
          blobs.push(new Blob(parts.slice(i, i + 100)));
          await new Promise((r) => setTimeout(r));
        }
        const blob = new Blob(blobs, { type: 'text/csv;charset=utf-8' });
        const ms = performance.now() - t;
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `floor-${run}.csv`;
        document.body.append(a);
        a.click();
        a.remove();
        return ms;
      }, run),
    ]);
    const path = await dl.path();
    console.log(
      `run ${run}: strings → Blob ${Math.round(blobMs)} ms; strings → download complete ${Math.round(performance.now() - t0)} ms; ${(statSync(path).size / 1e6).toFixed(1)} MB`,
    );
    await dl.delete();
    await page.close();
  }
} finally {
  await h.close();
}

import { parseHtml } from '../../cli/dom';
import { scanPage } from '../../lib/core/scan';
import { loadDir } from './corpus';

/**
 * A plain loop for the profiler: the report corpus through parseHtml + scanPage for N seconds
 * (default 10), or scanPage alone on parsed documents with --scan-only.
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/profile-loop.ts 10 --scan-only
 *   npx tsx test/bench/profile-summary.ts /tmp/prof scanPage detect buildGrid classify mapApply normalizeLabel
 */
const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10);
const scanOnly = process.argv.includes('--scan-only');
const pages = await loadDir(new URL('../fixtures/reports', import.meta.url).pathname);
const docs = pages.map((p) => ({ doc: parseHtml(p.html), url: p.url }));
const end = performance.now() + seconds * 1000;
let n = 0;
while (performance.now() < end) {
  for (let i = 0; i < pages.length; i++) {
    const doc = scanOnly ? docs[i].doc : parseHtml(pages[i].html);
    n += scanPage(doc, pages[i].url).tables.length >= 0 ? 1 : 0;
  }
}
console.log(`${n} pages in ${seconds} s`);

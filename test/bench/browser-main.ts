import { runBrowserBench } from './browser';
import { bundleFigures } from './bundle';
import { zipSizeKB } from './files-browser';

/**
 * The browser figures alone:  npx tsx test/bench/browser-main.ts [--no-scan] [--no-history] [--no-files] [--no-collect] [--records=N] [--loads=N]
 *   [--exports=csv-wide,xlsx] (only these exports: csv or csv-long, csv-wide, xlsx, json)
 * (`npm run bench` includes them.) Exit code 1 when a figure misses its budget.
 */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const figures = await runBrowserBench({
  noHistory: process.argv.includes('--no-history'),
  noScan: process.argv.includes('--no-scan'),
  noFiles: process.argv.includes('--no-files'),
  noCollect: process.argv.includes('--no-collect'),
  records: arg('records') ? Number(arg('records')) : undefined,
  loads: arg('loads') ? Number(arg('loads')) : undefined,
  exports: arg('exports')?.split(','),
});
figures.push(...bundleFigures());
figures.push({ figure: 'extension zip (deflate, with pdf.js and its CMaps)', value: await zipSizeKB(), unit: 'KB', budget: null });
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
let missed = 0;
console.log(`${pad('figure', 52)} ${pad('value', 12)} ${pad('budget', 10)} verdict  note`);
for (const f of figures) {
  const ok = f.budget === null || f.value <= f.budget;
  if (!ok) missed++;
  console.log(
    `${pad(f.figure, 52)} ${pad(`${f.value} ${f.unit}`, 12)} ${pad(f.budget === null ? '—' : `≤ ${f.budget}`, 10)} ${f.budget === null ? '        ' : ok ? 'ok      ' : 'MISSED  '} ${f.note ?? ''}`,
  );
}
process.exitCode = missed ? 1 : 0;

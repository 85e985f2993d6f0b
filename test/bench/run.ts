import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench` (see docs/performance.md) prints every speed figure next to its budget:
 *   1. the core and CLI (bench.ts, in a child node with --single-threaded --expose-gc so the process
 *      CPU time it reads is the work done for the page being timed);
 *   2. the browser (browser.ts: scan times in Chromium with the built extension, the pre-check on a
 *      large non-report page, the history and exports with 10,000 records) and the bundle sizes;
 *   3. DOCX files read and checked (docx.ts, issue 10);
 *   4. the collector's own time per report (collector.ts in Node; collector-browser.ts in Chromium, issue 11);
 *   5. the checks beyond the tables (beyond.ts, issue 12): their page-side cost and the cross-year lookup.
 * Arguments are passed on: --budget=30 --no-libs (CLI part), --no-browser, --no-history, --records=N,
 * --loads=N, --exports=csv-wide,xlsx (browser part). Exit code 1 when a browser figure misses its budget.
 */

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flags = ['--single-threaded', '--expose-gc'].filter((f) => !process.execArgv.includes(f));
const child = spawnSync(process.execPath, [...process.execArgv, ...flags, join(here, 'bench.ts'), ...args], { stdio: 'inherit' });
let code = child.status ?? 1;

console.log('\nDOCX files (lib/files, issue 10)');
const docx = spawnSync(process.execPath, [...process.execArgv, ...flags, join(here, 'docx.ts')], { stdio: 'inherit' });
code = code || (docx.status ?? 1);

console.log('\nThe collector in Node (lib/background/collector, issue 11; the browser figure below is the budget)');
spawnSync(process.execPath, [...process.execArgv, ...flags, join(here, 'collector.ts')], { stdio: 'inherit' });

console.log('\nChecks beyond the tables (issue 12): page side, background, cross-year lookup');
const beyond = spawnSync(process.execPath, [...process.execArgv, ...flags, join(here, 'beyond.ts')], { stdio: 'inherit' });
code = code || (beyond.status ?? 1);

if (!args.includes('--no-browser')) {
  console.log('\n5. In the browser (Chromium with the built extension) and bundle sizes');
  const browser = spawnSync(process.execPath, [...process.execArgv, join(here, 'browser-main.ts'), ...args], { stdio: 'inherit' });
  code = code || (browser.status ?? 1);
}
process.exitCode = code;

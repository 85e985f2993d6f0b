import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench` (see docs/performance.md). Starts test/bench/bench.ts in a child node with
 *   --single-threaded  all of V8's work (GC, JIT) on the main thread, so the process CPU time the
 *                      bench reads is exactly the work done for the page being timed — not the
 *                      sweeping of an earlier collection running on a helper thread;
 *   --expose-gc        a full collection before each round, outside the timers.
 * Node flags given to this process (tsx's loader, --cpu-prof …) are passed on, and so are arguments:
 *   npm run bench -- --budget=30 --no-libs
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/run.ts --no-libs
 */

const bench = join(dirname(fileURLToPath(import.meta.url)), 'bench.ts');
const flags = ['--single-threaded', '--expose-gc'].filter((f) => !process.execArgv.includes(f));
const child = spawnSync(process.execPath, [...process.execArgv, ...flags, bench, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = child.status ?? 1;

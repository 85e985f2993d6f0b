import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXTENSION_DIR, ROOT } from './harness';

/**
 * The e2e runner (`npm run test:e2e [-- spec-name-filter]`): builds the extension when the build is missing
 * or older than its sources, then runs every test/e2e/*.spec.ts with node's test runner, one file at a time
 * (each spec launches its own Chromium) — and the specs that mostly wait (`WAITING`) at the same time in a
 * second process. Set E2E_NO_BUILD=1 to use the build as it is.
 */

const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newestMtime(join(path, name)));
  return max;
}

export function ensureBuilt(): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const stale = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s)))) > built;
  if (built && (!stale || process.env.E2E_NO_BUILD)) return;
  console.log(built ? 'e2e: sources changed, rebuilding…' : 'e2e: no build yet, building…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const filters = process.argv.slice(2);
ensureBuilt();
const dir = join(ROOT, 'test', 'e2e');
const specs = readdirSync(dir)
  .filter((f) => f.endsWith('.spec.ts'))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort()
  .map((f) => join(dir, f));
if (!specs.length) {
  console.error('e2e: no spec files matched');
  process.exit(1);
}
/**
 * Specs that mostly wait (the collector's polite gaps between requests) run in a second test process beside
 * the others, their output printed when they end: CI's ten minutes are not spent sleeping.
 */
const WAITING = ['collect.spec.ts'];
const side = specs.length > 1 ? specs.filter((s) => WAITING.some((w) => s.endsWith(w))) : [];
const rest = specs.filter((s) => !side.includes(s));

function runSpecs(files: string[], buffered: boolean): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
      cwd: ROOT,
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, E2E_NO_BUILD: '1' },
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

const started = Date.now();
const [main, waiting] = await Promise.all([
  rest.length ? runSpecs(rest, false) : Promise.resolve({ code: 0, output: '' }),
  side.length ? runSpecs(side, true) : Promise.resolve({ code: 0, output: '' }),
]);
if (side.length) process.stdout.write(`\n--- ${side.map((s) => basename(s)).join(', ')} (run beside the others) ---\n${waiting.output}`);
console.log(`e2e: ${specs.length} spec file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(main.code || waiting.code);

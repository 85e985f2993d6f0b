import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../../cli/dom';
import { checkReports } from '../../lib/core/check-page';
import { readDocx } from '../../lib/files/read-file';
import { cpuMs, fmtMs, summarize, table } from './measure';

/**
 * DOCX read and checked (issue 10 budget: ≤ 0.5 s per report in the CLI's runtime; the browser figure comes
 * with the extension wiring): each DOCX fixture of test/fixtures/files, bytes → mammoth → HTML → record,
 * a cold first read (JIT, dictionaries) and the median of warm reads, in process CPU ms as the rest of the
 * bench (run.ts starts it with --single-threaded, so other load on the shared machine does not count), wall ms
 * beside. Exit 1 on a MISS.
 */

const FILES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/files');
const SLUGS = ['lingchuan-2020', 'langao-xzsp-2021', 'hanyin-zrzyj-2022-word'];
const BUDGET_MS = 500;
const ROUNDS = 8;

async function once(bytes: Uint8Array, name: string): Promise<{ cpu: number; wall: number }> {
  const c0 = cpuMs();
  const w0 = performance.now();
  const read = await readDocx(bytes, name);
  const rec = checkReports(parseHtml(read.html!), name)[0].outcome;
  if (!rec.isReport || rec.tables === 0) throw new Error(`${name}: not read as a report with tables`);
  return { cpu: cpuMs() - c0, wall: performance.now() - w0 };
}

async function main(): Promise<number> {
  const rows: string[][] = [];
  let worst = 0;
  for (const slug of SLUGS) {
    const bytes = new Uint8Array(readFileSync(join(FILES, `${slug}.docx`)));
    const cold = await once(bytes, `${slug}.docx`);
    const warm: number[] = [];
    const wall: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = await once(bytes, `${slug}.docx`);
      warm.push(t.cpu);
      wall.push(t.wall);
    }
    const w = summarize(warm);
    worst = Math.max(worst, cold.cpu, w.median);
    rows.push([
      `${slug}.docx (${(bytes.length / 1024).toFixed(0)} KB)`,
      `${fmtMs(cold.cpu)} / ${fmtMs(cold.wall)}`,
      `${fmtMs(w.median)} (${fmtMs(w.min)}–${fmtMs(w.max)})`,
      fmtMs(summarize(wall).median),
    ]);
  }
  const verdict = worst <= BUDGET_MS ? 'PASS' : 'MISS';
  console.log(
    `DOCX read + checked (mammoth → HTML core), ${ROUNDS} warm rounds; budget ≤ ${BUDGET_MS} ms per report: ${verdict} (worst ${fmtMs(worst)} CPU ms)`,
  );
  console.log(table(['file', 'cold CPU / wall ms', 'warm CPU ms', 'warm wall ms'], rows));
  return verdict === 'PASS' ? 0 : 1;
}

main().then((code) => (process.exitCode = code));

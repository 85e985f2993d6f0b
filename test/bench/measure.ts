import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Timing helpers. The machine is shared (other test runs compete for 2 cores), so times are CPU
 * times, every figure is the median of several rounds, each round runs the tasks interleaved page
 * by page in a rotated order, and ratios are taken inside a round before the median is taken.
 */

// run.ts starts the bench with --expose-gc; this is the fallback when bench.ts is run directly
if (typeof (globalThis as { gc?: unknown }).gc !== 'function') setFlagsFromString('--expose-gc');
const gcFn = ((globalThis as { gc?: () => void }).gc ?? runInNewContext('gc')) as (() => void) | undefined;

/** A full collection (between rounds: see bench.ts round() for why not more often). */
export function gc(): void {
  gcFn?.();
}

/**
 * CPU time of this process in ms (user + system). Unlike wall time it does not grow when other
 * processes take the cores, which on a shared 2-core machine they do. run.ts starts the bench with
 * --single-threaded, so this is the main thread's work alone (GC and JIT included, nothing of an
 * earlier task running on a helper thread).
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median, in % */
  spreadPct: number;
  n: number;
}

export function summarize(xs: readonly number[]): Summary {
  const med = median(xs);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return { median: med, min, max, spreadPct: med ? ((max - min) / med) * 100 : 0, n: xs.length };
}

export function fmtMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function fmtRate(perSecond: number): string {
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

export function pad(s: string, n: number, right = false): string {
  // CJK characters take two columns in a terminal
  const width = [...s].reduce(
    (w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => pad(c ?? '', widths[i], i > 0)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

import type { CollectItem, CollectRun, ItemStatus } from '../protocol/collect';
import { FINISHED } from '../protocol/collect';

/**
 * What the collector page shows of a run (SPEC §9), computed from its items: counts by status, how many are
 * done, the failures with their reasons, and the time left — each finished item's pace so far, else the gap.
 */
export type StatusCounts = Record<ItemStatus, number> & { errors: number };

export function countStatuses(items: readonly Pick<CollectItem, 'status' | 'failing'>[]): StatusCounts {
  const c: StatusCounts = { queued: 0, fetching: 0, saved: 0, 'not-report': 0, 'no-tables': 0, failed: 0, skipped: 0, errors: 0 };
  for (const i of items) {
    c[i.status]++;
    if ((i.status === 'saved' || i.status === 'skipped') && i.failing > 0) c.errors++;
  }
  return c;
}

export const doneCount = (c: StatusCounts) => FINISHED.reduce((n, s) => n + c[s], 0);

/**
 * Milliseconds left: the items still to do times the time per item so far (between the first and the last
 * finish of this run), or — before two have finished — the gap with its average jitter plus a second.
 */
export function timeLeft(
  items: readonly Pick<CollectItem, 'status' | 'finishedAt'>[],
  run: Pick<CollectRun, 'gapMs' | 'state'>,
): number | null {
  if (run.state === 'done') return null;
  const left = items.filter((i) => i.status === 'queued' || i.status === 'fetching').length;
  if (!left) return null;
  const times = items
    .map((i) => (i.finishedAt ? Date.parse(i.finishedAt) : NaN))
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
  const pace = times.length >= 2 ? (times[times.length - 1] - times[0]) / (times.length - 1) : run.gapMs * 1.25 + 1000;
  return Math.round(left * pace);
}

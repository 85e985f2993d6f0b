import { describe, expect, it } from 'vitest';
import { countStatuses, doneCount, timeLeft } from '../../../lib/ui/collect-progress';
import type { CollectItem } from '../../../lib/protocol/collect';

/** What the collector page shows of a run (SPEC §9): counts, done, time left. */
const item = (status: CollectItem['status'], failing = 0, finishedAt: string | null = null) => ({ status, failing, finishedAt });

describe('collect progress', () => {
  it('counts by status; "with errors" counts saved or unchanged reports with a failing check', () => {
    const c = countStatuses([item('saved', 2), item('saved'), item('skipped', 1), item('failed'), item('queued'), item('no-tables')]);
    expect(c).toMatchObject({ saved: 2, skipped: 1, failed: 1, queued: 1, 'no-tables': 1, errors: 2 });
    expect(doneCount(c)).toBe(5);
  });

  it('time left: the pace so far, else the gap with its jitter; none when done', () => {
    const run = { gapMs: 2000, state: 'running' as const };
    const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    expect(timeLeft([item('saved', 0, t(0)), item('saved', 0, t(3)), item('saved', 0, t(6)), item('queued'), item('queued')], run)).toBe(
      6000,
    );
    expect(timeLeft([item('queued'), item('fetching')], run)).toBe(2 * 3500);
    expect(timeLeft([item('saved', 0, t(0))], run)).toBeNull();
    expect(timeLeft([item('queued')], { ...run, state: 'done' })).toBeNull();
  });
});

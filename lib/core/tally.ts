import type { Check, CheckStatus } from './record';

/** Counts of check outcomes. (Kept out of record.ts so page-side code needs no zod.) */
export function tally(checks: readonly Check[]): Record<CheckStatus, number> {
  const t = { pass: 0, fail: 0, skip: 0 };
  for (const c of checks) t[c.status]++;
  return t;
}

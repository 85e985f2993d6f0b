import { ALL_KEYS } from '../core/keys';
import { checkFamily, type CheckFamily } from '../core/check-family';
import type { ReportRecord } from '../core/record';

/**
 * The wide exports' research columns (issue 12 item 5), after the metadata: publication and where the report
 * came from, rates researchers compute from the tables, and failing checks by family. Computed once per report
 * when its export row is built (export-row.ts), so writing them costs a few field reads per row.
 *
 * Rates are decimals rounded to 4 places; blank when the denominator is 0 or a value they need is null or
 * missing. `days_late` is the `meta.deadline` check's diff when that check ran (blank when skipped or absent);
 * `changed_after_first_seen` is 1 or 0.
 */
export const RESEARCH_HEADER = [
  'published_at',
  'days_late',
  'source_kind',
  'collected_from',
  'changed_after_first_seen',
  'rate_disclosed',
  'rate_withheld',
  'rate_unavailable',
  'rate_rejected',
  'rate_review_corrected',
  'rate_suit_corrected',
  'failing_table',
  'failing_text',
  'failing_xyear',
  'failing_meta',
] as const;

export type ResearchCell = string | number | null;

/** The total-column keys of the result rows of one group (either edition's), e.g. every 不予公开 reason. */
const groupTotals = (group: string) => ALL_KEYS.filter((k) => k.startsWith(`apply.result.${group}.`) && k.endsWith('.total'));
let groups: Record<'withheld' | 'unavailable' | 'rejected', string[]> | undefined;

type Values = ReportRecord['values'];

/** The sum of the values at `keys` the report has; null when one is null or the report has none of them. */
function sum(values: Values, keys: readonly string[]): number | null {
  let total = 0;
  let found = false;
  for (const k of keys) {
    if (!(k in values)) continue;
    const v = values[k];
    if (v === null) return null;
    total += v;
    found = true;
  }
  return found ? total : null;
}

/** part / whole rounded to 4 places; null when either is null or the whole is 0. */
export function rate(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1e4) / 1e4;
}

export function researchCells(r: ReportRecord): ResearchCell[] {
  const v = r.values;
  groups ??= { withheld: groupTotals('withheld'), unavailable: groupTotals('unavailable'), rejected: groupTotals('rejected') };
  const results = sum(v, ['apply.result.total.total']);
  const failing: Record<CheckFamily, number> = { table: 0, text: 0, xyear: 0, meta: 0 };
  let daysLate: number | null = null;
  for (const c of r.checks) {
    if (c.status === 'fail') failing[checkFamily(c.id)]++;
    if (c.id === 'meta.deadline' && c.status !== 'skip') daysLate = c.diff;
  }
  const bothSuits = (col: string) => sum(v, [`suit.direct.${col}`, `suit.after_review.${col}`]);
  return [
    r.publishedAt ?? null,
    daysLate,
    r.source?.kind ?? null,
    r.collectedFrom ?? null,
    r.changedAfterFirstSeen ? 1 : 0,
    rate(sum(v, ['apply.result.disclosed.total', 'apply.result.partial.total']), results),
    rate(sum(v, groups.withheld), results),
    rate(sum(v, groups.unavailable), results),
    rate(sum(v, groups.rejected), results),
    rate(sum(v, ['review.corrected']), sum(v, ['review.total'])),
    rate(bothSuits('corrected'), bothSuits('total')),
    failing.table,
    failing.text,
    failing.xyear,
    failing.meta,
  ];
}

import { APPLICANT_COLUMNS, APPLICANT_PARTS, APPLY_ROWS, REVIEW_BLOCKS, type Edition } from './keys';
import type { Check } from './record';

/**
 * The identities of SPEC §4 as data: each check has a stable id and two lists of keys whose sums
 * must be equal. `evaluate` turns them into verdicts; a missing or null operand gives `skip`.
 */

export interface CheckDef {
  id: string;
  lhsKeys: string[];
  rhsKeys: string[];
}

function build(edition: Edition): CheckDef[] {
  const rows = APPLY_ROWS[edition];
  const defs: CheckDef[] = [];
  for (const row of rows) {
    defs.push({
      id: `apply.row.${row.key}`,
      lhsKeys: APPLICANT_PARTS.map((c) => `apply.${row.key}.${c}`),
      rhsKeys: [`apply.${row.key}.total`],
    });
  }
  const leaves = rows.filter((r) => r.leaf).map((r) => r.key);
  for (const col of APPLICANT_COLUMNS) {
    defs.push({
      id: `apply.results.${col}`,
      lhsKeys: leaves.map((k) => `apply.${k}.${col}`),
      rhsKeys: [`apply.result.total.${col}`],
    });
  }
  for (const col of APPLICANT_COLUMNS) {
    defs.push({
      id: `apply.balance.${col}`,
      lhsKeys: [`apply.new.${col}`, `apply.carried_over.${col}`],
      rhsKeys: [`apply.result.total.${col}`, `apply.carried_forward.${col}`],
    });
  }
  for (const block of REVIEW_BLOCKS) {
    defs.push({
      id: `${block}.sum`,
      lhsKeys: ['upheld', 'corrected', 'other', 'pending'].map((c) => `${block}.${c}`),
      rhsKeys: [`${block}.total`],
    });
  }
  return defs;
}

export const CHECKS: Record<Edition, CheckDef[]> = { '2019': build('2019'), '2021': build('2021') };

type Values = Readonly<Record<string, number | null>>;

/** The sum of the keys' values; null with the keys missing when any is absent or null. */
function sum(keys: readonly string[], values: Values, missing: string[]): number | null {
  let total = 0;
  const before = missing.length;
  for (let i = 0; i < keys.length; i++) {
    const v = values[keys[i]];
    if (v === null || v === undefined) missing.push(keys[i]);
    else total += v;
  }
  return missing.length > before ? null : total;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function evaluate(defs: readonly CheckDef[], values: Values, reasons: Readonly<Record<string, string>> = {}): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < defs.length; i++) {
    const d = defs[i];
    const missing: string[] = [];
    const lhs = sum(d.lhsKeys, values, missing);
    const rhs = sum(d.rhsKeys, values, missing);
    if (lhs === null || rhs === null) {
      const why: string[] = [];
      for (const k of missing) {
        const reason = reasons[k] ?? (k in values ? `${k} 单元格缺失` : `${k} 所在行或列未找到`);
        if (!why.includes(reason)) why.push(reason);
      }
      out.push({
        id: d.id,
        lhsKeys: d.lhsKeys,
        rhsKeys: d.rhsKeys,
        status: 'skip',
        lhs,
        rhs,
        diff: null,
        reason: why.join('；').slice(0, 500),
      });
      continue;
    }
    const diff = round(lhs - rhs);
    out.push({
      id: d.id,
      lhsKeys: d.lhsKeys,
      rhsKeys: d.rhsKeys,
      status: Math.abs(diff) < 1e-9 ? 'pass' : 'fail',
      lhs: round(lhs),
      rhs: round(rhs),
      diff,
    });
  }
  return out;
}

/**
 * SPEC §3: a blank total whose parts are not all zero means the report left the total out — its
 * value becomes null (the checks needing it skip) instead of a false failure.
 */
export function nullBlankTotals(
  defs: readonly CheckDef[],
  values: Record<string, number | null>,
  blank: ReadonlySet<string>,
): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const d of defs) {
    if (d.rhsKeys.length !== 1) continue;
    const total = d.rhsKeys[0];
    if (!blank.has(total) || values[total] === null) continue;
    if (d.lhsKeys.some((k) => (values[k] ?? 0) !== 0)) {
      values[total] = null;
      reasons[total] = `${total} 总计栏空缺而分项不为零（报告未填总计）`;
    }
  }
  return reasons;
}

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
  /** one-line explanation, shown in tooltips and exports */
  explain: string;
}

function build(edition: Edition): CheckDef[] {
  const rows = APPLY_ROWS[edition];
  const defs: CheckDef[] = [];
  for (const row of rows) {
    defs.push({
      id: `apply.row.${row.key}`,
      lhsKeys: APPLICANT_PARTS.map((c) => `apply.${row.key}.${c}`),
      rhsKeys: [`apply.${row.key}.total`],
      explain: '自然人 + 五类法人或其他组织 = 总计',
    });
  }
  const leaves = rows.filter((r) => r.leaf).map((r) => r.key);
  for (const col of APPLICANT_COLUMNS) {
    defs.push({
      id: `apply.results.${col}`,
      lhsKeys: leaves.map((k) => `apply.${k}.${col}`),
      rhsKeys: [`apply.result.total.${col}`],
      explain: '（一）至（六）各项办理结果之和 = （七）总计',
    });
  }
  for (const col of APPLICANT_COLUMNS) {
    defs.push({
      id: `apply.balance.${col}`,
      lhsKeys: [`apply.new.${col}`, `apply.carried_over.${col}`],
      rhsKeys: [`apply.result.total.${col}`, `apply.carried_forward.${col}`],
      explain: '勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
    });
  }
  for (const block of REVIEW_BLOCKS) {
    defs.push({
      id: `${block}.sum`,
      lhsKeys: ['upheld', 'corrected', 'other', 'pending'].map((c) => `${block}.${c}`),
      rhsKeys: [`${block}.total`],
      explain: '结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
    });
  }
  return defs;
}

export const CHECKS: Record<Edition, CheckDef[]> = { '2019': build('2019'), '2021': build('2021') };

const byId = new Map([...CHECKS['2019'], ...CHECKS['2021']].map((d) => [d.id, d]));
export function checkDef(id: string): CheckDef | undefined {
  return byId.get(id);
}

type Values = Readonly<Record<string, number | null>>;

function sum(keys: readonly string[], values: Values): { total: number | null; missing: string[] } {
  let total = 0;
  const missing: string[] = [];
  for (const k of keys) {
    const v = values[k];
    if (v === null || v === undefined) missing.push(k);
    else total += v;
  }
  return { total: missing.length ? null : total, missing };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function evaluate(defs: readonly CheckDef[], values: Values, reasons: Readonly<Record<string, string>> = {}): Check[] {
  return defs.map((d) => {
    const l = sum(d.lhsKeys, values);
    const r = sum(d.rhsKeys, values);
    const base = { id: d.id, lhsKeys: d.lhsKeys, rhsKeys: d.rhsKeys };
    if (l.total === null || r.total === null) {
      const missing = [...l.missing, ...r.missing];
      const why = missing.map((k) => reasons[k] ?? (k in values ? `${k} 单元格缺失` : `${k} 所在行或列未找到`));
      return { ...base, status: 'skip' as const, lhs: l.total, rhs: r.total, diff: null, reason: [...new Set(why)].join('；').slice(0, 500) };
    }
    const diff = round(l.total - r.total);
    return { ...base, status: Math.abs(diff) < 1e-9 ? ('pass' as const) : ('fail' as const), lhs: round(l.total), rhs: round(r.total), diff };
  });
}

/**
 * SPEC §3: a blank total whose parts are not all zero means the report left the total out — its
 * value becomes null (the checks needing it skip) instead of a false failure.
 */
export function nullBlankTotals(defs: readonly CheckDef[], values: Record<string, number | null>, blank: ReadonlySet<string>): Record<string, string> {
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

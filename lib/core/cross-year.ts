import { stripPinyin, toSimplified } from './chinese';
import { APPLICANT_COLUMN_LABELS, APPLICANT_COLUMNS } from './keys';
import type { Check, ReportRecord } from './record';

/**
 * The cross-year identities of SPEC §10 (DOMAIN-NOTES §2.4 X1, X2), checked on the later year's record
 * against the same agency's report of the year right before (never an older one):
 * - `xyear.carried_over.<col>`: this year's 二、上年结转 = last year's 四、结转下年度继续办理, every applicant
 *   column (rows 二 and 四 are the same in both editions, so 2020 → 2021 is checked too);
 * - `xyear.in_force.<item>` (2021 format, both years): last year's 现行有效件数 + 本年制发件数 − 本年废止件数
 *   = this year's 现行有效件数, for 规章 and 行政规范性文件.
 * `lhs` is this year's cell, `rhs` what last year's report makes of it; `ref` the previous record's id.
 */

/** white space, punctuation and symbols: none of them tells two agencies apart */
const NOT_NAME = /[\s\p{P}\p{S}]+/gu;

/**
 * The join key of an agency across years: simplified (the core vocabulary, for a name the caller has not
 * simplified already — records hold OpenCC-simplified names), NFKC, spaces and punctuation removed, 人民政府 →
 * 政府. 岚皋县人民政府 and 岚皋县 政府 join; 龙游县人民政府 and 龙游县人民政府办公室 stay two reporters.
 */
export function agencyJoinKey(agency: string): string {
  return toSimplified(stripPinyin(agency)).normalize('NFKC').replace(NOT_NAME, '').replaceAll('人民政府', '政府');
}

type Values = ReportRecord['values'];
const value = (values: Values, key: string): number | null => values[key] ?? null;
const isTabled = (r: ReportRecord) => r.tables > 0 && (r.format === '2019' || r.format === '2021');

/** a check of two sums; `missing` names what is null (then it skips, with that as its reason) */
function compare(
  id: string,
  lhs: number | null,
  rhs: number | null,
  keys: [string[], string[]],
  ref: string,
  say: string,
  missing: string[],
): Check {
  const [lhsKeys, rhsKeys] = keys;
  if (lhs === null || rhs === null) return { id, status: 'skip', lhs, rhs, diff: null, lhsKeys, rhsKeys, ref, reason: missing.join('；') };
  const diff = lhs - rhs;
  return { id, status: diff === 0 ? 'pass' : 'fail', lhs, rhs, diff, lhsKeys, rhsKeys, ref, evidence: say };
}

/** the reasons of the operands that are null: `[value, "2021年报告缺少…"]` pairs */
const lacking = (pairs: [number | null, string][]) => pairs.filter(([v]) => v === null).map(([, why]) => why);

function carriedOver(later: ReportRecord, previous: ReportRecord): Check[] {
  return APPLICANT_COLUMNS.map((col) => {
    const lhsKey = `apply.carried_over.${col}`;
    const rhsKey = `apply.carried_forward.${col}`;
    const lhs = value(later.values, lhsKey);
    const rhs = value(previous.values, rhsKey);
    const who = col === 'total' ? '' : `（${APPLICANT_COLUMN_LABELS[col]}）`;
    const say = `${previous.year}年报告结转下年度 ${rhs} 件，${later.year}年报告上年结转 ${lhs} 件${who}`;
    const missing = lacking([
      [lhs, `${later.year}年报告缺少上年结转${who}`],
      [rhs, `${previous.year}年报告缺少结转下年度${who}`],
    ]);
    return compare(`xyear.carried_over.${col}`, lhs, rhs, [[lhsKey], [rhsKey]], previous.id, say, missing);
  });
}

const DOC_ITEMS = { regulations: '规章', normative_docs: '行政规范性文件' } as const;

function inForce(later: ReportRecord, previous: ReportRecord): Check[] {
  return (Object.keys(DOC_ITEMS) as (keyof typeof DOC_ITEMS)[]).map((item) => {
    const [inForceKey, issuedKey, repealedKey] = ['in_force', 'issued', 'repealed'].map((c) => `active.${item}.${c}`);
    const label = DOC_ITEMS[item];
    const lhs = value(later.values, inForceKey);
    const before = value(previous.values, inForceKey);
    const issued = value(later.values, issuedKey);
    const repealed = value(later.values, repealedKey);
    const rhs = before === null || issued === null || repealed === null ? null : before + issued - repealed;
    const say =
      `${label}：${previous.year}年报告现行有效 ${before} 件，${later.year}年制发 ${issued} 件、废止 ${repealed} 件，` +
      `应现行有效 ${rhs} 件，报告为 ${lhs} 件`;
    const missing = lacking([
      [lhs, `${later.year}年报告缺少${label}现行有效件数`],
      [before, `${previous.year}年报告缺少${label}现行有效件数`],
      [issued, `${later.year}年报告缺少${label}本年制发件数`],
      [repealed, `${later.year}年报告缺少${label}本年废止件数`],
    ]);
    return compare(`xyear.in_force.${item}`, lhs, rhs, [[inForceKey], [inForceKey, issuedKey, repealedKey]], previous.id, say, missing);
  });
}

/** The `xyear.*` checks of `later` against `previous` (same agency, year − 1); [] when the pair does not qualify. */
export function crossYearChecks(later: ReportRecord, previous: ReportRecord): Check[] {
  if (later.year === null || previous.year === null || previous.year !== later.year - 1) return [];
  if (!later.agency || !previous.agency || agencyJoinKey(later.agency) !== agencyJoinKey(previous.agency)) return [];
  if (!isTabled(later) || !isTabled(previous)) return [];
  const checks = carriedOver(later, previous);
  if (later.format === '2021' && previous.format === '2021') checks.push(...inForce(later, previous));
  return checks;
}

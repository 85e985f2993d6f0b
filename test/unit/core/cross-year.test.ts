/**
 * Cross-year checks (SPEC §10 xyear.*, DOMAIN-NOTES §2.4 X1/X2): the later year's 上年结转 against the
 * previous year's 结转下年度, and 现行有效件数 carried forward, for the same agency in consecutive years.
 */
import { describe, expect, it } from 'vitest';
import { toSimplifiedFull } from '../../../lib/core/chinese-full';
import { agencyJoinKey, crossYearChecks } from '../../../lib/core/cross-year';
import { APPLICANT_COLUMNS } from '../../../lib/core/keys';
import { CheckSchema, type ReportRecord } from '../../../lib/core/record';
import { makeRecord } from '../../support/records';

/** carried-over / carried-forward per applicant column, in APPLICANT_COLUMNS order (total last) */
type Seven = [number | null, number | null, number | null, number | null, number | null, number | null, number | null];

function report(
  year: number,
  opts: { agency?: string; format?: ReportRecord['format']; over?: Seven; forward?: Seven; active?: Record<string, number | null> } = {},
): ReportRecord {
  const values: Record<string, number | null> = { ...opts.active };
  APPLICANT_COLUMNS.forEach((col, i) => {
    if (opts.over) values[`apply.carried_over.${col}`] = opts.over[i];
    if (opts.forward) values[`apply.carried_forward.${col}`] = opts.forward[i];
  });
  return makeRecord({
    id: `r-${year}`,
    agency: opts.agency ?? '岚皋县人民政府',
    year,
    format: opts.format ?? (year >= 2021 ? '2021' : '2019'),
    tables: 3,
    values,
    checks: [],
  });
}

const byId = (checks: ReturnType<typeof crossYearChecks>) => Object.fromEntries(checks.map((c) => [c.id, CheckSchema.parse(c)]));
const FORWARD: Seven = [2, 1, 0, 0, 0, 0, 3];

describe('agencyJoinKey', () => {
  it('joins the spellings of one agency', () => {
    const key = agencyJoinKey('岚皋县人民政府');
    expect(key).toBe('岚皋县政府');
    for (const name of ['岚皋县政府', '岚皋县 人民政府', '岚皋县\u3000人民政府', '“岚皋县人民政府”', '岚皋縣人民政府', '岚皋县人民政府 '])
      expect(agencyJoinKey(name), name).toBe(key);
    // 嵐 lies outside the core's matching table: the caller passes names already simplified by OpenCC
    expect(agencyJoinKey(toSimplifiedFull('嵐皋縣人民政府'))).toBe(key);
  });

  it('keeps a government and its office apart', () => {
    expect(agencyJoinKey('龙游县人民政府')).not.toBe(agencyJoinKey('龙游县人民政府办公室'));
    expect(agencyJoinKey('龙游县政府')).not.toBe(agencyJoinKey('龙游县政府办公室'));
  });

  it('keeps the words inside brackets (a 分局 is its own reporter)', () => {
    expect(agencyJoinKey('汉中市自然资源局(经开区分局)')).toBe('汉中市自然资源局经开区分局');
    expect(agencyJoinKey('汉中市自然资源局')).not.toBe(agencyJoinKey('汉中市自然资源局(经开区分局)'));
  });
});

describe('crossYearChecks: xyear.carried_over.<col>', () => {
  it('a clean pair passes every column, keyed and referenced', () => {
    const checks = crossYearChecks(report(2022, { over: FORWARD }), report(2021, { forward: FORWARD }));
    expect(checks.filter((c) => c.id.startsWith('xyear.carried_over.')).map((c) => c.id)).toEqual(
      APPLICANT_COLUMNS.map((c) => `xyear.carried_over.${c}`),
    );
    const total = byId(checks)['xyear.carried_over.total'];
    expect(total).toEqual({
      id: 'xyear.carried_over.total',
      status: 'pass',
      lhs: 3,
      rhs: 3,
      diff: 0,
      lhsKeys: ['apply.carried_over.total'],
      rhsKeys: ['apply.carried_forward.total'],
      ref: 'r-2021',
      evidence: '2021年报告结转下年度 3 件，2022年报告上年结转 3 件',
    });
    expect(checks.filter((c) => c.id.startsWith('xyear.carried_over.')).every((c) => c.status === 'pass')).toBe(true);
    // both years on the 2021 format, without section 二 values: the in_force checks are there and skip
    expect(checks.filter((c) => c.id.startsWith('xyear.in_force.')).map((c) => c.status)).toEqual(['skip', 'skip']);
  });

  it('one column off fails that column and the total', () => {
    const c = byId(crossYearChecks(report(2022, { over: [2, 1, 0, 0, 0, 1, 4] }), report(2021, { forward: FORWARD })));
    expect(c['xyear.carried_over.other']).toMatchObject({ status: 'fail', lhs: 1, rhs: 0, diff: 1 });
    expect(c['xyear.carried_over.other'].evidence).toBe('2021年报告结转下年度 0 件，2022年报告上年结转 1 件（其他）');
    expect(c['xyear.carried_over.total']).toMatchObject({ status: 'fail', lhs: 4, rhs: 3, diff: 1 });
    expect(c['xyear.carried_over.natural'].status).toBe('pass');
  });

  it('a re-attribution between columns: the total agrees, the columns do not', () => {
    const c = byId(crossYearChecks(report(2022, { over: [3, 0, 0, 0, 0, 0, 3] }), report(2021, { forward: FORWARD })));
    expect(c['xyear.carried_over.total'].status).toBe('pass');
    expect(c['xyear.carried_over.natural']).toMatchObject({ status: 'fail', diff: 1 });
    expect(c['xyear.carried_over.commercial']).toMatchObject({ status: 'fail', diff: -1 });
    expect(c['xyear.carried_over.research'].status).toBe('pass');
  });

  it('works across the 2020 → 2021 format change (no in_force check: 2019 has no 现行有效件数)', () => {
    const checks = crossYearChecks(report(2021, { over: FORWARD }), report(2020, { forward: FORWARD, format: '2019' }));
    expect(checks).toHaveLength(7);
    expect(checks.every((c) => c.status === 'pass' && c.ref === 'r-2020')).toBe(true);
  });

  it('a null value skips with the reason, never passes', () => {
    const c = byId(crossYearChecks(report(2022, { over: [2, 1, 0, 0, 0, 0, null] }), report(2021, { forward: [2, null, 0, 0, 0, 0, 3] })));
    expect(c['xyear.carried_over.total']).toMatchObject({ status: 'skip', lhs: null, rhs: 3, diff: null });
    expect(c['xyear.carried_over.total'].reason).toBe('2022年报告缺少上年结转');
    expect(c['xyear.carried_over.commercial']).toMatchObject({ status: 'skip', lhs: 1, rhs: null });
    expect(c['xyear.carried_over.commercial'].reason).toBe('2021年报告缺少结转下年度（商业企业）');
  });

  it('a key the record lacks entirely is null too', () => {
    const c = byId(crossYearChecks(report(2022, { over: FORWARD }), report(2021)));
    expect(c['xyear.carried_over.total'].status).toBe('skip');
  });
});

describe('crossYearChecks: which pairs qualify', () => {
  const later = () => report(2022, { over: FORWARD });
  const previous = (over: Partial<ReportRecord> = {}) => ({ ...report(2021, { forward: FORWARD }), ...over });

  it.each<[string, () => ReturnType<typeof crossYearChecks>]>([
    ['a two-year gap', () => crossYearChecks(later(), report(2020, { forward: FORWARD }))],
    ['the later year given as previous', () => crossYearChecks(report(2021, { forward: FORWARD }), later())],
    ['the same year', () => crossYearChecks(later(), report(2022, { forward: FORWARD }))],
    ['another agency (the government’s office)', () => crossYearChecks(later(), previous({ agency: '岚皋县人民政府办公室' }))],
    ['an unknown agency', () => crossYearChecks(later(), previous({ agency: null }))],
    ['an unknown year', () => crossYearChecks(later(), previous({ year: null }))],
    ['a previous report without tables', () => crossYearChecks(later(), previous({ tables: 0 }))],
    [
      'a legacy previous report',
      () => crossYearChecks(report(2019, { over: FORWARD }), report(2018, { forward: FORWARD, format: 'legacy' })),
    ],
    ['an unknown format', () => crossYearChecks(later(), previous({ format: 'unknown' }))],
  ])('none for %s', (_, run) => {
    expect(run()).toEqual([]);
  });

  it('joins 岚皋县政府 with 岚皋县人民政府', () => {
    expect(crossYearChecks(later(), previous({ agency: '岚皋县政府' }))).not.toEqual([]);
  });
});

describe('crossYearChecks: xyear.in_force.<item> (2021 format, both years)', () => {
  const active = (inForce: number | null, issued: number | null, repealed: number | null, docs = [40, 5, 2]) => ({
    'active.regulations.in_force': inForce,
    'active.regulations.issued': issued,
    'active.regulations.repealed': repealed,
    'active.normative_docs.in_force': docs[0],
    'active.normative_docs.issued': docs[1],
    'active.normative_docs.repealed': docs[2],
  });

  it('previous in force + issued − repealed = in force', () => {
    const c = byId(
      crossYearChecks(
        report(2022, { over: FORWARD, active: active(12, 3, 1) }),
        report(2021, { forward: FORWARD, active: active(10, 0, 0, [37, 0, 0]) }),
      ),
    );
    expect(c['xyear.in_force.regulations']).toEqual({
      id: 'xyear.in_force.regulations',
      status: 'pass',
      lhs: 12,
      rhs: 12,
      diff: 0,
      lhsKeys: ['active.regulations.in_force'],
      rhsKeys: ['active.regulations.in_force', 'active.regulations.issued', 'active.regulations.repealed'],
      ref: 'r-2021',
      evidence: '规章：2021年报告现行有效 10 件，2022年制发 3 件、废止 1 件，应现行有效 12 件，报告为 12 件',
    });
    expect(c['xyear.in_force.normative_docs']).toMatchObject({ status: 'pass', lhs: 40, rhs: 40 });
  });

  it('a re-count breaks it: fails with the difference', () => {
    const c = byId(
      crossYearChecks(
        report(2022, { over: FORWARD, active: active(9, 3, 1) }),
        report(2021, { forward: FORWARD, active: active(10, 0, 0) }),
      ),
    );
    expect(c['xyear.in_force.regulations']).toMatchObject({ status: 'fail', lhs: 9, rhs: 12, diff: -3 });
  });

  it('skips when an operand is missing, naming it', () => {
    const c = byId(crossYearChecks(report(2022, { over: FORWARD, active: active(12, null, 1) }), report(2021, { forward: FORWARD })));
    expect(c['xyear.in_force.regulations']).toMatchObject({ status: 'skip', lhs: 12, rhs: null, diff: null });
    expect(c['xyear.in_force.regulations'].reason).toBe('2021年报告缺少规章现行有效件数；2022年报告缺少规章本年制发件数');
  });

  it('is not checked when either year is on the 2019 format', () => {
    const ids = crossYearChecks(
      report(2022, { over: FORWARD, format: '2019', active: active(12, 3, 1) }),
      report(2021, { forward: FORWARD, active: active(10, 0, 0) }),
    ).map((c) => c.id);
    expect(ids.some((id) => id.startsWith('xyear.in_force.'))).toBe(false);
    expect(ids).toHaveLength(7);
  });
});

import { describe, expect, it } from 'vitest';
import { CHECKS, evaluate, nullBlankTotals } from '../../../lib/core/checks';
import { APPLICANT_COLUMNS, APPLY_ROWS, KEYS } from '../../../lib/core/keys';

/** A consistent set of values for an edition: every leaf 1 in every part column. */
function consistent(edition: '2019' | '2021'): Record<string, number> {
  const v: Record<string, number> = {};
  const leaves = APPLY_ROWS[edition].filter((r) => r.leaf);
  for (const col of APPLICANT_COLUMNS) {
    const part = col === 'total' ? 6 : 1;
    for (const r of leaves) v[`apply.${r.key}.${col}`] = part;
    v[`apply.result.total.${col}`] = part * leaves.length;
    v[`apply.carried_over.${col}`] = part;
    v[`apply.carried_forward.${col}`] = 2 * part;
    v[`apply.new.${col}`] = part * leaves.length + part;
  }
  for (const b of ['review', 'suit.direct', 'suit.after_review']) {
    Object.assign(v, { [`${b}.upheld`]: 1, [`${b}.corrected`]: 2, [`${b}.other`]: 3, [`${b}.pending`]: 4, [`${b}.total`]: 10 });
  }
  return v;
}

describe.each(['2019', '2021'] as const)('checks of edition %s (SPEC §4)', (edition) => {
  const defs = CHECKS[edition];
  const rows = APPLY_ROWS[edition];

  it('has one row check per section 三 row, results and balance per column, and the three 四 sums', () => {
    const ids = defs.map((d) => d.id);
    expect(ids.filter((i) => i.startsWith('apply.row.'))).toHaveLength(rows.length);
    for (const col of APPLICANT_COLUMNS) {
      expect(ids).toContain(`apply.results.${col}`);
      expect(ids).toContain(`apply.balance.${col}`);
    }
    expect(ids).toEqual(expect.arrayContaining(['review.sum', 'suit.direct.sum', 'suit.after_review.sum']));
    expect(new Set(ids).size).toBe(ids.length);
    // every key a check reads exists in the edition's catalogue
    const keys = new Set(KEYS[edition].map((k) => k.key));
    for (const d of defs) for (const k of [...d.lhsKeys, ...d.rhsKeys]) expect(keys.has(k), k).toBe(true);
  });

  it('passes on consistent values', () => {
    const results = evaluate(defs, consistent(edition));
    expect(results.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it('a wrong leaf breaks exactly its row and its column', () => {
    const v = consistent(edition);
    v['apply.result.withheld.third_party.social'] += 2;
    const failing = evaluate(defs, v).filter((c) => c.status === 'fail');
    expect(failing.map((c) => c.id).sort()).toEqual(['apply.results.social', 'apply.row.result.withheld.third_party']);
    const row = failing.find((c) => c.id === 'apply.row.result.withheld.third_party')!;
    expect(row.diff).toBe(2);
    expect(row.lhs! - row.rhs!).toBe(row.diff);
  });

  it('the printed 勾稽关系: new + carried_over = result.total + carried_forward', () => {
    const v = consistent(edition);
    v['apply.carried_forward.natural'] += 1;
    v['apply.carried_forward.total'] += 1;
    const failing = evaluate(defs, v)
      .filter((c) => c.status === 'fail')
      .map((c) => c.id)
      .sort();
    expect(failing).toEqual(['apply.balance.natural', 'apply.balance.total']);
  });

  it('灵川 2020: 复议后起诉 parts all 0 with total 4 fails with lhs 0, rhs 4, diff −4', () => {
    const v = {
      ...consistent(edition),
      'suit.after_review.upheld': 0,
      'suit.after_review.corrected': 0,
      'suit.after_review.other': 0,
      'suit.after_review.pending': 0,
      'suit.after_review.total': 4,
    };
    const c = evaluate(defs, v).find((x) => x.id === 'suit.after_review.sum')!;
    expect(c).toMatchObject({ status: 'fail', lhs: 0, rhs: 4, diff: -4 });
  });

  it('a null operand or a missing key gives skip with a reason — never pass, never fail', () => {
    const v: Record<string, number | null> = consistent(edition);
    v['apply.result.total.total'] = null;
    delete v['review.pending'];
    const byId = new Map(evaluate(defs, v).map((c) => [c.id, c]));
    for (const id of ['apply.row.result.total', 'apply.results.total', 'apply.balance.total', 'review.sum']) {
      expect(byId.get(id)!.status).toBe('skip');
      expect(byId.get(id)!.reason).toMatch(/\S/);
      expect(byId.get(id)!.diff).toBeNull();
    }
    expect(byId.get('apply.results.natural')!.status).toBe('pass');
  });

  it('a blank total with non-zero parts is left out (null → skip), a blank total with zero parts is 0', () => {
    const v: Record<string, number | null> = consistent(edition);
    v['review.total'] = 0; // printed blank, parts 1+2+3+4
    v['suit.direct.upheld'] = 0;
    v['suit.direct.corrected'] = 0;
    v['suit.direct.other'] = 0;
    v['suit.direct.pending'] = 0;
    v['suit.direct.total'] = 0;
    const reasons = nullBlankTotals(defs, v, new Set(['review.total', 'suit.direct.total']));
    expect(v['review.total']).toBeNull();
    expect(v['suit.direct.total']).toBe(0);
    const byId = new Map(evaluate(defs, v, reasons).map((c) => [c.id, c]));
    expect(byId.get('review.sum')).toMatchObject({ status: 'skip' });
    expect(byId.get('review.sum')!.reason).toContain('总计');
    expect(byId.get('suit.direct.sum')!.status).toBe('pass');
  });
});

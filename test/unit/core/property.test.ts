/**
 * Property tests of the extractor over generated reports (test/generator): random, internally
 * consistent reports of both editions in many layouts must be read back exactly, and one wrong cell
 * must make exactly the checks fail that the generator's own evaluator predicts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { ACTIVE_ITEMS, KEYS, type Edition } from '../../../lib/core/keys';
import { RecordSchema, type ReportRecord } from '../../../lib/core/record';
import { checkPage as scanPage } from '../../../lib/core/check-page';
import {
  NAMED_LAYOUTS,
  checkedKeys,
  describeLayout,
  failingIdentities,
  generateReport,
  identities,
  layoutOf,
  renderModel,
  withError,
  type GeneratedReport,
  type Model,
} from '../../generator';
import { paramsArb } from '../../generator/arbitraries';

const NUM_RUNS = 200;

function scan(r: GeneratedReport): ReportRecord {
  const outcome = scanPage(parseHtml(r.html), r.url).outcome;
  if (!outcome.isReport) throw new Error(`not detected as a report (${outcome.reason}) — ${where(r.model)}`);
  return RecordSchema.parse(outcome);
}

function where(m: Model): string {
  return `seed ${m.seed}, edition ${m.edition}, scale ${m.scale}, layout ${describeLayout(m.layout)}`;
}

/** Number of report tables the page holds (section 二 one or per item, 三 one or two, 四 one). */
function expectedTables(m: Model): number {
  const activeArticles = new Set(ACTIVE_ITEMS[m.edition].map((i) => i.article)).size;
  return (m.layout.active === 'one' ? 1 : activeArticles) + (m.layout.split === 'none' ? 1 : 2) + 1;
}

/** Everything a faithful extractor must say about a clean generated report. */
function expectFaithful(r: GeneratedReport): void {
  const m = r.model;
  const ctx = where(m);
  const rec = scan(r);
  expect(rec.format, ctx).toBe(m.edition);
  expect(rec.year, ctx).toBe(m.year);
  expect(rec.agency, ctx).toBe(m.agency);
  expect(rec.url, ctx).toBe(r.url);
  const wrongValues: string[] = [];
  for (const { key, kind } of KEYS[m.edition]) {
    const got = rec.values[key];
    const want = m.values[key];
    const ok = typeof got === 'number' && (kind === 'money' ? Math.abs(got - want) <= 1e-9 : got === want);
    if (!ok) wrongValues.push(`${key}: want ${want}, got ${got} (raw ${JSON.stringify(rec.cells[key]?.raw)})`);
  }
  expect(wrongValues, ctx).toEqual([]);
  const ids = new Set(rec.checks.map((c) => c.id));
  expect(
    identities(m.edition)
      .map((i) => i.id)
      .filter((id) => !ids.has(id)),
    `missing checks — ${ctx}`,
  ).toEqual([]);
  expect(
    rec.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} lhs=${c.lhs} rhs=${c.rhs} ${c.reason ?? ''}`),
    ctx,
  ).toEqual([]);
  expect(rec.unmapped, ctx).toEqual([]);
  expect(rec.status, ctx).toBe('ok');
  expect(rec.tables, ctx).toBe(expectedTables(m));
}

/** One wrong cell: exactly the predicted checks fail, nothing is skipped, and the wrong value is read. */
function expectInjected(model: Model, key: string, delta: number): void {
  const bad = withError(model, key, delta);
  const ctx = `${key} ${delta > 0 ? '+' : ''}${delta} — ${where(model)}`;
  const rec = scan(bad);
  const want = bad.model.values[key];
  const got = rec.values[key];
  if (KEYS[model.edition].find((k) => k.key === key)?.kind === 'money') {
    expect(typeof got === 'number' && Math.abs(got - want) <= 1e-9, `${ctx}: read ${got}, want ${want}`).toBe(true);
  } else {
    expect(got, ctx).toBe(want);
  }
  const failing = rec.checks
    .filter((c) => c.status === 'fail')
    .map((c) => c.id)
    .sort();
  expect(failing, ctx).toEqual(bad.expectedFailing);
  expect(
    rec.checks.filter((c) => c.status === 'skip').map((c) => c.id),
    ctx,
  ).toEqual([]);
  expect(rec.status, ctx).toBe(bad.expectedFailing.length ? 'errors' : 'ok');
}

/** A delta that keeps a count non-negative. */
function safeDelta(model: Model, key: string, magnitude: number, negative: boolean): number {
  const v = model.values[key];
  if (negative && v - magnitude >= 0) return -magnitude;
  return magnitude;
}

// ---------------------------------------------------------------------------------------------

describe('generator (self-checks, independent of the extractor)', () => {
  it('generates models that satisfy every identity, with a value for every key', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const r = generateReport(p);
        expect(failingIdentities(r.model.edition, r.model.values)).toEqual([]);
        expect(Object.keys(r.model.values).sort()).toEqual(KEYS[r.model.edition].map((k) => k.key).sort());
        for (const { key, kind } of KEYS[r.model.edition]) {
          const v = r.model.values[key];
          if (kind === 'count') expect(Number.isInteger(v) && v >= 0, key).toBe(true);
          if (kind === 'money') expect(Math.round(v * 100) / 100, key).toBe(v);
        }
        expect(r.model.year).toBeGreaterThanOrEqual(r.model.edition === '2019' ? 2019 : 2021);
        expect(r.model.year).toBeLessThanOrEqual(r.model.edition === '2019' ? 2020 : 2025);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is deterministic in its parameters', () => {
    const a = generateReport({ seed: 99, layout: NAMED_LAYOUTS.everything });
    const b = generateReport({ seed: 99, layout: NAMED_LAYOUTS.everything });
    expect(a.html).toBe(b.html);
    expect(renderModel(a.model).html).toBe(a.html);
  });

  it('predicts the failing checks of one wrong cell', () => {
    const m = generateReport({ seed: 5, edition: '2021', scale: 'small' }).model;
    // a leaf: its row and its column's (七)总计; the balance uses (七)总计 itself, which did not change
    expect(withError(m, 'apply.result.withheld.third_party.legal', 3).expectedFailing).toEqual([
      'apply.results.legal',
      'apply.row.result.withheld.third_party',
    ]);
    expect(withError(m, 'apply.new.natural', 1).expectedFailing).toEqual(['apply.balance.natural', 'apply.row.new']);
    expect(withError(m, 'apply.result.total.total', 2).expectedFailing).toEqual([
      'apply.balance.total',
      'apply.results.total',
      'apply.row.result.total',
    ]);
    expect(withError(m, 'apply.carried_forward.total', 4).expectedFailing).toEqual(['apply.balance.total', 'apply.row.carried_forward']);
    expect(withError(m, 'suit.after_review.total', 4).expectedFailing).toEqual(['suit.after_review.sum']);
    expect(withError(m, 'review.pending', 1).expectedFailing).toEqual(['review.sum']);
    expect(withError(m, 'active.fees.amount', 1.5).expectedFailing).toEqual([]);
  });

  it('changes only the injected cell on the page', () => {
    const r = generateReport({ seed: 11, edition: '2019', scale: 'medium', layout: NAMED_LAYOUTS['word-sparse-split'] });
    const bad = withError(r.model, 'review.upheld', 7);
    const a = r.html.split('\n');
    const b = bad.html.split('\n');
    expect(b.length).toBe(a.length);
    expect(a.filter((line, i) => line !== b[i]).length).toBe(1);
  });

  it('never prints a total blank when its parts are not all zero', () => {
    // A total is blankable only when all its parts are 0: after an injection into a part, the total is printed.
    const m = generateReport({ seed: 3, edition: '2021', scale: 'zeros', layout: { blanks: 'empty', blankAll: true } }).model;
    const bad = withError(m, 'review.corrected', 2);
    const doc = parseHtml(bad.html);
    const last = [...doc.querySelectorAll('table')].at(-1)!;
    const cells = [...last.querySelectorAll('tr')].at(-1)!.querySelectorAll('td');
    expect(cells[1].textContent!.trim()).toBe('2');
    expect(cells[4].textContent!.trim()).toBe('0');
  });
});

// ---------------------------------------------------------------------------------------------

describe('extractor over generated reports', () => {
  it('reads every value of random reports in random layouts, and every check passes', () => {
    fc.assert(
      fc.property(paramsArb, (p) => expectFaithful(generateReport(p))),
      { numRuns: NUM_RUNS },
    );
  });

  it('one wrong cell fails exactly the checks that contain it', () => {
    fc.assert(
      fc.property(
        paramsArb,
        fc.constantFrom('leaf', 'row-total', 'column-total', 'review', 'balance', 'active'),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (p, kind, pick, magnitude, negative) => {
          const { model } = generateReport(p);
          const keys = keysOfKind(model.edition, kind);
          const key = keys[pick % keys.length];
          const info = KEYS[model.edition].find((k) => k.key === key)!;
          const delta =
            info.kind === 'money'
              ? magnitude / 4
              : info.kind === 'change'
                ? negative
                  ? -magnitude
                  : magnitude
                : safeDelta(model, key, magnitude, negative);
          expectInjected(model, key, delta);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

function keysOfKind(edition: Edition, kind: string): string[] {
  const apply = checkedKeys(edition).filter((k) => k.startsWith('apply.'));
  const isResultTotal = (k: string) => k.startsWith('apply.result.total.');
  const isBalance = (k: string) => /^apply\.(new|carried_over|carried_forward)\./.test(k);
  switch (kind) {
    case 'leaf':
      return apply.filter((k) => k.startsWith('apply.result.') && !isResultTotal(k) && !k.endsWith('.total'));
    case 'row-total':
      return apply.filter((k) => k.endsWith('.total') && !isResultTotal(k));
    case 'column-total':
      return apply.filter(isResultTotal);
    case 'balance':
      return apply.filter(isBalance);
    case 'review':
      return checkedKeys(edition).filter((k) => !k.startsWith('apply.'));
    default:
      return KEYS[edition].filter((k) => k.section === 'active').map((k) => k.key);
  }
}

// ---------------------------------------------------------------------------------------------

const LAYOUT_CASES = Object.entries(NAMED_LAYOUTS).flatMap(([name, layout]) =>
  (['2019', '2021'] as const).map((edition) => ({ name, edition, layout })),
);

describe('fixed-seed regression cases per layout', () => {
  it.each(LAYOUT_CASES)('$name ($edition): clean report reads back exactly', ({ name, edition, layout }) => {
    for (const seed of [1, 2]) {
      const scale = name === 'thousands' ? 'big' : seed === 1 ? 'small' : 'medium';
      expectFaithful(generateReport({ seed, edition, scale, layout }));
    }
  });

  it.each(LAYOUT_CASES)('$name ($edition): injected errors are found exactly', ({ edition, layout }) => {
    const { model } = generateReport({ seed: 3, edition, scale: 'small', layout });
    expectInjected(model, 'apply.result.withheld.third_party.legal', 3);
    expectInjected(model, 'apply.result.total.natural', 1);
    expectInjected(model, `apply.result.${edition === '2019' ? 'other' : 'other.overdue_fee'}.total`, 2);
    expectInjected(model, 'apply.carried_forward.commercial', 5);
    expectInjected(model, 'suit.direct.total', 1);
  });

  it('all-zero report with every zero left blank', () => {
    for (const edition of ['2019', '2021'] as const) {
      expectFaithful(generateReport({ seed: 8, edition, scale: 'zeros', layout: layoutOf({ blanks: 'empty', blankAll: true }) }));
    }
  });
});

/** The verdicts derived from a record (SPEC §7): page and table status, outlined cells, the history summary. */
import { describe, expect, it } from 'vitest';
import type { Check, ReportRecord } from '../../../lib/core/record';
import { summarize } from '../../../lib/core/summary';
import { cellMarks, checksOfTable, failingChecksOfKey, pageStatus, recordStatus, tableStatus } from '../../../lib/core/verdict';
import { makeRecord } from '../../support/records';

const check = (id: string, status: Check['status'], lhsKeys: string[], rhsKeys: string[]): Check => ({
  id,
  status,
  lhs: status === 'skip' ? null : 1,
  rhs: status === 'skip' ? null : status === 'fail' ? 2 : 1,
  diff: status === 'skip' ? null : status === 'fail' ? -1 : 0,
  lhsKeys,
  rhsKeys,
});

function record(checks: Check[], status: ReportRecord['status'] = 'errors'): ReportRecord {
  const r = makeRecord({ n: 1, checks, status });
  const cell = (table: number) => ({ raw: '1', table, row: 0, col: 0, blank: false });
  return { ...r, cells: { 'apply.new.natural': cell(1), 'apply.new.total': cell(1), 'review.total': cell(2), 'review.upheld': cell(2) } };
}

describe('verdict', () => {
  it('maps the record status to the page status of the summary host', () => {
    expect(pageStatus(record([], 'ok'))).toBe('pass');
    expect(pageStatus(record([], 'errors'))).toBe('fail');
    expect(pageStatus(record([], 'partial'))).toBe('partial');
    expect(pageStatus(record([], 'no-tables'))).toBe('no-tables');
  });

  it('a table fails with any failing check, is partial when one skips or none apply, passes otherwise', () => {
    expect(tableStatus([check('a', 'pass', [], []), check('b', 'fail', [], [])])).toBe('fail');
    expect(tableStatus([check('a', 'pass', [], []), check('b', 'skip', [], [])])).toBe('partial');
    expect(tableStatus([])).toBe('partial');
    expect(tableStatus([check('a', 'pass', [], [])])).toBe('pass');
  });

  it('outlines the totals of failing checks and their parts; a total wins over a part; finds checks per table and per key', () => {
    const row = check('apply.row.new', 'fail', ['apply.new.natural'], ['apply.new.total']);
    const review = check('review.sum', 'pass', ['review.upheld'], ['review.total']);
    const r = record([row, review]);
    expect([...cellMarks(r)]).toEqual([
      ['apply.new.natural', 'part'],
      ['apply.new.total', 'fail'],
    ]);
    expect(checksOfTable(r, 1).map((c) => c.id)).toEqual(['apply.row.new']);
    expect(checksOfTable(r, 2).map((c) => c.id)).toEqual(['review.sum']);
    expect(failingChecksOfKey(r, 'apply.new.natural').map((c) => c.id)).toEqual(['apply.row.new']);
    expect(failingChecksOfKey(r, 'review.total')).toEqual([]);
  });

  it('summarizes a record for the history: counts and the failing ids', () => {
    const r = record([
      check('apply.row.new', 'fail', [], []),
      check('review.sum', 'pass', [], []),
      check('suit.direct.sum', 'skip', [], []),
    ]);
    const s = summarize(r);
    expect(s).toMatchObject({ id: r.id, agency: r.agency, year: r.year, pass: 1, fail: 1, skip: 1, failing: ['apply.row.new'] });
  });
});

describe('recordStatus', () => {
  it('is the one rule of a record’s status: legacy partial, no tables, then as a table’s verdict', () => {
    const pass = check('a', 'pass', [], []);
    expect(recordStatus('legacy', 3, [pass])).toBe('partial');
    expect(recordStatus('2021', 0, [])).toBe('no-tables');
    expect(recordStatus('2021', 3, [pass, check('b', 'fail', [], [])])).toBe('errors');
    expect(recordStatus('2019', 3, [pass, check('b', 'skip', [], [])])).toBe('partial');
    expect(recordStatus('2019', 3, [])).toBe('partial');
    expect(recordStatus('2019', 3, [pass])).toBe('ok');
  });
});

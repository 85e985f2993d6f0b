/**
 * The wide exports' research columns (issue 12 item 5): exact values, rates rounded to 4 places, blanks where a
 * denominator is 0 or a value is null, failing checks counted by family — in the wide CSV and the XLSX alike.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Check, ReportRecord } from '../../../lib/core/record';
import { toCsvWide } from '../../../lib/export/csv';
import { RESEARCH_HEADER, rate, researchCells } from '../../../lib/export/research';
import { WIDE_HEADER } from '../../../lib/export/rows';
import { toXlsx } from '../../../lib/export/xlsx';
import { parseCsv } from '../../support/csv';
import { makeRecord } from '../../support/records';

const check = (id: string, status: Check['status'], diff: number | null = 0): Check => ({
  id,
  status,
  lhs: diff,
  rhs: 0,
  diff,
  lhsKeys: [],
  rhsKeys: [],
});

const VALUES: ReportRecord['values'] = {
  'apply.result.total.total': 300,
  'apply.result.disclosed.total': 100,
  'apply.result.partial.total': 50,
  'apply.result.withheld.state_secret.total': 3,
  'apply.result.withheld.third_party.total': 4,
  'apply.result.unavailable.not_held.total': 70,
  'apply.result.unavailable.unclear.total': 0,
  'apply.result.rejected.petition.total': 11,
  'apply.result.rejected.duplicate.total': 1,
  'review.corrected': 2,
  'review.total': 6,
  'suit.direct.corrected': 1,
  'suit.direct.total': 4,
  'suit.after_review.corrected': 0,
  'suit.after_review.total': 3,
};

const research = makeRecord({
  n: 1,
  publishedAt: '2022-02-03',
  source: { kind: 'docx', url: 'http://www.a.gov.cn/1.docx' },
  collectedFrom: 'http://www.a.gov.cn/nb/',
  changedAfterFirstSeen: true,
  values: VALUES,
  cells: {},
  checks: [
    check('apply.balance.total', 'fail', 2),
    check('review.sum', 'fail', 1),
    check('text.apply.new', 'fail', 3),
    check('text.review.total', 'pass'),
    check('xyear.carried_over.total', 'fail', -1),
    check('meta.deadline', 'fail', 3),
    check('meta.template', 'pass'),
  ],
});

const cells = (r: ReportRecord) => Object.fromEntries(RESEARCH_HEADER.map((h, i) => [h, researchCells(r)[i]]));

describe('research columns', () => {
  it('say when and where the report came from and compute the rates', () => {
    expect(cells(research)).toEqual({
      published_at: '2022-02-03',
      days_late: 3,
      source_kind: 'docx',
      collected_from: 'http://www.a.gov.cn/nb/',
      changed_after_first_seen: 1,
      rate_disclosed: 0.5, // (100 + 50) / 300
      rate_withheld: 0.0233, // 7 / 300
      rate_unavailable: 0.2333, // 70 / 300
      rate_rejected: 0.04, // 12 / 300
      rate_review_corrected: 0.3333, // 2 / 6
      rate_suit_corrected: 0.1429, // (1 + 0) / (4 + 3)
      failing_table: 2,
      failing_text: 1,
      failing_xyear: 1,
      failing_meta: 1,
    });
  });

  it('are blank on a zero denominator, a null value, a skipped deadline, and for what a record lacks', () => {
    const r = makeRecord({
      n: 2,
      values: { ...VALUES, 'apply.result.total.total': 0, 'review.corrected': null, 'suit.direct.total': 0, 'suit.after_review.total': 0 },
      cells: {},
      checks: [{ ...check('meta.deadline', 'skip', null), reason: '未找到发布日期' }],
    });
    expect(cells(r)).toMatchObject({
      published_at: null,
      days_late: null,
      source_kind: null,
      collected_from: null,
      changed_after_first_seen: 0,
      rate_disclosed: null,
      rate_withheld: null,
      rate_unavailable: null,
      rate_rejected: null,
      rate_review_corrected: null,
      rate_suit_corrected: null,
      failing_meta: 0,
    });
    // an early publication is a negative number of days; a null withheld reason blanks that rate only
    const early = makeRecord({
      n: 3,
      values: { ...VALUES, 'apply.result.withheld.third_party.total': null },
      checks: [check('meta.deadline', 'pass', -20)],
    });
    expect(cells(early)).toMatchObject({ days_late: -20, rate_withheld: null, rate_disclosed: 0.5 });
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 5)).toBe(0);
  });

  it('follow the metadata in the wide CSV, numbers as numbers', async () => {
    const rows = parseCsv((await toCsvWide([research], { yieldFn: async () => {} })).slice(1));
    const at = (h: string) => rows[1][WIDE_HEADER.indexOf(h)];
    expect(WIDE_HEADER.indexOf('published_at')).toBe(WIDE_HEADER.indexOf('skip') + 1);
    expect(WIDE_HEADER.indexOf('failing_meta') + 1).toBe(WIDE_HEADER.indexOf('active.regulations.issued'));
    expect([at('published_at'), at('days_late'), at('source_kind'), at('changed_after_first_seen')]).toEqual([
      '2022-02-03',
      '3',
      'docx',
      '1',
    ]);
    expect([at('rate_disclosed'), at('rate_withheld'), at('rate_suit_corrected')]).toEqual(['0.5', '0.0233', '0.1429']);
    expect([at('failing_table'), at('failing_text'), at('failing_xyear'), at('failing_meta')]).toEqual(['2', '1', '1', '1']);
    expect(at('failing_checks')).toBe('apply.balance.total review.sum text.apply.new xyear.carried_over.total meta.deadline');
  });

  it('are typed in the XLSX reports sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx([research], { yieldFn: async () => {} })) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('reports')!;
    const cell = (h: string) => sheet.getRow(2).getCell(WIDE_HEADER.indexOf(h) + 1).value;
    expect(sheet.getRow(1).getCell(WIDE_HEADER.indexOf('rate_disclosed') + 1).value).toBe('rate_disclosed');
    expect(cell('published_at')).toBe('2022-02-03');
    expect(cell('days_late')).toBe(3);
    expect(cell('rate_review_corrected')).toBe(0.3333);
    expect(cell('collected_from')).toBe('http://www.a.gov.cn/nb/');
    expect(cell('failing_xyear')).toBe(1);
  });
});

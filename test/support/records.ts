import { EXTRACTOR_VERSION, RecordSchema, type Check, type ReportRecord } from '../../lib/core/record';

/** A small factory of RecordSchema-valid records for the UI/export/db tests. */
export function makeRecord(over: Partial<ReportRecord> & { n?: number } = {}): ReportRecord {
  const n = over.n ?? 1;
  const { n: _n, ...rest } = over;
  const values: Record<string, number | null> = {
    'apply.new.natural': 10 + n,
    'apply.new.total': 12 + n,
    'apply.carried_over.total': 0,
    'active.fees.amount': 55014.55,
    'active.licensing.change': -223,
    'review.total': null,
  };
  const checks: Check[] = [
    {
      id: 'apply.row.new',
      status: 'fail',
      lhs: 10 + n,
      rhs: 12 + n,
      diff: -2,
      lhsKeys: ['apply.new.natural'],
      rhsKeys: ['apply.new.total'],
    },
    {
      id: 'apply.balance.total',
      status: 'pass',
      lhs: 12,
      rhs: 12,
      diff: 0,
      lhsKeys: ['apply.new.total'],
      rhsKeys: ['apply.result.total.total'],
    },
    { id: 'review.sum', status: 'skip', lhs: null, rhs: null, diff: null, lhsKeys: [], rhsKeys: ['review.total'], reason: '缺少总计' },
  ];
  const record: ReportRecord = {
    id: `r${String(n).padStart(6, '0')}`,
    url: `http://www.example${n}.gov.cn/zwgk/${n}.html`,
    title: `示例县人民政府${2021 + (n % 3)}年政府信息公开工作年度报告`,
    agency: `示例县${n}人民政府`,
    year: 2021 + (n % 3),
    format: '2021',
    isReport: true,
    tables: 3,
    status: 'errors',
    values,
    cells: {
      'apply.new.natural': { raw: `${10 + n}件`, table: 1, row: 2, col: 3, blank: false },
      'active.licensing.change': { raw: '-223', table: 0, row: 4, col: 2, blank: false },
      'apply.carried_over.total': { raw: '—', table: 1, row: 3, col: 9, blank: true },
    },
    checks,
    unmapped: [],
    problems: [],
    notes: [],
    contentHash: `hash${n}`,
    firstSavedAt: null,
    savedAt: null,
    extractorVersion: EXTRACTOR_VERSION,
    ...rest,
  };
  return RecordSchema.parse(record);
}

export function makeRecords(count: number): ReportRecord[] {
  return Array.from({ length: count }, (_, i) => makeRecord({ n: i + 1 }));
}

import { describe, expect, it } from 'vitest';
import { summarize } from '../../../lib/db/database';
import { DEFAULT_QUERY, PAGE_SIZE, queryHistory } from '../../../lib/ui/history-query';
import { makeRecord, makeRecords } from '../../support/records';

describe('queryHistory', () => {
  const all = makeRecords(10_000).map((r, i) => ({ ...summarize(r), savedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString() }));

  it('pages 10,000 rows by 100, newest first, quickly', () => {
    const t0 = performance.now();
    const view = queryHistory(all, DEFAULT_QUERY);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(view.rows.length).toBe(PAGE_SIZE);
    expect(view.pages).toBe(100);
    expect(view.rows[0].id).toBe('r010000');
    expect(view.years).toEqual([2023, 2022, 2021]);
  });

  it('filters by text over agency, title and url, and by year/edition/status', () => {
    expect(queryHistory(all, { ...DEFAULT_QUERY, text: '示例县42人民' }).matched).toBe(1);
    expect(queryHistory(all, { ...DEFAULT_QUERY, text: 'WWW.EXAMPLE7.gov' }).rows[0].id).toBe('r000007');
    expect(queryHistory(all, { ...DEFAULT_QUERY, year: '2022' }).matched).toBe(3334);
    expect(queryHistory(all, { ...DEFAULT_QUERY, format: '2019' }).matched).toBe(0);
    expect(queryHistory(all, { ...DEFAULT_QUERY, status: 'errors', page: 999 }).page).toBe(99);
  });

  it('sorts by a column both ways, nulls last', () => {
    const rows = [summarize(makeRecord({ n: 1, year: null })), summarize(makeRecord({ n: 2 })), summarize(makeRecord({ n: 3 }))];
    expect(queryHistory(rows, { ...DEFAULT_QUERY, sort: 'year', desc: false }).rows.map((r) => r.year)).toEqual([2021, 2023, null]);
    expect(queryHistory(rows, { ...DEFAULT_QUERY, sort: 'year', desc: true }).rows.map((r) => r.year)).toEqual([2023, 2021, null]);
  });

  it('filters by the listing a collection took the reports from (SPEC §9), and lists those listings', () => {
    const A = 'http://www.a.gov.cn/nb/';
    const B = 'http://www.b.gov.cn/nb/';
    const rows = [
      summarize({ ...makeRecord({ n: 1 }), collectedFrom: A }),
      summarize({ ...makeRecord({ n: 2 }), collectedFrom: B }),
      summarize({ ...makeRecord({ n: 3 }), collectedFrom: A }),
      summarize(makeRecord({ n: 4 })),
    ];
    const view = queryHistory(rows, { ...DEFAULT_QUERY, collectedFrom: A });
    expect(view.matched).toBe(2);
    expect(view.rows.every((r) => r.collectedFrom === A)).toBe(true);
    expect(view.listings).toEqual([A, B]);
    expect(queryHistory(rows, DEFAULT_QUERY).matched).toBe(4);
  });
});

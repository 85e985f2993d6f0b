import type { ReportSummary } from './db';

/** Filtering, sorting and paging of the history table — in memory, over the small summary rows. */
export interface HistoryQuery {
  text: string;
  year: string;
  format: string;
  status: string;
  sort: SortKey;
  desc: boolean;
  page: number;
}

export type SortKey = 'agency' | 'year' | 'format' | 'status' | 'fail' | 'savedAt';

export const PAGE_SIZE = 100;

export const DEFAULT_QUERY: HistoryQuery = { text: '', year: '', format: '', status: '', sort: 'savedAt', desc: true, page: 0 };

export function filterSummaries(rows: readonly ReportSummary[], q: HistoryQuery): ReportSummary[] {
  const needle = q.text.trim().toLowerCase();
  const year = q.year ? Number(q.year) : null;
  return rows.filter(
    (r) =>
      (!needle || `${r.agency ?? ''}\n${r.title}\n${r.url}`.toLowerCase().includes(needle)) &&
      (year === null || r.year === year) &&
      (!q.format || r.format === q.format) &&
      (!q.status || r.status === q.status),
  );
}

export function sortSummaries(rows: ReportSummary[], sort: SortKey, desc: boolean): ReportSummary[] {
  const collator = new Intl.Collator('zh-CN');
  const dir = desc ? -1 : 1;
  return rows.sort((a, b) => {
    const x = a[sort];
    const y = b[sort];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c * dir;
  });
}

export interface HistoryPage {
  rows: ReportSummary[];
  /** rows after filtering */
  matched: number;
  pages: number;
  page: number;
  years: number[];
}

export function queryHistory(all: readonly ReportSummary[], q: HistoryQuery): HistoryPage {
  const matched = sortSummaries(filterSummaries(all, q), q.sort, q.desc);
  const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, q.page), pages - 1);
  const years = [...new Set(all.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  return { rows: matched.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), matched: matched.length, pages, page, years };
}

import type { ReportSummary } from '../db/database';

/** Filtering, sorting and paging of the history table — in memory, over the small summary rows. */
export interface HistoryQuery {
  text: string;
  year: string;
  format: string;
  status: string;
  /** the listing a collection took the reports from (SPEC §9); '' for all */
  collectedFrom: string;
  sort: SortKey;
  desc: boolean;
  page: number;
}

export type SortKey = 'agency' | 'year' | 'format' | 'status' | 'fail' | 'savedAt';

export const PAGE_SIZE = 100;

export const DEFAULT_QUERY: HistoryQuery = {
  text: '',
  year: '',
  format: '',
  status: '',
  collectedFrom: '',
  sort: 'savedAt',
  desc: true,
  page: 0,
};

/** The lower-cased text a search looks in, built once per summary row (rows are immutable snapshots). */
const haystacks = new WeakMap<ReportSummary, string>();
function haystackOf(r: ReportSummary): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    h = `${r.agency ?? ''}\n${r.title}\n${r.url}`.toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

export function filterSummaries(rows: readonly ReportSummary[], q: HistoryQuery): ReportSummary[] {
  const needle = q.text.trim().toLowerCase();
  const year = q.year ? Number(q.year) : null;
  if (!needle && year === null && !q.format && !q.status && !q.collectedFrom) return rows.slice();
  return rows.filter(
    (r) =>
      (!needle || haystackOf(r).includes(needle)) &&
      (year === null || r.year === year) &&
      (!q.format || r.format === q.format) &&
      (!q.status || r.status === q.status) &&
      (!q.collectedFrom || r.collectedFrom === q.collectedFrom),
  );
}

let collator: Intl.Collator | undefined;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts in place: numbers by value, the agency by the Chinese collation, the other text columns (ISO
 * times, edition and status codes) by code unit — the same order, and far cheaper than a collator over
 * 10,000 rows. Nulls last both ways; ties by id in the sort's direction (the order of a walk of an
 * index, so a first page read from the `savedAt` index matches the full sort).
 */
export function sortSummaries(rows: ReportSummary[], sort: SortKey, desc: boolean): ReportSummary[] {
  const dir = desc ? -1 : 1;
  const cmpText = sort === 'agency' ? (collator ??= new Intl.Collator('zh-CN')).compare : byCodeUnit;
  const byId = (a: ReportSummary, b: ReportSummary) => byCodeUnit(a.id, b.id) * dir;
  return rows.sort((a, b) => {
    const x = a[sort];
    const y = b[sort];
    if (x === y) return byId(a, b);
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : cmpText(String(x), String(y));
    return c === 0 ? byId(a, b) : c * dir;
  });
}

export interface HistoryPage {
  rows: ReportSummary[];
  /** rows after filtering */
  matched: number;
  pages: number;
  page: number;
  years: number[];
  /** the listings the history's reports were collected from, for the filter */
  listings: string[];
}

export function queryHistory(all: readonly ReportSummary[], q: HistoryQuery): HistoryPage {
  const matched = sortSummaries(filterSummaries(all, q), q.sort, q.desc);
  const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, q.page), pages - 1);
  const years = [...new Set(all.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const listings = [...new Set(all.map((r) => r.collectedFrom).filter((u): u is string => !!u))].sort();
  return { rows: matched.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), matched: matched.length, pages, page, years, listings };
}

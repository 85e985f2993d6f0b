import { useEffect, useState } from 'preact/hooks';
import { db, type ReportSummary } from '@/lib/db/database';
import { PAGE_SIZE } from '@/lib/ui/history-query';

export interface FirstPage {
  rows: ReportSummary[];
  total: number;
}

/**
 * The newest PAGE_SIZE summaries, read straight from the `savedAt` index, and the row count: what the
 * history shows before the full list (every summary, needed to search, filter and sort) has loaded.
 * With 10,000 reports the full list takes a few hundred ms to read; this takes a few. Read once; the
 * live full list replaces it. `undefined` while reading; `null` when the read failed or would not be the
 * first page of the default view (summaries without a save time are not in the index; the default sort
 * puts them last).
 */
export function useFirstPage(): FirstPage | null | undefined {
  const [first, setFirst] = useState<FirstPage | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    db.transaction('r', db.summaries, async () => {
      const rows = await db.summaries.orderBy('savedAt').reverse().limit(PAGE_SIZE).toArray();
      const total = await db.summaries.count();
      return rows.length === Math.min(PAGE_SIZE, total) ? { rows, total } : null;
    })
      .catch(() => null)
      .then((page) => live && setFirst(page));
    return () => {
      live = false;
    };
  }, []);
  return first;
}

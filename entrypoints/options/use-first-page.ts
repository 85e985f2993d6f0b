import { useEffect, useState } from 'preact/hooks';
import type { ReportSummary } from '@/lib/db/database';
import { readFirstPage } from '@/lib/db/first-page';
import { PAGE_SIZE } from '@/lib/ui/history-query';

export interface FirstPage {
  rows: ReportSummary[];
  /** the row count; undefined until it is read (it follows the rows) */
  total: number | undefined;
}

/** The first page as it is read: `current` (undefined while reading, null when it cannot be had), and changes. */
export interface FirstPageSource {
  current: FirstPage | null | undefined;
  subscribe(listener: (page: FirstPage | null | undefined) => void): () => void;
}

/**
 * Starts reading the newest PAGE_SIZE summaries and the row count: what the history shows before the full
 * list (every summary, needed to search, filter and sort) has loaded — with 10,000 reports the full list
 * takes a few hundred ms to read, this a few. main.tsx starts it before the page's code has loaded: the
 * rows come from IndexedDB directly (lib/db/first-page.ts, no wait for Dexie's open and its stale-check),
 * then the count; through Dexie when that read cannot vouch for its rows. The result is null when the
 * read failed or would not be the first page of the default view (summaries without a save time are not
 * in the `savedAt` index; the default sort puts them last).
 */
export function loadFirstPage(): FirstPageSource {
  const listeners = new Set<(page: FirstPage | null | undefined) => void>();
  const source: FirstPageSource = {
    current: undefined,
    subscribe(listener) {
      listeners.add(listener);
      listener(source.current);
      return () => listeners.delete(listener);
    },
  };
  const show = (page: FirstPage | null) => {
    if (source.current === undefined) performance.mark('nianbao:first-page');
    source.current = page;
    for (const l of listeners) l(page);
  };
  const whole = (rows: ReportSummary[], total: number) => (rows.length === Math.min(PAGE_SIZE, total) ? { rows, total } : null);
  (async () => {
    const direct = await readFirstPage(PAGE_SIZE).catch(() => null);
    if (direct && direct.rows.length === PAGE_SIZE) {
      // a full page is the first page whatever the count: the rows now, the count when it comes
      show({ rows: direct.rows, total: undefined });
      const total = await direct.total.catch(() => undefined);
      if (total !== undefined) show({ rows: direct.rows, total });
      return;
    }
    if (direct) return show(whole(direct.rows, await direct.total));
    const { db } = await import('@/lib/db/database');
    show(
      await db.transaction('r', db.summaries, async () => {
        const rows = await db.summaries.orderBy('savedAt').reverse().limit(PAGE_SIZE).toArray();
        return whole(rows, await db.summaries.count());
      }),
    );
  })().catch(() => show(null));
  return source;
}

/** The first page from `source`, as state. Read once; the live full list replaces it. */
export function useFirstPage(source: FirstPageSource): FirstPage | null | undefined {
  const [first, setFirst] = useState(source.current);
  useEffect(() => source.subscribe(setFirst), [source]);
  return first;
}

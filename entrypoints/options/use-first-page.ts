import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { ReportSummary } from '@/lib/db/database';
import { takeFirstPageRead } from '@/lib/db/first-page';
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
    const direct = await takeFirstPageRead(PAGE_SIZE).catch(() => null);
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

/**
 * The first page from `source`, as state. Read once; the live full list replaces it. Subscribed in a layout
 * effect, not a plain one: a plain effect waits for the first frame to be painted, so rows read before it
 * would wait for it too and come in a second frame (a second layout of the whole page).
 */
export function useFirstPage(source: FirstPageSource): FirstPage | null | undefined {
  const [first, setFirst] = useState(source.current);
  useLayoutEffect(() => source.subscribe(setFirst), [source]);
  return first;
}

let rowsMarked = false;
/**
 * User Timing marks of the first history rows on screen, once: `nianbao:rows-dom` when they are in the
 * document, `nianbao:rows-frame` in the next animation frame — the page's own reading of what the bench's
 * first-paint poll looks for (test/bench/profile-history.ts shows both).
 */
export function useFirstRowsMark(rows: number): void {
  useLayoutEffect(() => {
    if (rowsMarked || rows === 0) return;
    rowsMarked = true;
    performance.mark('nianbao:rows-dom');
    requestAnimationFrame(() => performance.mark('nianbao:rows-frame'));
  }, [rows]);
}

/** rows that fill the first screen of the history (about 20 show at 900 px; a tall screen shows more) */
const FIRST_SCREEN = 40;

/**
 * How many rows to render: the first time rows come in, a screenful, and every row once that frame is
 * painted (effects run after the paint) — the rows below the fold do not hold up the first paint.
 */
export function useFirstScreenLimit(rows: number): number | undefined {
  const [whole, setWhole] = useState(false);
  useEffect(() => {
    if (rows > 0) setWhole(true);
  }, [rows > 0]);
  return whole ? undefined : FIRST_SCREEN;
}

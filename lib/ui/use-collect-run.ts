import { db } from '../db/database';
import { latestRunOf, runItems } from '../db/collect-store';
import { hash53 } from '../core/hash';
import type { CollectItem, CollectRun } from '../protocol/collect';
import { useLiveQuery } from './use-live-query';

/**
 * The collector page's live view of the database (SPEC §9): the listing's latest run and its items (statuses
 * change as the background works), and which addresses already have a saved record (`r` + hash53 of the
 * address, the record id of a page saved under it).
 */
export function useCollectRun(listingUrl: string | null): { run: CollectRun | null | undefined; items: CollectItem[] | undefined } {
  const run = useLiveQuery(async () => (listingUrl ? ((await latestRunOf(listingUrl)) ?? null) : null), [listingUrl]);
  const items = useLiveQuery(async () => (run ? runItems(run.id).toArray() : []), [run?.id]);
  return { run, items };
}

export const recordIdOf = (url: string) => `r${hash53(url.replace(/#.*$/, ''))}`;

/** The addresses among `urls` whose record is in the history. */
export function useSavedUrls(urls: readonly string[]): Set<string> {
  const key = urls.join('\n');
  const saved = useLiveQuery(async () => {
    const ids = urls.map(recordIdOf);
    const rows = await db.summaries.bulkGet(ids);
    return new Set(urls.filter((_, i) => rows[i]));
  }, [key]);
  return saved ?? new Set();
}

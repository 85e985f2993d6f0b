import { useEffect, useState } from 'preact/hooks';

/**
 * A Preact hook over Dexie's liveQuery: re-runs `query` whenever the tables it read change. Dexie is
 * imported when the first query starts, not with the page: the options page paints its first rows
 * before Dexie (and zod, which comes with the database module) has loaded.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let sub: { unsubscribe(): void } | undefined;
    let live = true;
    void import('dexie').then(({ liveQuery }) => {
      if (!live) return;
      sub = liveQuery(query).subscribe({
        next: setValue,
        error: (e) => console.warn('[nianbao-lens] live query failed:', e),
      });
    });
    return () => {
      live = false;
      sub?.unsubscribe();
    };
  }, deps);
  return value;
}

import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** A Preact hook over Dexie's liveQuery: re-runs `query` whenever the tables it read change. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: setValue,
      error: (e) => console.warn('[nianbao-lens] live query failed:', e),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

import { useEffect, useState } from 'preact/hooks';
import type { ReportSummary } from '@/lib/db/database';

/** The checked rows of the history; ids that disappear (deleted elsewhere) drop out. */
export function useSelection(all: ReportSummary[] | undefined) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!all) return;
    const ids = new Set(all.map((r) => r.id));
    setSelected((s) => ([...s].every((id) => ids.has(id)) ? s : new Set([...s].filter((id) => ids.has(id)))));
  }, [all]);
  return {
    selected,
    toggle: (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setMany: (ids: string[], on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    clear: () => setSelected(new Set()),
  };
}

import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/ui';
import type { ExportKind, ExportScope } from './run-export';

const PROGRESS_EVERY_MS = 200;

/** State of the export buttons: progress while running, then a message. */
export function useExport(t: Translate, scope?: () => ExportScope | Promise<ExportScope>) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const start = async (kind: ExportKind) => {
    setMessage(null);
    setProgress({ done: 0, total: 0 });
    try {
      // the writers (CSV, XLSX, JSON) load on the first export, not with the page: a faster first paint
      const { runExport } = await import('./run-export');
      let zippedRows: number | undefined;
      // at most ~5 progress updates a second: each re-renders the page (the history's 100 rows), and one per
      // 200 reports was ~40 % of a long export's time on the page's thread
      let shown = 0;
      const onProgress = (done: number, total: number) => {
        const now = performance.now();
        if (now - shown < PROGRESS_EVERY_MS && done < total) return;
        shown = now;
        setProgress({ done, total });
      };
      const count = await runExport(kind, onProgress, (rows) => (zippedRows = rows), scope ? await scope() : undefined);
      setMessage(zippedRows === undefined ? t('exported', { count }) : t('exportedLongZip', { rows: zippedRows }));
    } catch (e) {
      setMessage(`✗ ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  };
  return { progress, message, start };
}

import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/ui';
import type { ExportKind, ExportScope } from './run-export';

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
      const count = await runExport(kind, (done, total) => setProgress({ done, total }), scope ? await scope() : undefined);
      setMessage(t('exported', { count }));
    } catch (e) {
      setMessage(`✗ ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  };
  return { progress, message, start };
}

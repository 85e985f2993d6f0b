import type { ExportKind } from '@/lib/ui/run-export';
import { useT } from './i18n-context';

export interface ExportProgress {
  done: number;
  total: number;
}

interface Props {
  onExport: (kind: ExportKind) => void;
  /** set while an export runs (buttons are disabled) */
  progress: ExportProgress | null;
  /** the last outcome, e.g. "已导出 12 份" or an error */
  message?: string | null;
  disabled?: boolean;
}

const BUTTONS: { kind: ExportKind; testid: string; label: 'exportJson' | 'exportCsv' | 'exportCsvWide' | 'exportXlsx' }[] = [
  { kind: 'json', testid: 'export-json', label: 'exportJson' },
  { kind: 'csv', testid: 'export-csv', label: 'exportCsv' },
  { kind: 'csv-wide', testid: 'export-csv-wide', label: 'exportCsvWide' },
  { kind: 'xlsx', testid: 'export-xlsx', label: 'exportXlsx' },
];

/** The four export buttons and the progress of a running export. */
export function ExportBar({ onExport, progress, message, disabled }: Props) {
  const t = useT();
  return (
    <div class="export-bar">
      <div class="buttons">
        {BUTTONS.map((b) => (
          <button
            type="button"
            key={b.kind}
            data-testid={b.testid}
            disabled={disabled || progress !== null}
            onClick={() => onExport(b.kind)}
          >
            {t(b.label)}
          </button>
        ))}
      </div>
      {progress && (
        <div class="progress" data-testid="export-progress" role="status">
          <progress max={progress.total || 1} value={progress.done} />
          <span>{t('exporting', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {!progress && message && (
        <p class="muted" role="status" data-testid="export-message">
          {message}
        </p>
      )}
    </div>
  );
}

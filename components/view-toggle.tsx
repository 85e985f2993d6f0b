import { historyWords } from '@/lib/i18n/history-words';
import { useT } from './i18n-context';

export type HistoryView = 'table' | 'panel';

/** 表格 / 面板: the history as a table of reports, or as a panel of agencies × years. */
export function ViewToggle({ view, onChange }: { view: HistoryView; onChange: (view: HistoryView) => void }) {
  const w = historyWords(useT().lang);
  return (
    <div class="view-toggle" role="tablist" aria-label={w.views}>
      {(['table', 'panel'] as const).map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          data-testid={v === 'table' ? 'view-table' : 'view-panel'}
          aria-selected={view === v}
          class={view === v ? 'primary' : undefined}
          onClick={() => onChange(v)}
        >
          {v === 'table' ? w.viewTable : w.viewPanel}
        </button>
      ))}
    </div>
  );
}

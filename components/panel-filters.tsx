import type { PanelFilter } from '@/lib/ui/history-panel';
import { historyWords } from '@/lib/i18n/history-words';
import { useT } from './i18n-context';

const FORMATS = ['2021', '2019', 'legacy', 'unknown'] as const;
const STATUSES = ['errors', 'ok', 'partial', 'no-tables'] as const;

interface Props {
  filter: PanelFilter;
  /** the check ids the history has failing (the check box's suggestions) */
  checks: string[];
  onChange: (patch: Partial<PanelFilter>) => void;
}

/** The panel's filters: region or agency (substring), edition, status, and a failing check's id prefix. */
export function PanelFilters({ filter, checks, onChange }: Props) {
  const t = useT();
  const w = historyWords(t.lang);
  return (
    <div class="filters">
      <input
        type="search"
        data-testid="panel-filter-region"
        placeholder={w.region}
        aria-label={w.region}
        value={filter.region}
        onInput={(e) => onChange({ region: e.currentTarget.value })}
      />
      <select
        data-testid="panel-filter-format"
        aria-label={t('edition')}
        value={filter.format}
        onChange={(e) => onChange({ format: e.currentTarget.value })}
      >
        <option value="">{w.allFormats}</option>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`format_${f}`)}
          </option>
        ))}
      </select>
      <select
        data-testid="panel-filter-status"
        aria-label={t('status')}
        value={filter.status}
        onChange={(e) => onChange({ status: e.currentTarget.value })}
      >
        <option value="">{w.allStatuses}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status_${s}`)}
          </option>
        ))}
      </select>
      <input
        type="search"
        class="check-filter"
        data-testid="panel-filter-check"
        list="panel-check-ids"
        placeholder={w.checkPrefix}
        aria-label={w.checkPrefix}
        value={filter.check}
        onInput={(e) => onChange({ check: e.currentTarget.value })}
      />
      <datalist id="panel-check-ids">
        {checks.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </div>
  );
}

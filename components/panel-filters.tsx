import type { PanelFilter } from '@/lib/ui/history-panel';
import { historyWords } from '@/lib/i18n/history-words';
import { ChoiceSelect, EDITIONS, STATUSES } from './choice-select';
import { useT } from './i18n-context';

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
      <ChoiceSelect
        testid="panel-filter-format"
        label={t('edition')}
        value={filter.format}
        all={w.allFormats}
        choices={EDITIONS}
        labelOf={(f) => t(`format_${f}`)}
        onChange={(format) => onChange({ format })}
      />
      <ChoiceSelect
        testid="panel-filter-status"
        label={t('status')}
        value={filter.status}
        all={w.allStatuses}
        choices={STATUSES}
        labelOf={(s) => t(`status_${s}`)}
        onChange={(status) => onChange({ status })}
      />
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

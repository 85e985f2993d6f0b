import type { HistoryQuery } from '@/lib/ui/history-query';
import { ChoiceSelect, EDITIONS, STATUSES } from './choice-select';
import { useT } from './i18n-context';

interface Props {
  query: HistoryQuery;
  years: number[];
  /** the listings collections took reports from (SPEC §9); the filter shows when there is one */
  listings?: string[];
  onChange: (patch: Partial<HistoryQuery>) => void;
}

/** Search box and the year / edition / status filters of the history. */
export function HistoryFilters({ query, years, listings = [], onChange }: Props) {
  const t = useT();
  return (
    <div class="filters">
      <input
        type="search"
        data-testid="search"
        placeholder={t('search')}
        aria-label={t('search')}
        value={query.text}
        onInput={(e) => onChange({ text: e.currentTarget.value, page: 0 })}
      />
      <select
        data-testid="filter-year"
        aria-label={t('year')}
        value={query.year}
        onChange={(e) => onChange({ year: e.currentTarget.value, page: 0 })}
      >
        <option value="">{t('allYears')}</option>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
      <ChoiceSelect
        testid="filter-edition"
        label={t('edition')}
        value={query.format}
        all={t('allEditions')}
        choices={EDITIONS}
        labelOf={(f) => t(`format_${f}`)}
        onChange={(format) => onChange({ format, page: 0 })}
      />
      <ChoiceSelect
        testid="filter-status"
        label={t('status')}
        value={query.status}
        all={t('allStatuses')}
        choices={STATUSES}
        labelOf={(s) => t(`status_${s}`)}
        onChange={(status) => onChange({ status, page: 0 })}
      />
      {listings.length > 0 && (
        <select
          data-testid="filter-collected"
          aria-label={t('allListings')}
          value={query.collectedFrom}
          onChange={(e) => onChange({ collectedFrom: e.currentTarget.value, page: 0 })}
        >
          <option value="">{t('allListings')}</option>
          {listings.map((u) => (
            <option key={u} value={u}>
              {u.replace(/^https?:\/\//, '')}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

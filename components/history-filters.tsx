import type { HistoryQuery } from '@/lib/ui/history-query';
import { useT } from './i18n-context';

interface Props {
  query: HistoryQuery;
  years: number[];
  /** the listings collections took reports from (SPEC §9); the filter shows when there is one */
  listings?: string[];
  onChange: (patch: Partial<HistoryQuery>) => void;
}

const FORMATS = ['2021', '2019', 'legacy', 'unknown'] as const;
const STATUSES = ['errors', 'ok', 'partial', 'no-tables'] as const;

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
      <select
        data-testid="filter-edition"
        aria-label={t('edition')}
        value={query.format}
        onChange={(e) => onChange({ format: e.currentTarget.value, page: 0 })}
      >
        <option value="">{t('allEditions')}</option>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`format_${f}`)}
          </option>
        ))}
      </select>
      <select
        data-testid="filter-status"
        aria-label={t('status')}
        value={query.status}
        onChange={(e) => onChange({ status: e.currentTarget.value, page: 0 })}
      >
        <option value="">{t('allStatuses')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status_${s}`)}
          </option>
        ))}
      </select>
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

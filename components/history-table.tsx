import type { ReportSummary } from '@/lib/core/summary';
import type { SortKey } from '@/lib/ui/history-query';
import { dateTime, webUrl } from './format';
import { checkName } from '@/lib/i18n/check-words';
import { useT } from './i18n-context';

interface Props {
  rows: ReportSummary[];
  sort: SortKey;
  desc: boolean;
  selected: ReadonlySet<string>;
  onSort: (key: SortKey) => void;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], on: boolean) => void;
  onOpen: (id: string) => void;
  /** render only the first `limit` rows (a first screenful; select-all still takes every row) */
  limit?: number;
}

const COLUMNS: { key: SortKey; label: 'agency' | 'year' | 'edition' | 'status' | 'failing' | 'saved' }[] = [
  { key: 'agency', label: 'agency' },
  { key: 'year', label: 'year' },
  { key: 'format', label: 'edition' },
  { key: 'status', label: 'status' },
  { key: 'fail', label: 'failing' },
  { key: 'savedAt', label: 'saved' },
];

/** One page of the history: sortable headers, a checkbox per row, click a row for its detail. */
export function HistoryTable({ rows, sort, desc, selected, onSort, onToggle, onToggleAll, onOpen, limit }: Props) {
  const t = useT();
  const ids = rows.map((r) => r.id);
  const allOn = ids.length > 0 && ids.every((id) => selected.has(id));
  return (
    <table class="history">
      <thead>
        <tr>
          <th class="select">
            <input type="checkbox" aria-label={t('selectAll')} checked={allOn} onChange={() => onToggleAll(ids, !allOn)} />
          </th>
          {COLUMNS.map((c) => (
            <th key={c.key} aria-sort={sort === c.key ? (desc ? 'descending' : 'ascending') : undefined}>
              <button type="button" class="sort" data-sort={c.key} onClick={() => onSort(c.key)}>
                {t(c.label)} {sort === c.key ? (desc ? '▼' : '▲') : ''}
              </button>
            </th>
          ))}
          <th>{t('link')}</th>
        </tr>
      </thead>
      <tbody>
        {(limit === undefined ? rows : rows.slice(0, limit)).map((r) => (
          <tr key={r.id} data-testid="history-row" data-id={r.id} class={`status-${r.status}`} onClick={() => onOpen(r.id)}>
            <td class="select" onClick={(e) => e.stopPropagation()}>
              <input
                type="checkbox"
                data-testid="select-row"
                aria-label={r.agency ?? r.id}
                checked={selected.has(r.id)}
                onChange={() => onToggle(r.id)}
              />
            </td>
            <td class="agency" title={r.title}>
              <button type="button" class="link row-open">
                {r.agency ?? '—'}
              </button>
            </td>
            <td>{r.year ?? '—'}</td>
            <td>{t(`format_${r.format}`)}</td>
            <td>
              <span class={`pill pill-${r.status}`}>{t(`status_${r.status}`)}</span>
            </td>
            <td class="failing" title={r.failing.map((id) => `${checkName(id, t.lang)}  (${id})`).join('\n')}>
              {r.fail > 0 ? (
                <>
                  <b>{r.fail}</b>{' '}
                  <small>
                    {r.failing
                      .slice(0, 2)
                      .map((id) => checkName(id, t.lang))
                      .join('；')}
                    {r.failing.length > 2 ? ' …' : ''}
                  </small>
                </>
              ) : (
                '0'
              )}
            </td>
            <td class="nowrap">{dateTime(r.savedAt)}</td>
            <td onClick={(e) => e.stopPropagation()}>
              {webUrl(r.url) && (
                <a href={webUrl(r.url)} target="_blank" rel="noopener noreferrer">
                  {t('open')}
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

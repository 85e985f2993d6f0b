import { useState } from 'preact/hooks';
import type { CollectTranslate } from '@/lib/i18n/collect';
import type { ItemStatus } from '@/lib/protocol/collect';
import { webUrl } from './format';

/** One link of a listing (SPEC §9 `collect-item`): before a run its checkbox, during and after it its status. */
export interface CollectRow {
  url: string;
  title: string;
  date: string | null;
  checked: boolean;
  /** the record of this address is in the history already */
  saved: boolean;
  isReport: boolean;
  offSite: boolean;
  status?: ItemStatus;
  reason?: string | null;
  failing?: number;
  fromFile?: boolean;
}

interface Props {
  rows: CollectRow[];
  /** checkboxes are fixed once a run has the items */
  locked: boolean;
  onToggle: (url: string, checked: boolean) => void;
  t: CollectTranslate;
}

/** Rows drawn at first; more on demand (a 5,000-link listing stays responsive). */
const STEP = 1000;

export function CollectList({ rows, locked, onToggle, t }: Props) {
  const [limit, setLimit] = useState(STEP);
  return (
    <>
      <ol class="collect-list">
        {rows.slice(0, limit).map((r) => (
          <li
            key={r.url}
            class={`collect-item${r.status ? ` st-${r.status}` : ''}${r.checked ? '' : ' unchecked'}`}
            data-testid="collect-item"
            data-url={r.url}
            data-status={r.status}
          >
            <input
              type="checkbox"
              checked={r.checked}
              disabled={locked}
              aria-label={r.title}
              onChange={(e) => onToggle(r.url, e.currentTarget.checked)}
            />
            <span class="date">{r.date ?? ''}</span>
            <a class="title" href={webUrl(r.url)} target="_blank" rel="noreferrer" title={r.url}>
              {r.title || r.url}
            </a>
            <span class="tags">
              {!r.isReport && <span class="pill pill-skip">{t('notReportLink')}</span>}
              {r.offSite && <span class="pill pill-skip">{t('offSite')}</span>}
              {r.saved && !r.status && <span class="pill pill-ok">{t('savedBefore')}</span>}
              {r.fromFile && <span class="pill pill-skip">{t('fromFile')}</span>}
              {!!r.failing && <span class="pill pill-fail">{t('failing', { count: r.failing })}</span>}
              {r.status && <span class={`status status-${r.status}`}>{t(`status_${r.status}`)}</span>}
            </span>
            {r.reason && (r.status === 'failed' || r.status === 'not-report' || r.status === 'no-tables') && (
              <span class="reason">{r.reason}</span>
            )}
          </li>
        ))}
      </ol>
      {rows.length > limit && (
        <button type="button" class="link" onClick={() => setLimit(limit + STEP)}>
          {t('more', { count: Math.min(STEP, rows.length - limit) })}
        </button>
      )}
    </>
  );
}

import { keyInfo, type Section } from '@/lib/core/keys';
import type { ReportRecord } from '@/lib/core/record';
import { orderedKeys } from '@/lib/export/rows';
import { CheckTable } from './check-table';
import { ReportVersions } from './report-versions';
import { historyWords } from '@/lib/i18n/history-words';
import { dateTime, num, webUrl } from './format';
import { useT } from './i18n-context';

const SECTIONS: (Section | 'other')[] = ['active', 'apply', 'review', 'other'];

/**
 * Everything saved about one report: metadata, every check (grouped by family), its earlier versions, and the
 * values grouped by section. `onOpenReport` opens another record (the one a cross-year check compared with).
 */
export function ReportDetail({
  record,
  onClose,
  onOpenReport,
}: {
  record: ReportRecord;
  onClose: () => void;
  onOpenReport?: (id: string) => void;
}) {
  const t = useT();
  const w = historyWords(t.lang);
  const keys = orderedKeys(record);
  return (
    <div class="backdrop" onClick={onClose}>
      <article
        class="detail"
        role="dialog"
        aria-modal="true"
        aria-labelledby="detail-title"
        data-testid="report-detail"
        onClick={(e) => e.stopPropagation()}
      >
        <header class="detail-head">
          <h2 id="detail-title">
            {record.agency ?? '—'} {record.year ?? ''}
          </h2>
          <button type="button" data-testid="close-detail" onClick={onClose}>
            {t('close')}
          </button>
        </header>
        <p class="muted">
          {webUrl(record.url) ? (
            <a href={webUrl(record.url)} target="_blank" rel="noopener noreferrer">
              {record.title || record.url}
            </a>
          ) : (
            <span>{record.title || record.url}</span>
          )}
        </p>
        <p class="muted">
          {t('edition')}: {t(`format_${record.format}`)} · {t('status')}: {t(`status_${record.status}`)} · {t('saved')}:{' '}
          {dateTime(record.savedAt)}
          {record.publishedAt && (
            <>
              {' '}
              · {w.published}: <span data-testid="published-at">{record.publishedAt}</span>
            </>
          )}
          {record.changedAfterFirstSeen && (
            <>
              {' '}
              · <b class="changed-mark">✎ {w.changed}</b>
            </>
          )}
        </p>
        <h3>{t('checks')}</h3>
        <CheckTable checks={record.checks} onOpenReport={onOpenReport} />
        <ReportVersions record={record} />
        <h3>{t('values')}</h3>
        {SECTIONS.map((s) => {
          const mine = keys.filter((k) => (keyInfo(k)?.section ?? 'other') === s);
          if (mine.length === 0) return null;
          return (
            <section key={s}>
              <h4>{t(`section_${s}`)}</h4>
              <table class="values">
                <tbody>
                  {mine.map((k) => (
                    <tr key={k}>
                      <td>{keyInfo(k)?.label ?? k}</td>
                      <td class="num">{num(record.values[k])}</td>
                      <td class="raw">{record.cells[k]?.raw ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </article>
    </div>
  );
}

import type { ReportRecord } from '@/lib/core/record';
import { tally } from '@/lib/core/tally';
import { CheckRow } from './check-row';
import { useT } from './i18n-context';

/** What the popup says about the report in the current tab. */
export function ReportSummary({ record, scanMs }: { record: ReportRecord; scanMs?: number }) {
  const t = useT();
  const counts = tally(record.checks);
  const failing = record.checks.filter((c) => c.status === 'fail');
  return (
    <section class="report" data-testid="report-summary" data-status={record.status}>
      <h2 class="report-agency">{record.agency ?? '—'}</h2>
      <dl class="report-meta">
        <dt>{t('year')}</dt>
        <dd>{record.year ?? '—'}</dd>
        <dt>{t('edition')}</dt>
        <dd>{t(`format_${record.format}`)}</dd>
      </dl>
      <p class="counts">
        <span class="count count-pass">
          {t('pass')} {counts.pass}
        </span>
        <span class="count count-fail">
          {t('fail')} {counts.fail}
        </span>
        <span class="count count-skip">
          {t('skip')} {counts.skip}
        </span>
      </p>
      {record.status === 'no-tables' && <p class="note">{t('noTables')}</p>}
      {failing.length > 0 ? (
        <>
          <h3>{t('failingChecks')}</h3>
          <ul class="checks" data-testid="failing-checks">
            {failing.map((c) => (
              <CheckRow key={c.id} check={c} />
            ))}
          </ul>
        </>
      ) : (
        record.status !== 'no-tables' && counts.pass > 0 && <p class="ok">{t('allPass')}</p>
      )}
      {scanMs !== undefined && <p class="muted">{t('scanMs', { ms: Math.round(scanMs) })}</p>}
    </section>
  );
}

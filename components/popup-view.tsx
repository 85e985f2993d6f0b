import type { ComponentChildren } from 'preact';
import type { TabState } from '@/lib/protocol/messages';
import { clockTime } from './format';
import { useT } from './i18n-context';
import { ReportSummary } from './report-summary';

interface Props {
  /** the current tab's state; null when the page was not checked */
  state: TabState | null;
  savedCount: number | null;
  saving: boolean;
  onSave: () => void;
  onOpenOptions: () => void;
  /** the export buttons */
  exportBar: ComponentChildren;
  /** the tab shows a report file (PDF/DOCX, SPEC §8): its kind, and the action that checks it */
  fileTab?: { kind: string; onCheck: () => void } | null;
  /** the page links ≥ 2 reports (SPEC §9): how many, and the action that opens the collector */
  collect?: { count: number; onOpen: () => void } | null;
}

/** The popup: the current page, its save state, and the saved collection. */
export function PopupView({ state, savedCount, saving, onSave, onOpenOptions, exportBar, fileTab, collect }: Props) {
  const t = useT();
  const outcome = state?.outcome;
  // the further reports of a 年报汇编 (SPEC §5: one record each), after the first
  const more = (outcome?.isReport && state?.more) || [];
  return (
    <main class="popup">
      <header class="popup-head">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('appName')}</h1>
      </header>
      <section class="current" data-testid="current-page">
        {fileTab && (
          <div class="file-tab">
            <p class="muted">{t('checkFileHint')}</p>
            <button type="button" class="primary" data-testid="check-file" onClick={fileTab.onCheck}>
              {t('checkFile', { kind: fileTab.kind.toUpperCase() })}
            </button>
          </div>
        )}
        {collect && collect.count >= 2 && (
          <button type="button" class="primary collect-open" data-testid="collect-open" data-count={collect.count} onClick={collect.onOpen}>
            {t('collectOpen', { count: collect.count })}
          </button>
        )}
        {!outcome && !fileTab && !(collect && collect.count >= 2) && <p class="muted">{t('noScan')}</p>}
        {outcome && !outcome.isReport && (
          <p class="muted" data-testid="not-report">
            {t('notReport')}
          </p>
        )}
        {outcome?.isReport && (
          <>
            {more.length > 0 && (
              <p class="page-reports" data-testid="page-reports" data-count={1 + more.length}>
                {t('pageReports', { count: 1 + more.length })}
              </p>
            )}
            <ReportSummary record={outcome} scanMs={state?.scanMs} />
            {more.map((r) => (
              <details key={r.id} class="more-report" data-testid="more-report" data-url={r.url}>
                <summary>
                  {r.agency ?? '—'} {r.year ?? ''} · {t(`status_${r.status}`)}
                </summary>
                <ReportSummary record={r} />
              </details>
            ))}
            <div class="save-line">
              {state?.savedAt && !state.saveError ? (
                <span class="saved" data-testid="saved-state">
                  {t('savedAt', { time: clockTime(state.savedAt) })}
                </span>
              ) : (
                <button type="button" class="primary" data-testid="save-page" disabled={saving} onClick={onSave}>
                  {saving ? t('saving') : t('save')}
                </button>
              )}
            </div>
            {state?.saveError && (
              <p class="error" role="alert" data-testid="save-error">
                {state.saveError}
              </p>
            )}
          </>
        )}
      </section>
      <section class="collection">
        <p data-testid="saved-count">{t('savedReports', { count: savedCount ?? '…' })}</p>
        {exportBar}
        <button type="button" class="link" data-testid="open-options" onClick={onOpenOptions}>
          {t('openOptions')} →
        </button>
      </section>
    </main>
  );
}

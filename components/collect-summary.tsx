import type { ComponentChildren } from 'preact';
import { durationWords, type CollectTranslate } from '@/lib/i18n/collect';
import type { RunState } from '@/lib/protocol/collect';
import type { StatusCounts } from '@/lib/ui/collect-progress';

interface Props {
  state: RunState;
  done: number;
  total: number;
  counts: StatusCounts | null;
  etaMs: number | null;
  t: CollectTranslate;
  /** the buttons (start / pause / resume / retry) */
  children?: ComponentChildren;
}

/** The run at a glance (SPEC §9 `collect-summary`): state, progress bar, counts by status, time left, and when done the report. */
export function CollectSummary({ state, done, total, counts, etaMs, t, children }: Props) {
  return (
    <section class={`collect-summary state-${state}`} data-testid="collect-summary" data-done={done} data-total={total} data-state={state}>
      <div class="summary-line">
        <strong class="state">{t(`state_${state}`)}</strong>
        <progress max={total || 1} value={done} aria-label={t('progress', { done, total })} />
        <span class="nums">{t('progress', { done, total })}</span>
        {etaMs !== null && state === 'running' && <span class="muted">{t('eta', { time: durationWords(etaMs, t) })}</span>}
      </div>
      {counts && (
        <div class="counts">
          <span class="count count-pass">{t('countSaved', { count: counts.saved })}</span>
          <span class="count count-fail">{t('countErrors', { count: counts.errors })}</span>
          <span class="count count-skip">{t('countNoTables', { count: counts['no-tables'] })}</span>
          <span class="count count-fail">{t('countFailed', { count: counts.failed })}</span>
          <span class="count count-skip">{t('countSkipped', { count: counts.skipped })}</span>
          <span class="count count-skip">{t('countNotReport', { count: counts['not-report'] })}</span>
        </div>
      )}
      {state === 'done' && counts && (
        <p class="done-line" data-testid="collect-report">
          {t('summaryDone', {
            saved: counts.saved,
            errors: counts.errors,
            noTables: counts['no-tables'],
            failed: counts.failed,
            skipped: counts.skipped,
          })}
        </p>
      )}
      <div class="buttons">{children}</div>
    </section>
  );
}

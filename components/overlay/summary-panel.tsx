import type { PageStatus } from '../../lib/core/verdict';
import type { CheckText } from '../../lib/i18n/check-words';
import { OVERLAY_TEXT, type OverlayText } from '../../lib/i18n/overlay';

export interface SummaryPanelProps {
  status: PageStatus;
  agency: string | null;
  year: number | null;
  format: string;
  tables: number;
  counts: { pass: number; fail: number; skip: number };
  /** the failing checks, as sentences */
  failing: CheckText[];
  scanMs: number;
  onNextError?: () => void;
  /** the overlay's words (default Chinese) */
  text?: OverlayText;
}

const SHOWN = 5;

/** The page summary above the first report table: who, which year, which format, and the verdict. */
export function SummaryPanel(p: SummaryPanelProps) {
  const { pass, fail, skip } = p.counts;
  const t = p.text ?? OVERLAY_TEXT.zh_CN;
  return (
    <div class={`nl panel s-${p.status}`} role="region" aria-label={t.region}>
      <div class="head">
        <span class="brand">{t.brand}</span>
        <span class="verdict">{p.status === 'fail' ? t.verdict.fail(fail) : t.verdict[p.status]}</span>
        {p.status === 'fail' && p.onNextError && (
          <button type="button" data-testid="next-error" onClick={p.onNextError} title={t.nextErrorTitle}>
            {t.nextError} <span class="kbd">Alt+Shift+N</span>
          </button>
        )}
      </div>
      <div class="meta">
        {p.agency ?? t.noAgency} · {t.year(p.year)} · {t.format(p.format)} · {t.tables(p.tables)}
      </div>
      {p.status !== 'no-tables' && (
        <div class="counts">
          {t.counts(pass + fail + skip, pass, fail, skip)}
          {pass + fail + skip === 0 && t.noIdentities} · {t.took(Math.round(p.scanMs))}
        </div>
      )}
      {p.failing.length > 0 && (
        <ul class="fails">
          {p.failing.slice(0, SHOWN).map((t) => (
            <li>
              {t.equation} <span class="v">（{t.values}）</span>
            </li>
          ))}
        </ul>
      )}
      {p.failing.length > SHOWN && <div class="more">{t.more(p.failing.length - SHOWN)}</div>}
    </div>
  );
}

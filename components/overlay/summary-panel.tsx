import type { PageStatus } from '../../lib/core/verdict';
import { h } from './dom';
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
  /** which report of the page, when it holds several */
  part?: { n: number; of: number };
  /** the overlay's words (default Chinese) */
  text?: OverlayText;
  /** opens a saved record in the history (the other year an xyear.* check compared with) */
  onOpenReport?: (id: string) => void;
}

const SHOWN = 5;

/** The page summary above the first report table: who, which year, which format, and the verdict. */
export function SummaryPanel(p: SummaryPanelProps): HTMLElement {
  const { pass, fail, skip } = p.counts;
  const t = p.text ?? OVERLAY_TEXT.zh_CN;
  const failingShown =
    p.failing.length > 0 &&
    h(
      'ul',
      { class: 'fails' },
      p.failing
        .slice(0, SHOWN)
        .map((c) =>
          h(
            'li',
            null,
            c.equation,
            ' ',
            h('span', { class: 'v' }, `（${c.values}）`),
            c.ref &&
              p.onOpenReport &&
              h(
                'a',
                { href: '#', 'data-testid': 'open-ref', onClick: (e: Event) => (e.preventDefault(), p.onOpenReport!(c.ref!)) },
                t.previous,
              ),
          ),
        ),
    );
  return h(
    'div',
    { class: `nl panel s-${p.status}`, role: 'region', 'aria-label': t.region },
    h(
      'div',
      { class: 'head' },
      h('span', { class: 'brand' }, t.brand),
      h('span', { class: 'verdict' }, p.status === 'fail' ? t.verdict.fail(fail) : t.verdict[p.status]),
      p.part && h('span', { class: 'part' }, t.part(p.part.n, p.part.of)),
      p.status === 'fail' &&
        p.onNextError &&
        h(
          'button',
          { type: 'button', 'data-testid': 'next-error', onClick: p.onNextError, title: t.nextErrorTitle },
          t.nextError,
          ' ',
          h('span', { class: 'kbd' }, 'Alt+Shift+N'),
        ),
    ),
    h('div', { class: 'meta' }, `${p.agency ?? t.noAgency} · ${t.year(p.year)} · ${t.format(p.format)} · ${t.tables(p.tables)}`),
    p.status !== 'no-tables' &&
      h(
        'div',
        { class: 'counts' },
        t.counts(pass + fail + skip, pass, fail, skip),
        pass + fail + skip === 0 && t.noIdentities,
        ` · ${t.took(Math.round(p.scanMs))}`,
      ),
    failingShown,
    p.failing.length > SHOWN && h('div', { class: 'more' }, t.more(p.failing.length - SHOWN)),
  );
}

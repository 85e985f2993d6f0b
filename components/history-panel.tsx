import { useState } from 'preact/hooks';
import type { ReportSummary } from '@/lib/core/summary';
import type { HistoryPanel as Panel, PanelCell } from '@/lib/ui/history-panel';
import { historyWords } from '@/lib/i18n/history-words';
import { useT } from './i18n-context';

/** Agencies drawn at first, and added per click: 10,000 reports (≈3,000 agencies) stay quick to draw. */
export const PANEL_PAGE = 200;

interface Props {
  panel: Panel;
  /** open one report's detail */
  onOpen: (id: string) => void;
}

/**
 * The history as a panel: agencies down, report years across; a cell shows its status (colour and word),
 * failing / passing checks and ✎ when a report changed after first seen. One report: a click opens it;
 * several (parts of a 汇编, two addresses): a click lists them to choose from.
 */
export function HistoryPanel({ panel, onOpen }: Props) {
  const t = useT();
  const w = historyWords(t.lang);
  const [shown, setShown] = useState(PANEL_PAGE);
  const [choosing, setChoosing] = useState<PanelCell | null>(null);
  const open = (cell: PanelCell) => (cell.reports.length === 1 ? onOpen(cell.reports[0].id) : setChoosing(cell));
  const rest = panel.rows.length - shown;
  return (
    <div class="panel-wrap">
      <p class="muted" data-testid="panel-size">
        {w.panelSize(panel.rows.length, panel.years.length, panel.matched)}
      </p>
      <table class="history-panel" data-testid="history-panel">
        <thead>
          <tr>
            <th>{t('agency')}</th>
            {panel.years.map((y) => (
              <th key={String(y)} class="num">
                {y ?? w.noYear}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {panel.rows.slice(0, shown).map((row) => (
            <tr key={row.agency}>
              <th scope="row" class="agency">
                {row.agency || w.noAgency}
              </th>
              {panel.years.map((y) => {
                const cell = row.cells.get(y);
                return <td key={String(y)}>{cell && <Cell agency={row.agency} year={y} cell={cell} onOpen={open} />}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rest > 0 && (
        <button type="button" data-testid="panel-more" onClick={() => setShown((n) => n + PANEL_PAGE)}>
          {w.more(Math.min(rest, PANEL_PAGE))}
        </button>
      )}
      {choosing && <CellList cell={choosing} onOpen={onOpen} onClose={() => setChoosing(null)} />}
    </div>
  );
}

function Cell({ agency, year, cell, onOpen }: { agency: string; year: number | null; cell: PanelCell; onOpen: (c: PanelCell) => void }) {
  const t = useT();
  const w = historyWords(t.lang);
  const n = cell.reports.length;
  return (
    <button
      type="button"
      class={`panel-cell cell-${cell.status}`}
      data-testid="panel-cell"
      data-agency={agency}
      data-year={year ?? ''}
      data-status={cell.status}
      data-count={n}
      title={[w.counts(cell.fail, cell.pass), n > 1 ? w.several(n) : '', cell.changed ? w.changed : ''].filter(Boolean).join('\n')}
      onClick={() => onOpen(cell)}
    >
      <span class="cell-word">{t(`status_${cell.status}`)}</span>
      <span class="cell-counts">
        <b class={cell.fail > 0 ? 'cell-fail' : 'cell-zero'}>✗{cell.fail}</b> <span class="cell-pass">✓{cell.pass}</span>
        {n > 1 && <span class="cell-n"> ×{n}</span>}
        {cell.changed && (
          <span class="cell-changed" data-testid="panel-changed" aria-label={w.changed}>
            {' '}
            ✎
          </span>
        )}
      </span>
    </button>
  );
}

/** The reports of one cell, to choose from. */
function CellList({ cell, onOpen, onClose }: { cell: PanelCell; onOpen: (id: string) => void; onClose: () => void }) {
  const t = useT();
  const w = historyWords(t.lang);
  const pick = (r: ReportSummary) => {
    onClose();
    onOpen(r.id);
  };
  return (
    <div class="backdrop" onClick={onClose}>
      <div class="dialog" role="dialog" aria-modal="true" data-testid="panel-cell-list" onClick={(e) => e.stopPropagation()}>
        <h2>{w.several(cell.reports.length)}</h2>
        <ul class="cell-list">
          {cell.reports.map((r) => (
            <li key={r.id}>
              <button type="button" class="link" data-testid="panel-cell-report" data-id={r.id} onClick={() => pick(r)}>
                {r.title || r.url}
              </button>{' '}
              <span class={`pill pill-${r.status}`}>{t(`status_${r.status}`)}</span> <small class="muted">{r.url}</small>
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}

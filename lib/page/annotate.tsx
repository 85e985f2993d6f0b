import type { ScanResult } from '../core/scan';
import type { ReportRecord } from '../core/record';
import { tally } from '../core/tally';
import { SummaryPanel } from '../../components/overlay/summary-panel';
import { OVERLAY_TEXT, type OverlayLang, type OverlayText } from '../i18n/overlay';
import { TableBadge } from '../../components/overlay/table-badge';
import { CheckTooltip } from '../../components/overlay/check-tooltip';
import { createHost, overlayHosts } from './overlay-hosts';
import { markCells } from './cell-marks';
import { attachCellTooltip } from './cell-tooltip';
import { cellMarks, checksOfTable, failingChecks, failingChecksOfKey, pageStatus, tableStatus } from '../core/verdict';
import { describeCheck } from '../i18n/check-words';
import type { CellMark } from '../core/verdict';
import type { Check } from '../core/record';
import { evidenceMarks } from './evidence-marks';

/**
 * Puts the verdicts of one scanned document into that document (SPEC §7): a summary host per report — before
 * its first report table (top of body when there is none), or at its title line when the page holds several, a host right before each report table, outlines on failing
 * cells with a tooltip, and "next error" navigation. `dispose()` removes all of it, so a re-scan replaces
 * rather than duplicates.
 */

export interface Annotation {
  dispose(): void;
  /** scrolls to and focuses the next failing total; false when there is none */
  nextError(): boolean;
}

export function annotate(
  doc: Document,
  scans: ScanResult[],
  scanMs: number,
  lang: OverlayLang = 'zh_CN',
  /** opens a saved record in the history (the summary's link to the year a cross-year check compared with) */
  onOpenReport?: (id: string) => void,
): Annotation {
  const text = OVERLAY_TEXT[lang] ?? OVERLAY_TEXT.zh_CN;
  for (const h of overlayHosts(doc)) h.remove();
  const parts = scans.filter((s): s is ScanResult & { outcome: ReportRecord } => s.outcome.isReport);
  if (!parts.length) return { dispose() {}, nextError: () => false };
  const disposers: Array<() => void> = [];

  const marks = new Map<Element, CellMark>();
  const keyOf = new Map<Element, { r: ReportRecord; key: string }>();
  for (const scan of parts) {
    for (const [key, mark] of cellMarks(scan.outcome)) {
      const el = scan.cellElements.get(key);
      if (!el || !el.isConnected) continue;
      if (marks.get(el) !== 'fail') marks.set(el, mark);
      keyOf.set(el, { r: scan.outcome, key });
    }
  }
  // the sentences failing text checks read, outlined and linked with their cells (SPEC §10)
  const evidence = new Map<Element, { check: Check; cell?: Element }>();
  for (const scan of parts) {
    if (!doc.body) break;
    for (const [el, check] of evidenceMarks(doc.body, scan.outcome.checks)) {
      if (marks.has(el)) continue;
      marks.set(el, 'text');
      evidence.set(el, { check, cell: scan.cellElements.get(check.rhsKeys[0]) });
    }
  }
  const failingCells = [...marks].filter(([, m]) => m === 'fail').map(([el]) => el);
  failingCells.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  let cursor = -1;
  const nextError = () => {
    const live = failingCells.filter((el) => el.isConnected);
    if (!live.length) return false;
    cursor = (cursor + 1) % live.length;
    bringUp(live[cursor]);
    return true;
  };

  parts.forEach((scan, i) => {
    const r = scan.outcome;
    const part = parts.length > 1 ? i + 1 : 0;
    insertSummary(doc, scan, r, part, parts.length, scanMs, failingCells.length ? nextError : undefined, text, onOpenReport);
    for (const t of scan.tables) {
      if (!t.element.isConnected || !t.element.parentNode) continue;
      const checks = checksOfTable(r, t.index);
      const status = tableStatus(checks);
      const failing = checks.filter((c) => c.status === 'fail').length;
      const { host, mount } = createHost(doc, 'table', { 'data-status': status, 'data-table-index': t.index });
      mount.append(TableBadge({ status, failing, checks: checks.length, text }));
      t.element.parentNode.insertBefore(host, t.element);
    }
  });

  if (marks.size) {
    disposers.push(markCells(doc, marks));
    disposers.push(
      attachCellTooltip(doc, (mount, cell) => {
        const at = keyOf.get(cell);
        const said = evidence.get(cell)?.check;
        const checks = said ? [said] : at ? failingChecksOfKey(at.r, at.key) : [];
        if (!checks.length) return false;
        mount.replaceChildren(CheckTooltip({ items: checks.map((c) => describeCheck(c, text)) }));
        return true;
      }),
    );
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        if (nextError()) e.preventDefault();
      }
    };
    // a click on an outlined sentence brings the cell it disagrees with into view
    const onClick = (e: Event) => {
      const el = (e.target as Element | null)?.closest?.('[data-nianbao-cell="text"]');
      const cell = el && evidence.get(el)?.cell;
      if (cell?.isConnected) bringUp(cell);
    };
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('click', onClick, true);
    disposers.push(() => {
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('click', onClick, true);
    });
  }

  return {
    dispose() {
      for (const d of disposers.splice(0)) d();
      for (const h of overlayHosts(doc)) h.remove();
    },
    nextError,
  };
}

function insertSummary(
  doc: Document,
  scan: ScanResult,
  r: ReportRecord,
  /** 1…n when the page holds several reports (the host then stands at the part's start), 0 otherwise */
  part: number,
  of: number,
  scanMs: number,
  onNextError: (() => void) | undefined,
  text: OverlayText,
  onOpenReport?: (id: string) => void,
): void {
  const failing = failingChecks(r);
  const status = pageStatus(r);
  const { host, mount } = createHost(doc, 'summary', {
    'data-status': status,
    'data-failing': failing.length,
    'data-scan-ms': Math.round(scanMs * 10) / 10,
    ...(part ? { 'data-part': part } : {}),
  });
  mount.append(
    SummaryPanel({
      status,
      agency: r.agency,
      year: r.year,
      format: r.format,
      tables: r.tables,
      counts: tally(r.checks),
      failing: failing.map((c) => describeCheck(c, text)),
      scanMs,
      onNextError,
      text,
      onOpenReport,
      part: part ? { n: part, of } : undefined,
    }),
  );
  const first =
    (scan.start?.isConnected ? scan.start : null) ?? scan.tables.find((t) => t.element.isConnected && t.element.parentNode)?.element;
  if (first?.parentNode) first.parentNode.insertBefore(host, first);
  else doc.body?.prepend(host);
}

/** Scrolls a cell into the middle of the view and focuses it (outlined cells are focusable). */
function bringUp(el: Element): void {
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  (el as HTMLElement).focus({ preventScroll: true });
}

import type { ReportSummary } from '../core/summary';

/**
 * The history as a panel (issue 12 item 4): agencies down, report years across, one cell per agency ×
 * year holding that pair's reports (several for the parts of a 汇编 or two addresses of one report). Built in
 * one pass over the summaries — no query per cell — so 10,000 reports make a grid in a few milliseconds.
 */

export interface PanelFilter {
  /** a substring of the agency (a region's or an agency's name) */
  region: string;
  format: string;
  status: string;
  /** reports with a failing check whose id starts with this (`xyear.`, `text.apply.new`) */
  check: string;
}

export const EMPTY_PANEL_FILTER: PanelFilter = { region: '', format: '', status: '', check: '' };

export interface PanelCell {
  /** the pair's reports, in the order of their ids */
  reports: ReportSummary[];
  /** the worst status among them (errors, then partial, no-tables, ok) */
  status: ReportSummary['status'];
  fail: number;
  pass: number;
  changed: boolean;
}

export interface PanelRow {
  /** the agency as saved; '' for reports whose agency was not recognised (listed last) */
  agency: string;
  /** by year; the key `null` for reports whose year was not recognised */
  cells: Map<number | null, PanelCell>;
}

export interface HistoryPanel {
  /** the report years present, ascending; `null` (year not recognised) last when present */
  years: (number | null)[];
  rows: PanelRow[];
  /** reports in the grid (after the filter) */
  matched: number;
}

const WORST: Record<ReportSummary['status'], number> = { errors: 3, partial: 2, 'no-tables': 1, ok: 0 };

export function panelMatches(r: ReportSummary, f: PanelFilter, region = f.region.trim().toLowerCase()): boolean {
  if (region && !(r.agency ?? '').toLowerCase().includes(region)) return false;
  if (f.format && r.format !== f.format) return false;
  if (f.status && r.status !== f.status) return false;
  const check = f.check.trim();
  return !check || (r.fail > 0 && r.failing.some((id) => id.startsWith(check)));
}

let collator: Intl.Collator | undefined;

export function buildPanel(all: readonly ReportSummary[], filter: PanelFilter = EMPTY_PANEL_FILTER): HistoryPanel {
  const region = filter.region.trim().toLowerCase();
  const byAgency = new Map<string, PanelRow>();
  const years = new Set<number | null>();
  let matched = 0;
  for (const r of all) {
    if (!panelMatches(r, filter, region)) continue;
    matched++;
    const agency = r.agency ?? '';
    let row = byAgency.get(agency);
    if (row === undefined) byAgency.set(agency, (row = { agency, cells: new Map() }));
    years.add(r.year);
    const cell = row.cells.get(r.year);
    if (cell === undefined) {
      row.cells.set(r.year, { reports: [r], status: r.status, fail: r.fail, pass: r.pass, changed: !!r.changedAfterFirstSeen });
    } else {
      cell.reports.push(r);
      if (WORST[r.status] > WORST[cell.status]) cell.status = r.status;
      cell.fail += r.fail;
      cell.pass += r.pass;
      cell.changed ||= !!r.changedAfterFirstSeen;
    }
  }
  for (const row of byAgency.values()) {
    for (const cell of row.cells.values()) if (cell.reports.length > 1) cell.reports.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  const cmp = (collator ??= new Intl.Collator('zh-CN')).compare;
  const rows = [...byAgency.values()].sort((a, b) => (a.agency === '' ? 1 : b.agency === '' ? -1 : cmp(a.agency, b.agency)));
  const sortedYears = [...years].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return { years: sortedYears, rows, matched };
}

/** The ids of every failing check in the history, sorted, after the families' prefixes: the check filter's choices. */
export function failingCheckChoices(all: readonly ReportSummary[]): string[] {
  const ids = new Set<string>();
  for (const r of all) if (r.fail > 0) for (const id of r.failing) ids.add(id);
  const families = ['text.', 'xyear.', 'meta.'].filter((p) => [...ids].some((id) => id.startsWith(p)));
  return [...families, ...[...ids].sort()];
}

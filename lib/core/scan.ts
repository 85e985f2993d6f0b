import { CHECKS, evaluate, nullBlankTotals } from './checks';
import { classify, type SectionKind } from './classify';
import { detect, type Detection } from './detect';
import { decideFormat } from './format';
import { buildGrid, type Grid, type IsHidden } from './grid';
import { hash53 } from './hash';
import { mapActive, type ActiveState } from './map-active';
import { mapApply, type ApplyState } from './map-apply';
import { mapReview, type ReviewState } from './map-review';
import type { Check, ReportRecord, ScanOutcome } from './record';
import { recordStatus } from './verdict';
import { EXTRACTOR_VERSION } from './version';
import { Sink } from './sink';
import { dataTables, dateMetas, HEAD_MAX, narrativeText, type PageFacts } from './page-facts';
import { partUrl, splitByStarts, segmentReports, segmentTexts, titledDocument } from './segments';

/**
 * The pipeline: page → detection → report tables → stable keys → checks → a record of the shape
 * `RecordSchema` defines. Pure: it reads only the DOM it is given, so it runs alike in the content
 * script, the CLI and tests. It does not validate (that would put zod in every page's bundle): the
 * record is zod-validated at each trust boundary — `checkPage` (CLI, tests), the background on receipt.
 */

export interface ScanOptions {
  /**
   * true when an element is not rendered, its ancestors included (as the browser's `checkVisibility`
   * answers). Default (no layout engine, the CLI): the `hidden` attribute or an inline
   * display:none / visibility:hidden on the element or an ancestor.
   */
  isHidden?: IsHidden;
  /** full 繁→简 for the agency name (OpenCC: `toSimplifiedFull`); the page-side default maps only the core's vocabulary */
  simplifyName?: (name: string) => string;
  /**
   * for the benchmark: called at the end of each stage (`stageTimer` of test/bench/stages.ts charges the time
   * since the previous call to it); the timer lives there, out of every page's content script
   */
  mark?: (stage: ScanStage) => void;
  /** a report read from a same-origin frame: its address (the record's `url` stays the page's, SPEC §5) */
  frameUrl?: string;
  /** the part number of the first report found (a frame's reports continue the top page's numbering) */
  firstPart?: number;
  /** the body's text, when the caller has already read it */
  bodyText?: string;
}

export const SCAN_STAGES = ['detect', 'tables', 'grids', 'classify', 'map', 'checks', 'record'] as const;
export type ScanStage = (typeof SCAN_STAGES)[number];

const noMark = (): void => {};

export interface AnnotatedTable {
  /** index among report tables (Cell.table) */
  index: number;
  element: Element;
  section: SectionKind;
}

export interface ScanResult {
  outcome: ScanOutcome;
  /** report tables in document order, for in-page annotation */
  tables: AnnotatedTable[];
  /** the DOM cell (td/th) of each key that was read */
  cellElements: Map<string, Element>;
  /** one of several reports on the page: the element its title line stands in (null: the top of the page) */
  start?: Element | null;
  /** what the checks beyond the tables read (SPEC §10; lib/core/beyond.ts): reports only */
  facts?: PageFacts;
}

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** CLI default: the `hidden` attribute and inline styles (no layout engine to ask). */
export function inlineHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && INLINE_HIDDEN.test(style);
}

function hiddenWithAncestors(el: Element, isHidden: IsHidden): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isHidden(e)) return true;
  return false;
}

/** The td/th cells that hold a table: one walk up from each table instead of a query per cell. */
function cellsHoldingTables(tables: Element[]): Set<Element> {
  const out = new Set<Element>();
  for (const t of tables) {
    for (let e = t.parentElement; e && e.tagName !== 'BODY'; e = e.parentElement) {
      if (e.tagName === 'TD' || e.tagName === 'TH') {
        if (out.has(e)) break;
        out.add(e);
      }
    }
  }
  return out;
}

function bodyOf(root: ParentNode): ParentNode {
  return (root as Document).body ?? root;
}

export function scanPage(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult {
  const mark = opts.mark ?? noMark;
  const body = bodyOf(root);
  const found = detect(root, () => opts.bodyText ?? body.textContent ?? '');
  mark('detect');
  if (!found.isReport) return notReport(found, url);
  const text = () => opts.bodyText ?? body.textContent ?? '';
  return scanPart(found, reportTables(body), partUrl(url, opts.firstPart ?? 1), opts, mark, text, { metas: dateMetas(root) });
}

/**
 * One result per report on the page (SPEC §5): a 年报汇编 gives one record per report, in document order,
 * the first keeping `url`, later ones `url#part-<n>`; any other page gives exactly what `scanPage` gives.
 */
export function scanReports(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult[] {
  const body = bodyOf(root);
  const text = body.textContent ?? '';
  const segments = segmentReports(body, text);
  const whole = () => [scanPage(root, url, { ...opts, bodyText: text })];
  if (segments.length < 2) return whole();
  const mark = opts.mark ?? noMark;
  const texts = segmentTexts(text, segments);
  const doc = (root as Document).documentElement ? (root as Document) : root.ownerDocument;
  const found = segments.map((seg, i) => {
    const partRoot = seg.title && doc ? titledDocument(doc, seg.title) : root;
    return detect(partRoot, () => texts[i]);
  });
  const kept = segments.map((seg, i) => ({ seg, found: found[i] })).filter((p) => p.found.isReport);
  if (kept.length < 2) return whole();
  mark('detect');
  const byPart = splitByStarts(
    body,
    reportTables(body),
    kept.map((p) => p.seg.start),
  );
  const first = opts.firstPart ?? 1;
  // the page's byline and date <meta>s date every report on it
  const page = { metas: dateMetas(root), head: text.slice(0, HEAD_MAX) };
  return kept.map(({ seg, found: f }, i) => ({
    ...scanPart(f, byPart[i], partUrl(url, first + i), opts, mark, () => texts[segments.indexOf(seg)], page),
    start: seg.start,
  }));
}

function notReport(found: Detection, url: string): ScanResult {
  return {
    tables: [],
    cellElements: new Map<string, Element>(),
    outcome: { isReport: false, url: url.slice(0, 4000), title: found.title.slice(0, 1000), reason: found.reason },
  };
}

function reportTables(body: ParentNode): Element[] {
  return Array.from('getElementsByTagName' in body ? (body as Element).getElementsByTagName('table') : body.querySelectorAll('table'));
}

/** Reads the given tables as one report and builds its record. */
function scanPart(
  found: Detection,
  all: Element[],
  url: string,
  opts: ScanOptions,
  mark: (s: ScanStage) => void,
  text: () => string,
  page: { metas: Record<string, string>; head?: string },
): ScanResult {
  const isHidden = opts.isHidden ?? inlineHidden;
  // a table's ancestors: the browser's check covers them; inline styles must be walked up
  const tableHidden = opts.isHidden ?? ((el: Element) => hiddenWithAncestors(el, inlineHidden));
  const sink = new Sink();
  const tables: AnnotatedTable[] = [];
  const applyState: ApplyState = {};
  const activeState: ActiveState = {};
  const reviewState: ReviewState = {};
  const layoutCells = cellsHoldingTables(all);
  mark('tables');
  for (const el of all) {
    if (tableHidden(el)) continue;
    mark('tables');
    const grid: Grid = buildGrid(el, isHidden, (cell) => layoutCells.has(cell));
    mark('grids');
    const continuesApply = applyState.previousKey !== undefined && applyState.previousKey !== 'carried_forward';
    const section = classify(grid, continuesApply);
    mark('classify');
    if (!section) continue;
    const index = tables.length;
    tables.push({ index, element: el, section });
    if (section === 'apply') mapApply(grid, index, sink, applyState);
    else if (section === 'review') mapReview(grid, index, sink, reviewState);
    else mapActive(grid, index, sink, activeState);
    mark('map');
  }

  const year = found.year !== null && found.year >= 1990 && found.year <= 2100 ? found.year : null;
  const decided = decideFormat({ tables: tables.length, apply: applyState, active: activeState, year }, sink);
  const format = decided.format;
  const notes: string[] = [...(found.notes ?? []), ...decided.notes, ...(reviewState.notes ?? [])];
  let checks: Check[] = [];
  if (tables.length && (format === '2019' || format === '2021')) {
    const defs = CHECKS[format];
    const reasons = nullBlankTotals(defs, sink.values, sink.blank);
    checks = evaluate(defs, sink.values, reasons);
    mark('checks');
  } else if (format === 'legacy') {
    notes.push('2019 年以前的旧版报告没有全国统一的勾稽关系');
  } else if (!tables.length) {
    notes.push('表格为图片或缺失，无法核验');
  }
  const record: ReportRecord = {
    id: `r${hash53(url)}`,
    url: url.slice(0, 4000),
    title: found.title.slice(0, 1000),
    agency: found.agency ? (opts.simplifyName?.(found.agency) ?? found.agency).slice(0, 200) : null,
    year,
    format,
    isReport: true,
    tables: tables.length,
    status: recordStatus(format, tables.length, checks),
    values: sink.values,
    cells: sink.cells,
    checks,
    unmapped: sink.unmapped,
    problems: sink.problems,
    notes,
    contentHash: hash53(`${found.title}|${found.agency}|${year}|${Object.values(sink.values).join(',')}`),
    firstSavedAt: null,
    savedAt: null,
    extractorVersion: EXTRACTOR_VERSION,
    ...(opts.frameUrl ? { frameUrl: opts.frameUrl.slice(0, 4000) } : {}),
    // where the tables were read (SPEC §8): this page or its frame; a file reader replaces it
    source: { kind: 'html', url: (opts.frameUrl ?? url).slice(0, 4000) },
  };
  const whole = text();
  const facts: PageFacts = { text: narrativeText(whole, dataTables(all)), head: page.head ?? whole.slice(0, HEAD_MAX), metas: page.metas };
  mark('record');
  return { outcome: record, tables, cellElements: sink.elements, facts };
}

import { detect, detectInput, type DetectInput, type Detection } from './detect';
import { buildGrid, type Grid, type IsHidden } from './grid';
import type { ReportRecord, ScanOutcome } from './record';
import type { SectionKind } from './classify';
import { dataTables, dateMetas, HEAD_MAX, narrativeText, type PageFacts } from './page-facts';
import { firstMetas, metaElements } from './metas';
import { partUrl, splitByStarts, segmentReports, segmentTexts, titledDocument } from './segments';

/**
 * The first half of a scan, the half that needs the DOM: detection, the report parts of a 年报汇编, the
 * visible tables read into grids, and what the checks beyond the tables read (`PageFacts`). What it
 * returns is plain data apart from the elements, so the content script can send it (lib/core/grid.ts's
 * `gridData`) and the background finish it (lib/core/finish.ts) with code that is already compiled and warm
 * there; the CLI and the file readers run both halves in one go (lib/core/scan.ts).
 */

export const SCAN_STAGES = ['detect', 'tables', 'grids', 'classify', 'map', 'checks', 'record'] as const;
export type ScanStage = (typeof SCAN_STAGES)[number];

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
  /**
   * the lens: a page that is not a 汇编 is read without detection — its reads carry what detection reads
   * (`ReportRead.detect`) and the background decides (lib/core/finish.ts `finishData`), with the title
   * patterns compiled and warm there instead of in every page's fresh world
   */
  detectLater?: boolean;
}

/** One report as the page shows it: its detection, its visible tables as grids, its narrative and dates. */
export interface ReportRead {
  found: Detection;
  /** the record's address: the page's, `#part-<n>` for a 汇编's later parts */
  url: string;
  frameUrl?: string;
  /** the visible tables of the report, in document order, each read into a grid (with its elements) */
  grids: Grid[];
  facts: PageFacts;
  /** one of several reports on the page: the element its title line stands in (null: the top of the page) */
  start?: Element | null;
  /**
   * read with `detectLater`: what detection reads, for the background to decide whether this is a report;
   * until then `found` is only provisional (its first title line, no agency, no year)
   */
  detect?: DetectInput;
}

/** A page read: its reports (several for a 年报汇编), or none and the detection that turned it down. */
export interface PageRead {
  found: Detection;
  url: string;
  reports: ReportRead[];
}

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

/** Which of a read's grids are report tables, and of which section (`Cell.table` indexes this list). */
export type Sections = Array<[grid: number, section: SectionKind]>;

const noMark = (): void => {};
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

function allTables(body: ParentNode): Element[] {
  return Array.from('getElementsByTagName' in body ? (body as Element).getElementsByTagName('table') : body.querySelectorAll('table'));
}

/** The page as one report (or not a report; with `detectLater`, one read for the background to decide). */
export function readPage(root: ParentNode, url: string, opts: ScanOptions = {}): PageRead {
  const mark = opts.mark ?? noMark;
  const body = bodyOf(root);
  let bodyText = opts.bodyText;
  // read once: detection and the facts both want it (a DOM without a cached text walks the tree each time)
  const text = () => (bodyText ??= body.textContent ?? '');
  const metas = Array.from(metaElements(root));
  const page = () => ({ metas: dateMetas(root, metas) });
  if (opts.detectLater) {
    const tables = allTables(body);
    // every table's text: detection's body route reads them all, the facts the data tables'
    const texts = new Map(tables.map((t) => [t, t.textContent ?? '']));
    const input = detectInput(root, text(), firstMetas(root, metas), [...texts.values()]);
    mark('detect');
    const read = readPart(undecided(input), tables, partUrl(url, opts.firstPart ?? 1), opts, mark, text, page(), texts);
    return { found: read.found, url, reports: [{ ...read, detect: input }] };
  }
  const found = detect(root, text, firstMetas(root, metas));
  mark('detect');
  if (!found.isReport) return { found, url, reports: [] };
  return { found, url, reports: [readPart(found, allTables(body), partUrl(url, opts.firstPart ?? 1), opts, mark, text, page())] };
}

/** A read's detection before the background has made it: its first title line, nothing else known. */
function undecided(input: DetectInput): Detection {
  return { isReport: true, reason: '', title: input.lines[0]?.[0] ?? '', agency: null, year: null };
}

/**
 * One read per report on the page (SPEC §5): a 年报汇编 gives one per report, in document order, the first
 * keeping `url`, later ones `url#part-<n>`; any other page gives exactly what `readPage` gives.
 */
export function readReports(root: ParentNode, url: string, opts: ScanOptions = {}): PageRead {
  const body = bodyOf(root);
  const text = body.textContent ?? '';
  const segments = segmentReports(body, text);
  const whole = () => readPage(root, url, { ...opts, bodyText: text });
  if (segments.length < 2) return whole();
  const mark = opts.mark ?? noMark;
  const texts = segmentTexts(text, segments);
  const doc = (root as Document).documentElement ? (root as Document) : root.ownerDocument;
  const found = segments.map((seg, i) => detect(seg.title && doc ? titledDocument(doc, seg.title) : root, () => texts[i]));
  const kept = segments.map((seg, i) => ({ seg, found: found[i] })).filter((p) => p.found.isReport);
  if (kept.length < 2) return whole();
  mark('detect');
  const byPart = splitByStarts(
    body,
    allTables(body),
    kept.map((p) => p.seg.start),
  );
  const first = opts.firstPart ?? 1;
  // the page's byline and date <meta>s date every report on it
  const page = { metas: dateMetas(root), head: text.slice(0, HEAD_MAX) };
  const reports = kept.map(({ seg, found: f }, i) => ({
    ...readPart(f, byPart[i], partUrl(url, first + i), opts, mark, () => texts[segments.indexOf(seg)], page),
    start: seg.start,
  }));
  return { found: kept[0].found, url, reports };
}

/** The visible tables of one report read into grids, and its facts. */
function readPart(
  found: Detection,
  all: Element[],
  url: string,
  opts: ScanOptions,
  mark: (s: ScanStage) => void,
  text: () => string,
  page: { metas: Record<string, string>; head?: string },
  texts?: Map<Element, string>,
): ReportRead {
  const isHidden = opts.isHidden ?? inlineHidden;
  // a table's ancestors: the browser's check covers them; inline styles must be walked up
  const tableHidden = opts.isHidden ?? ((el: Element) => hiddenWithAncestors(el, inlineHidden));
  const layoutCells = cellsHoldingTables(all);
  mark('tables');
  const grids: Grid[] = [];
  for (const el of all) {
    if (tableHidden(el)) continue;
    mark('tables');
    grids.push(buildGrid(el, isHidden, (cell) => layoutCells.has(cell)));
    mark('grids');
  }
  const whole = text();
  const data = dataTables(all).map((t) => texts?.get(t) ?? t.textContent ?? '');
  const facts: PageFacts = { text: narrativeText(whole, data), head: page.head ?? whole.slice(0, HEAD_MAX), metas: page.metas };
  return { found, url, ...(opts.frameUrl ? { frameUrl: opts.frameUrl } : {}), grids, facts };
}

/** The outcome of a page that is not a report. */
export function notReport(found: Detection, url: string): ScanResult {
  return {
    tables: [],
    cellElements: new Map<string, Element>(),
    outcome: { isReport: false, url: url.slice(0, 4000), title: found.title.slice(0, 1000), reason: found.reason },
  };
}

/**
 * A read report and its finished record as the overlay wants them: the report tables' elements and each
 * read key's cell, found by the record's cell positions in the grids the page read.
 */
export function readResult(read: ReportRead, record: ReportRecord, sections: Sections): ScanResult {
  const tables: AnnotatedTable[] = [];
  sections.forEach(([g, section], index) => {
    const element = read.grids[g]?.table;
    if (element) tables.push({ index, element, section });
  });
  const cellElements = new Map<string, Element>();
  for (const key in record.cells) {
    const c = record.cells[key];
    const grid = read.grids[sections[c.table]?.[0]];
    const el = grid?.slots[c.row]?.[c.col]?.el;
    if (el) cellElements.set(key, el);
  }
  return { outcome: record, tables, cellElements, facts: read.facts, ...('start' in read ? { start: read.start } : {}) };
}

/**
 * What identifies a read's content: the same address, title and tables give the same signature (a re-read of
 * unchanged content is not sent again). The texts themselves, joined natively: hashing them in script
 * costs more on a fresh page than comparing them.
 */
export function readSignature(read: ReportRead): string {
  const parts = [read.url, read.found.title, String(read.found.agency), String(read.found.year)];
  // a read the background detects: what detection reads (the body's text also holds the narrative)
  if (read.detect) parts.push(read.detect.lines.map((l) => l[0]).join('\u0001'), read.detect.body, read.detect.tables);
  for (const g of read.grids) parts.push(g.cells.map((c) => c.text).join('\u0001'));
  return parts.join('\u0002');
}

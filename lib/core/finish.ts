import { CHECKS, evaluate, nullBlankTotals } from './checks';
import { classify } from './classify';
import { detectFromInput, type DetectInput, type Detection } from './detect';
import { partUrl } from './segments';
import { decideFormat } from './format';
import { gridFromData, type Grid, type GridData } from './grid';
import { hash53 } from './hash';
import { mapActive, type ActiveState } from './map-active';
import { mapApply, type ApplyState } from './map-apply';
import { mapReview, type ReviewState } from './map-review';
import type { Check, ReportRecord } from './record';
import type { ScanStage, Sections } from './read';
import { recordStatus } from './verdict';
import { EXTRACTOR_VERSION } from './version';
import { Sink } from './sink';

/**
 * The second half of a scan, on plain data: a report's grids classified by section, every cell mapped to
 * its stable key, the format decided, the identities checked, the record built. No DOM: it runs wherever
 * the grids are — after `readReports` in the CLI and file readers, in the background for the content
 * script (which sends its grids, lib/core/grid.ts `gridData`).
 */

export interface FinishInput {
  /** the report's detection (title, agency, year, notes) */
  found: Pick<Detection, 'title' | 'agency' | 'year' | 'notes'>;
  url: string;
  frameUrl?: string;
  /** the visible tables, in document order */
  grids: Grid[];
}

export interface Finished {
  record: ReportRecord;
  /** which grids are report tables (in the record's table order), and their sections */
  sections: Sections;
}

const noMark = (): void => {};

export function finishReport(
  input: FinishInput,
  opts: { simplifyName?: (name: string) => string; mark?: (s: ScanStage) => void } = {},
): Finished {
  const mark = opts.mark ?? noMark;
  const { found, url, frameUrl } = input;
  const sink = new Sink();
  const sections: Sections = [];
  const applyState: ApplyState = {};
  const activeState: ActiveState = {};
  const reviewState: ReviewState = {};
  input.grids.forEach((grid, g) => {
    const continuesApply = applyState.previousKey !== undefined && applyState.previousKey !== 'carried_forward';
    const section = classify(grid, continuesApply);
    mark('classify');
    if (!section) return;
    const index = sections.length;
    sections.push([g, section]);
    if (section === 'apply') mapApply(grid, index, sink, applyState);
    else if (section === 'review') mapReview(grid, index, sink, reviewState);
    else mapActive(grid, index, sink, activeState);
    mark('map');
  });

  const tables = sections.length;
  const year = found.year !== null && found.year >= 1990 && found.year <= 2100 ? found.year : null;
  const decided = decideFormat({ tables, apply: applyState, active: activeState, year }, sink);
  const format = decided.format;
  const notes: string[] = [...(found.notes ?? []), ...decided.notes, ...(reviewState.notes ?? [])];
  let checks: Check[] = [];
  if (tables && (format === '2019' || format === '2021')) {
    const defs = CHECKS[format];
    const reasons = nullBlankTotals(defs, sink.values, sink.blank);
    checks = evaluate(defs, sink.values, reasons);
    mark('checks');
  } else if (format === 'legacy') {
    notes.push('2019 年以前的旧版报告没有全国统一的勾稽关系');
  } else if (!tables) {
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
    tables,
    status: recordStatus(format, tables, checks),
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
    ...(frameUrl ? { frameUrl: frameUrl.slice(0, 4000) } : {}),
    // where the tables were read (SPEC §8): this page or its frame; a file reader replaces it
    source: { kind: 'html', url: (frameUrl ?? url).slice(0, 4000) },
  };
  mark('record');
  return { record, sections };
}

/** A read as it travels (lib/protocol/messages.ts `ReportReadSchema`): its grids as data, its detection made or to make. */
export type ReadData = Omit<FinishInput, 'grids' | 'found'> & {
  /** the page's detection (a 汇编's parts, a file) … */
  found?: FinishInput['found'];
  /** … or what detection reads, for this side to decide (the lens's reads, lib/core/read.ts `detectLater`) */
  detect?: DetectInput;
  tables: GridData[];
};

/** A read finished: its record, or (a read this side detected) the detection that found it is no report. */
export type FinishedData = Finished | { record: null; found: Detection };

/**
 * A report read that travelled as data (the content script's `page-read`): detected here when the page left
 * it to us, its grids rebuilt, then finished. `url`: the record's address, when not the read's own.
 */
export function finishData(data: ReadData, opts: { simplifyName?: (name: string) => string } = {}, url = data.url): FinishedData {
  const found = decided(data);
  if (!found.isReport) return { record: null, found };
  return finishReport({ found, url, frameUrl: data.frameUrl, grids: data.tables.map(gridFromData) }, opts);
}

/** The read's detection: made here when the page left it to us, else the page's (a report). */
function decided(data: ReadData): Pick<Detection, 'isReport' | 'reason' | 'title' | 'agency' | 'year' | 'notes'> {
  if (data.detect) return detectFromInput(data.detect);
  if (data.found) return { isReport: true, reason: '', ...data.found };
  return { isReport: false, reason: NOT_READ, title: '', agency: null, year: null };
}

/** A page's reads finished: the records of those that are reports (with the read each came from), and the others. */
export interface FinishedPage {
  finished: Array<Finished & { read: number }>;
  /** the reads (by index) found to be no report: no record */
  skipped: number[];
  /** the first read's detection when it is no report (what the page's tab state says of it) */
  turnedDown: Detection | null;
}

/**
 * A page's reads (its top document's, then its frames', as the lens sends them) finished in order. The reports
 * among them are the page's parts (SPEC §5), numbered in that order: the page numbered its reads before
 * knowing which are reports, so a read found to be none gives up its number (a portal that is no report
 * framing one: the frame's report keeps the page's own address).
 */
export function finishPage(reads: readonly ReadData[], opts: { simplifyName?: (name: string) => string } = {}): FinishedPage {
  const out: FinishedPage = { finished: [], skipped: [], turnedDown: null };
  reads.forEach((read, i) => {
    const part = out.finished.length + 1;
    const done = finishData(read, opts, partUrl(read.url.replace(PART, ''), part));
    if (done.record) out.finished.push({ ...done, read: i });
    else {
      out.skipped.push(i);
      if (i === 0) out.turnedDown = done.found;
    }
  });
  return out;
}

/** the part suffix `partUrl` gives a later report's address */
const PART = /#part-\d+$/;

/** a read that carries neither a detection nor what detection reads (the protocol's schema refuses it) */
const NOT_READ = '页面未提供检测所需的内容';

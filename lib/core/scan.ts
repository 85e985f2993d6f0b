import { finishReport } from './finish';
import { notReport, readPage, readReports, readResult, type PageRead, type ScanOptions, type ScanResult } from './read';

export { inlineHidden, SCAN_STAGES } from './read';
export type { AnnotatedTable, ScanOptions, ScanResult, ScanStage } from './read';

/**
 * The pipeline: page → detection → report tables → stable keys → checks → a record of the shape
 * `RecordSchema` defines, in two halves: `readReports` (lib/core/read.ts, the DOM) and `finishReport`
 * (lib/core/finish.ts, plain data). Here both run in one go, as in the CLI, the file readers and tests; the
 * content script reads and the background finishes. Pure: it reads only the DOM it is given. It does not
 * validate (that would put zod in every page's bundle): the record is zod-validated at each trust boundary
 * — `checkPage` (CLI, tests), the background on receipt.
 */

function finished(page: PageRead, opts: ScanOptions): ScanResult[] {
  if (!page.reports.length) return [notReport(page.found, page.url)];
  return page.reports.map((read) => {
    const { record, sections } = finishReport(read, opts);
    return readResult(read, record, sections);
  });
}

/** The page as one report (or not a report). */
export function scanPage(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult {
  return finished(readPage(root, url, opts), opts)[0];
}

/**
 * One result per report on the page (SPEC §5): a 年报汇编 gives one record per report, in document order,
 * the first keeping `url`, later ones `url#part-<n>`; any other page gives exactly what `scanPage` gives.
 */
export function scanReports(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult[] {
  return finished(readReports(root, url, opts), opts);
}

import { canonicalUrl } from '../core/canonical-url';
import { checkPage, checkReports } from '../core/check-page';
import { withPublication } from '../core/beyond';
import type { ReportRecord, ScanOutcome } from '../core/record';
import { FILE_NOTES, htmlDocument, type FileKind, type FileOutcome } from './file-outcome';
import { fileKind } from './read-file';
import { fileNameOf } from './file-address';

export { fileNameOf };

/**
 * A report file checked end to end (SPEC §8), the one path the CLI, the extension's offscreen document and
 * its viewer page share: the file's kind by its bytes, the reader of that kind into HTML, then the HTML core.
 * The environment brings the DOM parser (linkedom in Node, DOMParser in a browser) and the readers (pdf.js
 * needs its worker and CMaps from the extension's package in a browser).
 */

export type FileReader = (bytes: Uint8Array, name: string) => Promise<FileOutcome>;
export type FileReaders = Record<FileKind, FileReader | null>;

export interface FileCheckOptions {
  /** the file's name or path, for its kind when the bytes do not say and its title when it has none */
  name: string;
  /** the address the records get: the file's own (a file opened directly) or the page that links it (SPEC §8) */
  url: string;
  /** where the file was read from: `source.url` (the attachment's address; `url` when absent) */
  fileUrl?: string;
  /** the page that links the file: the report's agency and year when the file does not name them */
  page?: Pick<ReportRecord, 'title' | 'agency' | 'year' | 'publishedAt'>;
  parse: (html: string) => Document;
  readers: FileReaders;
}

export interface FileCheck {
  kind: FileKind | null;
  /** the HTML the core read (the rebuilt tables), null when nothing could be read */
  html: string | null;
  /** the reader's notes (why nothing was read, what was repaired) */
  notes: string[];
  /** one outcome per report in the file, or the file's one non-report outcome */
  outcomes: ScanOutcome[];
}

/** The section headings every report has (SPEC §1): what a report file's name vouches for when it cannot be read. */
const SECTIONS = '一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况';

export async function checkFileBytes(bytes: Uint8Array, opts: FileCheckOptions): Promise<FileCheck> {
  const kind = fileKind(opts.name, bytes);
  const reader = kind ? opts.readers[kind] : null;
  const read: FileOutcome | null = kind
    ? reader
      ? await reader(bytes, opts.name)
      : { kind, html: null, notes: [FILE_NOTES.notRead] }
    : null;
  const notes = read ? read.notes : [FILE_NOTES.notAFile];
  const fileUrl = opts.fileUrl ?? opts.url;
  // the schema has no `doc` kind: a .doc read as the web page it is has HTML tables; a binary one, none
  const source = !read
    ? undefined
    : read.kind !== 'doc'
      ? { kind: read.kind, url: fileUrl }
      : read.html
        ? { kind: 'html' as const, url: fileUrl }
        : undefined;
  // nothing readable: the page's title, else the file's name, is all the text there is (a report's name
  // gives a no-tables record whose note says why)
  const title = opts.page?.title || fileNameOf(opts.name).replace(/\.[a-z0-9]+$/i, '');
  const html = read?.html ?? htmlDocument(title, `<h1>${title.replace(/[<&]/g, ' ')}</h1>`);
  const doc = opts.parse(html);
  // a web page saved under a .doc name may name its address; a converted file has none
  const url = read?.kind === 'doc' && !opts.page ? canonicalUrl(doc, opts.url) : opts.url;
  // a file nothing could be read from (scanned, corrupt, locked, an old .doc) is still the report its name (or
  // its page's title) names: no-tables with the reason (SPEC §8). The name stands in for the body's sections.
  const results = read?.html ? checkReports(doc, url) : [checkPage(doc, url, { bodyText: `${title}\n${SECTIONS}` })];
  const reports = results.filter((r) => r.outcome.isReport).map((r) => r.outcome);
  const outcomes = (reports.length ? reports : [results[0].outcome]).map((o): ScanOutcome => {
    if (!o.isReport) return o;
    const r: ReportRecord = { ...o, notes: [...notes, ...o.notes] };
    // an unreadable old .doc: no tables came from anywhere, so no `source` (the schema has no "doc" kind)
    if (source) r.source = source;
    else delete r.source;
    if (opts.page) {
      // the page the user saw names the report when the file's own text does not
      if (r.agency === null && opts.page.agency) r.agency = opts.page.agency;
      if (r.year === null && opts.page.year !== null) r.year = opts.page.year;
      if (opts.page.title && (!r.title || r.title === title)) r.title = opts.page.title;
      // the page's byline dates the report its file holds (SPEC §10 meta.deadline)
      if (!r.publishedAt && opts.page.publishedAt) return withPublication(r, opts.page.publishedAt);
    }
    return r;
  });
  return { kind, html: read?.html ?? null, notes, outcomes };
}

import { canonicalUrl } from '../core/canonical-url';
import { checkReports } from '../core/check-page';
import { NO_STRUCTURE } from '../core/detect';
import type { ReportRecord, ScanOutcome } from '../core/record';
import { findAttachment } from '../page/attachment-link';

/**
 * One report page of a listing, fetched by the collector (SPEC §9): parsed (DOMParser, off the service
 * worker), read by the same core as the in-page lens, under its canonical address. When the tables are not
 * on the page (SPEC §8: a report with no readable table, or a page titled as one whose body is only "详见附件"),
 * the report's file is picked by the same rule as the in-page attachment reader; the collector fetches it.
 */
export interface PageRead {
  /** the page's reports (a 年报汇编 gives several), or its one non-report outcome */
  outcomes: ScanOutcome[];
  /** the attachment to read the tables from */
  attachment: { url: string; name: string } | null;
  /** why no attachment is read although the tables are not on the page */
  attachmentNote: string | null;
}

export function readReportPage(html: string, fetchedUrl: string, parse: (html: string) => Document): PageRead {
  const doc = withBase(parse(html), fetchedUrl);
  const url = canonicalUrl(doc, fetchedUrl);
  const results = checkReports(doc, url);
  const reports = results.map((r) => r.outcome).filter((o): o is ReportRecord => o.isReport);
  const outcomes: ScanOutcome[] = reports.length ? reports : results.slice(0, 1).map((r) => r.outcome);
  const first = outcomes[0];
  const titleOnly = !!first && !first.isReport && first.reason === NO_STRUCTURE;
  const noTables = !!first && first.isReport && first.tables === 0;
  if (!noTables && !titleOnly) return { outcomes, attachment: null, attachmentNote: null };
  const pick = findAttachment(doc, fetchedUrl);
  if ('found' in pick && (!titleOnly || (pick.named && pick.alone)))
    return { outcomes, attachment: { url: pick.found.url, name: pick.found.name }, attachmentNote: null };
  if (titleOnly) return { outcomes, attachment: null, attachmentNote: null };
  const note =
    'unreadable' in pick
      ? `附件 ${pick.unreadable.name} 无法读取：请另存为 .docx 或 PDF`
      : 'ambiguous' in pick
        ? `附件中有 ${pick.ambiguous.length} 个文件，无法确定哪个是年报`
        : 'none' in pick && pick.offSite
          ? `附件不在本网站上（${new URL(pick.offSite.url).hostname}），未读取`
          : null;
  return { outcomes, attachment: null, attachmentNote: note };
}

/**
 * A parsed document's links resolve against the page's address, not the parser's (an extension page):
 * a `<base>` is added when the page has none.
 */
export function withBase(doc: Document, pageUrl: string): Document {
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', pageUrl);
    (doc.head ?? doc.documentElement).prepend(base);
  }
  return doc;
}

import type { ReportRecord, ScanOutcome } from '../core/record';
import { decodePage, hasFileMagic } from '../collect/decode-page';
import type { PageRead } from '../collect/read-report-page';
import { fileNameOf } from '../files/file-address';
import type { CollectItem } from '../protocol/collect';
import type { SaveResult } from '../protocol/messages';
import { refuseFetch, type ReadBytes } from './file-check';
import type { FetchOutcome } from './polite-fetch';

/**
 * One item of a collection run (SPEC §9): fetch the report page politely, read it off the service worker
 * (same core), follow its attachment when the tables are a file (§8), then save its records with
 * `collectedFrom` — or find them unchanged (`skipped`). Every failure is this item's only: it ends in a status
 * with a reason and the run goes on.
 */

export interface ItemDeps {
  /** the polite fetcher, the run's gap already applied */
  fetch: (url: string, opts: { maxBytes: number; timeoutMs: number; retryTimeouts: boolean }) => Promise<FetchOutcome>;
  readPage: (html: string, url: string) => Promise<PageRead>;
  readFile: ReadBytes;
  /** the saved records of these ids (undefined when not saved) */
  existing: (ids: string[]) => Promise<Array<ReportRecord | undefined>>;
  save: (records: ReportRecord[]) => Promise<SaveResult>;
}

export type ItemResult = Pick<CollectItem, 'status' | 'reason' | 'recordIds' | 'failing' | 'source'>;

/** A report page is a few hundred KB; a file is read up to the file limit. */
const MAX_PAGE_BYTES = 15 * 1024 * 1024;
const MAX_FILE_BYTES = 30 * 1024 * 1024;
/**
 * A request that has not finished in this time is given up, and not tried again: a page that never finishes
 * fails its item after one wait instead of holding the run (and the host) for three.
 */
export const ITEM_TIMEOUT_MS = 20_000;
const FETCH = { timeoutMs: ITEM_TIMEOUT_MS, retryTimeouts: false };

const failed = (reason: string): ItemResult => ({
  status: 'failed',
  reason: reason.slice(0, 500),
  recordIds: [],
  failing: 0,
  source: null,
});

export async function collectItem(
  item: Pick<CollectItem, 'url' | 'kind' | 'title'>,
  listingUrl: string,
  deps: ItemDeps,
): Promise<ItemResult> {
  if (!/^https?:\/\//i.test(item.url)) return failed(`只收集 http(s) 地址（${item.url.slice(0, 80)}）`);
  const got = await deps.fetch(item.url, { ...FETCH, maxBytes: item.kind === 'page' ? MAX_PAGE_BYTES : MAX_FILE_BYTES });
  if (!got.ok) return failed(/^网络错误/.test(got.error) ? `${got.error}（无法连接，或重定向过多/循环）` : got.error);
  let outcomes: ScanOutcome[];
  let why: string | null;
  // what came is told by its bytes: a file (a listed PDF, or a download script's answer), else a web page when a
  // page was expected or the server says HTML (a ".pdf" link to a viewer page); anything else was not the report
  const file = hasFileMagic(got.bytes);
  if (!file && item.kind !== 'page' && !/text\/html|xhtml/i.test(got.contentType))
    return failed('服务器返回的不是 PDF 或 Word 文件（可能是网页或错误页），未读取');
  if (file) {
    // a report published as a file: a record of its own, under the file's address (SPEC §8)
    // a file nothing can be read from (scanned, locked) is still the report the listing names: no-tables (SPEC §8)
    const page = { title: item.title, agency: null, year: null };
    const read = await deps.readFile({ bytes: got.bytes, name: fileNameOf(got.url), url: item.url, fileUrl: got.url, page });
    outcomes = read.outcomes;
    why = read.notes[0] ?? null;
  } else {
    const page = await deps.readPage(decodePage(got.bytes, got.contentType), got.url);
    outcomes = page.outcomes;
    why = page.attachmentNote;
    if (page.attachment) {
      const fromFile = await readAttachment(page, page.attachment, got.url, deps);
      if (typeof fromFile === 'string') why = fromFile;
      else outcomes = fromFile;
    }
  }
  return settle(outcomes, listingUrl, why, deps);
}

/** The page's records read from its attachment, or why they could not be. */
async function readAttachment(page: PageRead, file: { url: string; name: string }, pageUrl: string, deps: ItemDeps) {
  const own = page.outcomes[0];
  const refused = refuseFetch(file.url, pageUrl);
  if (refused) return refused;
  const got = await deps.fetch(file.url, { ...FETCH, maxBytes: MAX_FILE_BYTES });
  if (!got.ok) return `附件 ${file.name} 无法下载（${got.error}）`;
  const url = own?.isReport ? own.url : pageUrl.replace(/#.*$/, '');
  const meta = own?.isReport ? { title: own.title, agency: own.agency, year: own.year } : undefined;
  const read = await deps.readFile({ bytes: got.bytes, name: fileNameOf(file.url), url, fileUrl: file.url, page: meta });
  const reports = read.outcomes.filter((o): o is ReportRecord => o.isReport);
  if (reports.length && (own?.isReport || reports.some((r) => r.tables > 0))) return reports;
  if (!own?.isReport) return read.notes[0] ?? '附件中没有年报';
  // a file with no text: the page's no-tables record, with the reason and the file (as the in-page reader does)
  const kind = read.kind === 'pdf' || read.kind === 'docx' ? read.kind : null;
  return [{ ...own, notes: [...read.notes, ...own.notes].slice(0, 50), ...(kind ? { source: { kind, url: file.url } } : {}) }];
}

/** The records saved — or found unchanged — and the item's status. */
async function settle(outcomes: ScanOutcome[], listingUrl: string, why: string | null, deps: ItemDeps): Promise<ItemResult> {
  const reports = outcomes.filter((o): o is ReportRecord => o.isReport).map((r) => ({ ...r, collectedFrom: listingUrl }));
  if (!reports.length) {
    const reason = outcomes[0] && !outcomes[0].isReport ? outcomes[0].reason : null;
    return { status: 'not-report', reason: (why ?? reason ?? '不是年度报告').slice(0, 500), recordIds: [], failing: 0, source: null };
  }
  const recordIds = reports.map((r) => r.id);
  const failing = reports.reduce((n, r) => n + r.checks.filter((c) => c.status === 'fail').length, 0);
  const source = reports[0].source?.kind ?? 'html';
  const noTables = reports.every((r) => r.status === 'no-tables');
  const olds = await deps.existing(recordIds);
  const changed = reports.filter((r, i) => olds[i]?.contentHash !== r.contentHash);
  if (!changed.length) return { status: 'skipped', reason: '已保存，内容未变', recordIds, failing, source };
  const saved = await deps.save(changed);
  if (!saved.ok) return failed(saved.error);
  const reason = noTables ? (why ?? reports[0].notes[0] ?? '未找到可读的表格') : null;
  return { status: noTables ? 'no-tables' : 'saved', reason: reason?.slice(0, 500) ?? null, recordIds, failing, source };
}

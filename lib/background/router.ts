import { toSimplifiedFull } from '../core/chinese-full';
import { NO_STRUCTURE } from '../core/detect';
import { browser, type Browser } from 'wxt/browser';
import { db, deleteReports, mergeReports } from '../db/database';
import { parseImport } from '../export/import';
import { stageImportBatch } from './import-staging';
import {
  MessageSchema,
  type FileCheckReply,
  type Message,
  type PageReadReply,
  type Replies,
  type ScanReply,
  type TabState,
} from '../protocol/messages';
import { finishPage } from '../core/finish';
import { notReport } from '../core/read';
import type { ReportRecord, ScanOutcome } from '../core/record';
import { completeScan } from './complete-scan';
import { saveRecords, saveTab } from './saver';
import { errorWords } from '../i18n/errors';
import { getSettings, setSettings, settingsLanguage } from '../protocol/settings';
import { getTabState, setTabState } from './tab-state';
import { checkRemoteFile } from './file-check';
import { readAttachmentInTab } from './attachment';
import { pauseRun, resumeRun, resumeRuns, startRun } from './collector';
import { readListingHtml } from './collector-listing';

/**
 * The background's message handler: parses every message (the content script lives in an untrusted
 * page), stores per-tab state, saves, and answers the popup and options page.
 */

type Sender = Browser.runtime.MessageSender;

export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('[nianbao-lens] dropped an invalid message:', parsed.error.issues[0]?.message);
    return undefined;
  }
  const msg = parsed.data;
  if (msg.type === 'scan-result') return onScanResult(msg, sender);
  if (msg.type === 'page-read') return onPageRead(msg, sender);
  if (msg.type === 'read-attachment') return onReadAttachment(msg, sender);
  if (msg.type === 'open-report') return openReport(msg.id);
  if (msg.type === 'rescan' || msg.type === 'ping') return undefined;
  if (!fromExtensionPage(sender)) {
    console.warn(`[nianbao-lens] dropped "${msg.type}" from outside the extension's pages`);
    return undefined;
  }
  return answer(msg as Request);
}

function fromExtensionPage(sender: Sender): boolean {
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  return sender.id === browser.runtime.id && (!sender.url || sender.url.startsWith(origin));
}

type PageMessageType = 'scan-result' | 'page-read' | 'rescan' | 'ping' | 'read-attachment' | 'open-report';
type Request = Exclude<Message, { type: PageMessageType }>;

/**
 * One handler per request of the extension's pages; each returns that request's reply type (`Replies`
 * in lib/protocol/messages.ts), so a handler that answers the wrong shape does not compile.
 */
export const HANDLERS: { [T in Request['type']]: (msg: Extract<Request, { type: T }>) => Promise<Replies[T]> } = {
  'get-tab-state': (msg) => getTabState(msg.tabId),
  'save-page': (msg) => saveTab(msg.tabId),
  'delete-records': async (msg) => ({ deleted: await deleteReports(msg.ids) }),
  'import-records': async (msg) => {
    const lang = await settingsLanguage();
    const file = parseImport(msg.text, lang);
    if (!file.ok) return file;
    try {
      return { ok: true, ...(await mergeReports(file.reports)) };
    } catch (e) {
      return { ok: false, error: errorWords(lang).importFailed((e as Error).message) };
    }
  },
  'import-batch': async (msg) => stageImportBatch(msg.session, msg.reports, msg.last, await settingsLanguage()),
  'check-file': (msg) => checkFileOpened(msg.url),
  'get-settings': () => getSettings(),
  'set-settings': (msg) => setSettings(msg.settings),
  'collect-read-listing': (msg) => readListingHtml(msg.url, msg.tabId),
  'collect-start': (msg) => startRun(msg.listingUrl, msg.items),
  'collect-pause': (msg) => pauseRun(msg.runId),
  'collect-resume': (msg) => resumeRun(msg.runId, msg.retryFailed),
  'collect-wake': () => resumeRuns(),
};

function answer<T extends Request['type']>(msg: Extract<Request, { type: T }>): Promise<Replies[T]> {
  return (HANDLERS[msg.type as T] as (m: typeof msg) => Promise<Replies[T]>)(msg);
}

/**
 * A page's reports as its lens read them: finished here (lib/core/finish.ts — the part of the scan that needs
 * no DOM, compiled and warm in this long-lived context instead of in every page's fresh one), then handled as
 * any scan. The reply says which grids hold each record's tables, so the page can mark their cells.
 */
async function onPageRead(msg: Extract<Message, { type: 'page-read' }>, sender: Sender): Promise<PageReadReply | undefined> {
  const t0 = performance.now();
  const { finished, skipped, turnedDown } = finishPage(msg.reads, { simplifyName: toSimplifiedFull });
  const finishMs = performance.now() - t0;
  // a read whose detection the page left to us may be no report: it gets no record
  if (!finished.length) {
    if (turnedDown)
      await onScanResult(
        { type: 'scan-result', outcome: notReport(turnedDown, msg.reads[0].url).outcome, scanMs: msg.scanMs + finishMs },
        sender,
      );
    return { records: [], sections: [], skipped, finishMs };
  }
  const [first, ...rest] = finished.map((d) => d.record);
  const reply = await onScanResult(
    {
      type: 'scan-result',
      outcome: first,
      ...(rest.length ? { more: rest } : {}),
      scanMs: msg.scanMs + finishMs,
      facts: finished.map((d) => msg.reads[d.read].facts),
    },
    sender,
  );
  return reply && { ...reply, sections: finished.map((d) => d.sections), skipped, finishMs };
}

async function onScanResult(msg: Extract<Message, { type: 'scan-result' }>, sender: Sender): Promise<ScanReply | undefined> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return undefined;
  // the page-side scan maps only the characters it matches on: store the agency fully simplified
  const simplified = <T extends ScanOutcome>(o: T): T => (o.isReport && o.agency ? { ...o, agency: toSimplifiedFull(o.agency) } : o);
  // the checks beyond the tables (SPEC §10), from what the page sent and the history
  const completed = await completeScan([simplified(msg.outcome), ...(msg.more ?? []).map(simplified)], msg.facts);
  const [outcome, ...rest] = completed;
  const more = outcome.isReport ? (rest as ReportRecord[]) : [];
  const reply: ScanReply | undefined = outcome.isReport ? { records: [outcome, ...more] } : undefined;
  const topFrame = (sender.frameId ?? 0) === 0;
  const current = await getTabState(tabId);
  // a frame that is not a report never hides the report found by the page or another frame
  if (!topFrame && (!outcome.isReport || current?.outcome.isReport)) return reply;
  const state: TabState = { outcome, more, scanMs: msg.scanMs, savedAt: null, saveError: null };
  if (outcome.isReport) {
    const { autoSave } = await getSettings();
    if (autoSave) {
      const saved = await saveRecords([outcome, ...more]);
      if (saved.ok) state.savedAt = saved.savedAt;
      else state.saveError = saved.error;
    } else {
      state.savedAt = (await db.reports.get(outcome.id).catch(() => undefined))?.savedAt ?? null;
    }
  }
  await setTabState(tabId, state);
  // a report whose tables are not on the page: look for its attached file (SPEC §8)
  // (also a page titled as a report whose body is only "详见附件": the reader then wants the one report-named file)
  const noTables = outcome.isReport ? outcome.tables === 0 && (outcome.source?.kind ?? 'html') === 'html' : outcome.reason === NO_STRUCTURE;
  // after the reply: the page shows its verdict first, then the reader adds its line under it
  if (topFrame && noTables) setTimeout(() => void readAttachmentInTab(tabId), 0);
  return reply;
}

/** The overlay's link to another year's saved record: the history opens on it (options.html#report=<id>). */
async function openReport(id: string): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#report=${id}` });
}

/**
 * A report page without readable tables asks for its attachment (SPEC §8): read from the page's own site,
 * the records keep the page's address. The page's lens shows them and reports them back as its scan
 * (then saved as any scan is).
 */
async function onReadAttachment(msg: Extract<Message, { type: 'read-attachment' }>, sender: Sender): Promise<FileCheckReply | undefined> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || !sender.url) return undefined;
  const page = (await getTabState(tabId))?.outcome;
  return checkRemoteFile({
    fileUrl: msg.fileUrl,
    pageUrl: sender.url,
    url: page?.url ?? sender.url.replace(/#.*$/, ''),
    page: page?.isReport ? { title: page.title, agency: page.agency, year: page.year, publishedAt: page.publishedAt ?? null } : undefined,
  });
}

/** A PDF/DOCX opened directly (the viewer page): read, checked and saved under the file's own address. */
async function checkFileOpened(url: string): Promise<FileCheckReply> {
  const reply = await checkRemoteFile({ fileUrl: url, url: url.replace(/#.*$/, ''), withHtml: true });
  if (!reply.ok) return reply;
  const reports = reply.outcomes.filter((o) => o.isReport);
  return reports.length ? { ...reply, save: await saveRecords(reports) } : reply;
}

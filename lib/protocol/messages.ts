import { z } from 'zod';
import { browser } from 'wxt/browser';
import { RecordSchema, ScanOutcomeSchema, type ReportRecord, type ScanOutcome } from '../core/record';
import type { Sections } from '../core/read';
import { SettingsPatchSchema, type Settings } from './settings';
import { CandidateSchema, type CollectReply, type ListingReply } from './collect';

/**
 * The one typed message protocol between the extension's contexts. Every message is a zod
 * discriminated union member; receivers parse with `MessageSchema` (the page is untrusted).
 */

/** A report's narrative and date <meta>s (lib/core/page-facts.ts), as the page sends them. */
export const PageFactsSchema = z.object({
  text: z.string().max(60_000),
  head: z.string().max(4_000),
  metas: z.record(z.string().max(60), z.string().max(64)),
});

/** content script → background: the outcome of a scan of the page (or of a same-origin frame). */
export const ScanResultMessage = z.object({
  type: z.literal('scan-result'),
  outcome: ScanOutcomeSchema,
  /** the page's further reports (a 年报汇编's parts 2…n, or a frame's), each a record of its own (SPEC §5) */
  more: z.array(RecordSchema).max(50).optional(),
  /** how long the scan took, in milliseconds */
  scanMs: z.number().nonnegative().finite(),
  /**
   * what the checks beyond the tables read (SPEC §10), one per report in the order [outcome, ...more]: the
   * background runs them (lib/core/beyond.ts) and answers with the records they complete
   */
  facts: z.array(PageFactsSchema).max(51).optional(),
});

/**
 * A table as the page read it (lib/core/grid.ts `GridData`): its row count and its cells as
 * `[text, row, col, rowSpan, colSpan, nested]`. Bounded as buildGrid bounds a table (250,000 slots); a
 * cell's text as the browser bounds a message (a layout cell may hold a whole article: it must not cost
 * the page its verdict).
 */
const Int = z.number().int().nonnegative();
export const GridDataSchema = z.object({
  rows: Int.max(250_000),
  cells: z.array(z.tuple([z.string().max(5_000_000), Int, Int, Int, Int, z.union([z.literal(0), z.literal(1)])])).max(250_000),
});

/**
 * What detection reads of a page (lib/core/detect.ts `DetectInput`): its title lines (a line over 300
 * characters is never one), the body's and the tables' text (bounded as a cell is), the byline `<meta>`.
 */
const Text = z.string().max(5_000_000);
export const DetectInputSchema = z.object({
  lines: z.array(z.tuple([z.string().max(300), z.union([z.literal(0), z.literal(1), z.literal(2)])])).max(2_000),
  body: Text,
  tables: Text,
  source: z.string().max(1000).nullable(),
});

/**
 * One report as the page read it (lib/core/read.ts `ReportRead`, its grids as data), with its detection
 * (`found`) or what detection reads (`detect`, the lens's reads: the background decides).
 */
export const ReportReadSchema = z
  .object({
    found: z
      .object({
        title: z.string().max(4000),
        agency: z.string().max(1000).nullable(),
        year: z.number().int().nullable(),
        notes: z.array(z.string().max(1000)).max(50).optional(),
      })
      .optional(),
    detect: DetectInputSchema.optional(),
    url: z.string().max(4000),
    frameUrl: z.string().max(4000).optional(),
    tables: z.array(GridDataSchema).max(5_000),
    facts: PageFactsSchema,
  })
  .refine((r) => (r.found === undefined) !== (r.detect === undefined), 'a read carries its detection or what detection reads, not both');
export type ReportReadData = z.infer<typeof ReportReadSchema>;

/**
 * content script → background: the page's reports as read (its top document's, then its frames'). The
 * background finishes them (lib/core/finish.ts: sections, keys, checks, the record), completes them with the
 * checks beyond the tables, saves them, and answers with a `PageReadReply`. A page that is not a report
 * sends its `scan-result` outcome instead.
 */
export const PageReadMessage = z.object({
  type: z.literal('page-read'),
  reads: z.array(ReportReadSchema).min(1).max(51),
  /** how long the page took to read them, in milliseconds */
  scanMs: z.number().nonnegative().finite(),
});

/** The reply to a page's scan: its reports with the checks beyond the tables added (same order). */
export interface ScanReply {
  records: ReportRecord[];
}

/** The reply to a page's read: its records, which of its grids each one's report tables are, and the background's time. */
export interface PageReadReply extends ScanReply {
  /** per record: [grid index, section] of each report table, in the record's table order */
  sections: Sections[];
  /** how long finishing the records took in the background (ms): the scan's second half */
  finishMs: number;
  /** the reads (by index) the background found are no report (their detection was left to it): no record */
  skipped: number[];
}

/**
 * page (the attachment reader the background injects into a report page without readable tables, SPEC §8)
 * → background: read the report's attached file. Answered with a `FileCheckReply` whose records keep the
 * page's address (`url`) and name the file in `source`.
 */
export const ReadAttachmentMessage = z.object({ type: z.literal('read-attachment'), fileUrl: z.string().url().max(4000) });

/** viewer page → background: fetch a PDF/DOCX opened directly (SPEC §8), check it and save its record. */
export const CheckFileMessage = z.object({ type: z.literal('check-file'), url: z.string().url().max(4000) });

/** content script → background: open a saved record in the history (the overlay's link to another year). */
export const OpenReportMessage = z.object({ type: z.literal('open-report'), id: z.string().regex(/^r[0-9a-f]{1,63}$/) });

/** background → content script: scan again now (context menu "用年报透镜检查此页"). */
export const RescanMessage = z.object({ type: z.literal('rescan') });

/**
 * background → content script: "is a lens running in this tab?" The content script ignores it; the
 * background only looks at whether delivery fails (no content script: the tab left the report).
 */
export const PingMessage = z.object({ type: z.literal('ping') });

const TabId = z.number().int().nonnegative();

/** popup → background: the state of a tab (the active one when the popup asks). */
export const GetTabStateMessage = z.object({ type: z.literal('get-tab-state'), tabId: TabId });
/** popup → background: save the tab's report now (auto-save off, or a retry after a failure). */
export const SavePageMessage = z.object({ type: z.literal('save-page'), tabId: TabId });
/** options → background: delete saved reports. */
export const DeleteRecordsMessage = z.object({
  type: z.literal('delete-records'),
  ids: z.array(z.string().min(1).max(64)).max(100_000),
});
/** options → background: merge an exported JSON file (its text, parsed and validated by the background). */
export const ImportRecordsMessage = z.object({ type: z.literal('import-records'), text: z.string() });
/**
 * options → background: a large import, sent in batches of records already read from the file by the
 * page. The background stages them and merges everything in one transaction with the `last` batch.
 */
export const ImportBatchMessage = z.object({
  type: z.literal('import-batch'),
  session: z.string().min(1).max(64),
  reports: z.array(z.unknown()).max(2000),
  last: z.boolean(),
});
/** collector page → background (SPEC §9): a listing page's HTML, from the open tab `tabId` or fetched politely. */
export const CollectReadListingMessage = z.object({
  type: z.literal('collect-read-listing'),
  url: z.string().url().max(4000),
  tabId: TabId.optional(),
});
/** collector page → background: queue the checked links of a listing and start collecting them. */
export const CollectStartMessage = z.object({
  type: z.literal('collect-start'),
  listingUrl: z.string().url().max(4000),
  items: z.array(CandidateSchema).min(1).max(10_000),
});
const RunId = z.string().min(1).max(40);
export const CollectPauseMessage = z.object({ type: z.literal('collect-pause'), runId: RunId });
/** resume a paused run, or (`retryFailed`) queue its failed items again */
export const CollectResumeMessage = z.object({ type: z.literal('collect-resume'), runId: RunId, retryFailed: z.boolean().optional() });
/** collector page → background, when it opens: go on with any run a stopped worker left running */
export const CollectWakeMessage = z.object({ type: z.literal('collect-wake') });

export const GetSettingsMessage = z.object({ type: z.literal('get-settings') });

export const SetSettingsMessage = z.object({ type: z.literal('set-settings'), settings: SettingsPatchSchema });

export const MessageSchema = z.discriminatedUnion('type', [
  ScanResultMessage,
  PageReadMessage,
  OpenReportMessage,
  RescanMessage,
  PingMessage,
  ReadAttachmentMessage,
  CheckFileMessage,
  GetTabStateMessage,
  SavePageMessage,
  DeleteRecordsMessage,
  ImportRecordsMessage,
  ImportBatchMessage,
  GetSettingsMessage,
  SetSettingsMessage,
  CollectReadListingMessage,
  CollectStartMessage,
  CollectPauseMessage,
  CollectResumeMessage,
  CollectWakeMessage,
]);
export type Message = z.infer<typeof MessageSchema>;

/** What the background keeps per tab (in storage.session, so it survives the worker stopping). */
export const TabStateSchema = z.object({
  outcome: ScanOutcomeSchema,
  /** the page's further reports after `outcome` (a 年报汇编's parts 2…n): saved, and counted by the badge */
  more: z.array(RecordSchema).max(50).optional(),
  scanMs: z.number().nonnegative().finite(),
  /** when the report was saved (ISO), null while unsaved */
  savedAt: z.string().nullable(),
  /** why the last save failed, shown in the popup; null when it did not */
  saveError: z.string().nullable().default(null),
});
export type TabState = z.infer<typeof TabStateSchema>;

export type ImportResult = { ok: true; added: number; updated: number } | { ok: false; error: string };
export type SaveResult = { ok: true; savedAt: string } | { ok: false; error: string };

/** What reading a report file gave (SPEC §8): the records (or the one non-report outcome) and the reader's notes. */
export type FileCheckReply =
  | {
      ok: true;
      kind: 'pdf' | 'docx' | 'doc' | null;
      /** the file's name, decoded from its address */
      fileName: string;
      notes: string[];
      /** how long reading and checking the file took (ms), the download excluded */
      readMs: number;
      /** whether the reader got text out of the file (false: scanned, corrupt, password, unreadable kind) */
      readable: boolean;
      outcomes: ScanOutcome[];
      /** the rebuilt HTML (only for the viewer page) */
      html?: string | null;
      /** the save of a file opened directly: when, or why it failed */
      save?: SaveResult;
    }
  | { ok: false; fileName: string; error: string };

/** The reply type of each request. */
export interface Replies {
  'scan-result': ScanReply | undefined;
  'page-read': PageReadReply | undefined;
  'open-report': void;
  rescan: void;
  ping: void;
  'read-attachment': FileCheckReply;
  'check-file': FileCheckReply;
  'get-tab-state': TabState | null;
  'save-page': SaveResult;
  'delete-records': { deleted: number };
  'import-records': ImportResult;
  'import-batch': ImportResult | { ok: true; staged: number };
  'get-settings': Settings;
  'set-settings': Settings;
  'collect-read-listing': ListingReply;
  'collect-start': CollectReply;
  'collect-pause': CollectReply;
  'collect-resume': CollectReply;
  'collect-wake': void;
}

/** Sends a typed request to the background and returns its typed reply. */
export async function sendMessage<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as Replies[M['type']];
}

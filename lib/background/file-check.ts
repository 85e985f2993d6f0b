import { browser } from 'wxt/browser';
import { siteOf } from '../core/listing';
import type { ReportRecord } from '../core/record';
import { fileNameOf } from '../files/file-address';
import type { FileCheckReply } from '../protocol/messages';
import { toBase64, type OffscreenReadReply, type OffscreenReadRequest } from '../protocol/offscreen';
import { askOffscreen, hasOffscreen } from './offscreen';
import { politeFetch as defaultFetch, type FetchOutcome } from './polite-fetch';

/**
 * Reading a report file from the web (SPEC §8), in the background: only from the page's own sites (an
 * attachment) or a gov.cn host (a file opened directly), fetched politely (./polite-fetch.ts), then read off
 * this thread — in Chrome's offscreen document, in Firefox's background page itself (it has a DOM).
 */

export interface RemoteFileRequest {
  /** the file's address */
  fileUrl: string;
  /** the records' address: the page that links the file, or the file's own */
  url: string;
  /** the page the attachment was found on: its address bounds where we may fetch */
  pageUrl?: string;
  page?: Pick<ReportRecord, 'title' | 'agency' | 'year' | 'publishedAt'>;
  withHtml?: boolean;
}

export type ReadBytes = (
  req: Omit<OffscreenReadRequest, 'target' | 'type' | 'data'> & { bytes: Uint8Array },
) => Promise<OffscreenReadReply>;

/** The largest file read: a report with text is well under 10 MB; a 50 MB PDF is a scan. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

/**
 * Why a file may not be fetched, or null when it may: http(s) only, on a *.gov.cn host, and — for an
 * attachment — on the site of the page that links it. Nothing else ever leaves the browser.
 */
export function refuseFetch(fileUrl: string, pageUrl?: string): string | null {
  let file: URL;
  try {
    file = new URL(fileUrl);
  } catch {
    return `地址无效：${fileUrl.slice(0, 200)}`;
  }
  if (!/^https?:$/.test(file.protocol)) return `只读取 http(s) 地址的文件（${file.protocol}）`;
  if (!/(^|\.)gov\.cn$/i.test(file.hostname)) return `只读取 gov.cn 网站上的文件（${file.hostname}）`;
  if (pageUrl) {
    let page: URL;
    try {
      page = new URL(pageUrl);
    } catch {
      return `页面地址无效`;
    }
    if (siteOf(page.hostname) !== siteOf(file.hostname)) return `附件不在本网站上（${file.hostname}），未读取`;
  }
  return null;
}

export interface FileCheckDeps {
  fetch: (url: string, opts: { maxBytes: number }) => Promise<FetchOutcome>;
  read: ReadBytes;
}

export async function checkRemoteFile(req: RemoteFileRequest, deps: Partial<FileCheckDeps> = {}): Promise<FileCheckReply> {
  const fileName = fileNameOf(req.fileUrl);
  const refused = refuseFetch(req.fileUrl, req.pageUrl);
  if (refused) return { ok: false, fileName, error: refused };
  const got = await (deps.fetch ?? defaultFetch)(req.fileUrl, { maxBytes: MAX_FILE_BYTES });
  if (!got.ok) return { ok: false, fileName, error: `无法下载文件（${got.error}）` };
  // a redirect may not take us off the allowed sites either
  const refusedAfter = got.url !== req.fileUrl ? refuseFetch(got.url, req.pageUrl) : null;
  if (refusedAfter) return { ok: false, fileName, error: refusedAfter };
  try {
    const t0 = performance.now();
    const read = await (deps.read ?? readBytes)({ bytes: got.bytes, name: fileName, url: req.url, fileUrl: req.fileUrl, page: req.page });
    const reply = {
      ok: true as const,
      kind: read.kind,
      fileName,
      notes: read.notes,
      readable: read.html !== null,
      outcomes: read.outcomes,
      readMs: Math.round(performance.now() - t0),
    };
    return req.withHtml ? { ...reply, html: read.html } : reply;
  } catch (e) {
    return { ok: false, fileName, error: `无法读取文件（${(e as Error)?.message ?? e}）` };
  }
}

/** How long a file's reading may take before it is given up (a hostile PDF must not hang the lens). */
const READ_TIMEOUT_MS = 60_000;

/** Reads bytes in the offscreen document (Chrome) or right here (Firefox's background page has a DOM). */
export async function readBytes(req: Parameters<ReadBytes>[0]): Promise<OffscreenReadReply> {
  const { bytes, ...rest } = req;
  if (!hasOffscreen()) {
    // Firefox only (its background page has a DOM): in Chrome's build this branch and pdf.js stay out of the worker
    if (!import.meta.env.FIREFOX) throw new Error('chrome.offscreen is not available');
    const [{ checkFileBytes }, { browserReaders, pdfAssets }] = await Promise.all([
      import('../files/check-file'),
      import('../files/browser-readers'),
    ]);
    const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    const readers = browserReaders(pdfAssets((p) => browser.runtime.getURL(p as '/')));
    return checkFileBytes(bytes, { ...rest, parse, readers });
  }
  const request: OffscreenReadRequest = { target: 'offscreen', type: 'read-file', data: toBase64(bytes), ...rest };
  return askOffscreen<OffscreenReadReply>(request, READ_TIMEOUT_MS, `读取超过 ${READ_TIMEOUT_MS / 1000} 秒`);
}

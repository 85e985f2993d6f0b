import { browser } from 'wxt/browser';
import { checkFileBytes } from '@/lib/files/check-file';
import { browserReaders, pdfAssets } from '@/lib/files/browser-readers';
import { readReportPage } from '@/lib/collect/read-report-page';
import { fromBase64, isOffscreenPageRequest, isOffscreenRequest, type OffscreenReadReply } from '@/lib/protocol/offscreen';

/**
 * The offscreen document (Chrome, SPEC §8, §9): reads report files and collected report pages off the
 * background's thread and out of every web page — pdf.js (with its worker) and mammoth load here, on the
 * first file. Wiring only: the reading is lib/files/check-file.ts (the same as the CLI's) and
 * lib/collect/read-report-page.ts.
 */
const readers = browserReaders(pdfAssets((p) => browser.runtime.getURL(p as '/')));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

browser.runtime.onMessage.addListener((msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
  if (isOffscreenPageRequest(msg)) {
    try {
      sendResponse(readReportPage(msg.html, msg.url, parse));
    } catch (e) {
      sendResponse({ error: (e as Error)?.message ?? String(e) });
    }
    return false;
  }
  if (!isOffscreenRequest(msg)) return false;
  const { data, name, url, fileUrl, page } = msg;
  checkFileBytes(fromBase64(data), { name, url, fileUrl, page, parse, readers }).then(
    (read): void =>
      sendResponse({ kind: read.kind, html: read.html, notes: read.notes, outcomes: read.outcomes } satisfies OffscreenReadReply),
    (e: unknown) => sendResponse({ error: (e as Error)?.message ?? String(e) }),
  );
  return true; // the reply comes later
});

import type { PageRead } from '../collect/read-report-page';
import type { OffscreenPageRequest } from '../protocol/offscreen';
import { askOffscreen, hasOffscreen } from './offscreen';

/** A collected page's reading may not hold its item longer than this (a hostile page must not stop the run). */
const READ_PAGE_TIMEOUT_MS = 30_000;

/**
 * A collected report page read off the service worker (SPEC §9): in Chrome's offscreen document (DOMParser
 * and the core there), in Firefox's background page itself (it has a DOM).
 */
export async function readPageOffThread(html: string, url: string): Promise<PageRead> {
  if (!hasOffscreen()) {
    if (!import.meta.env.FIREFOX) throw new Error('chrome.offscreen is not available');
    const { readReportPage } = await import('../collect/read-report-page');
    return readReportPage(html, url, (h) => new DOMParser().parseFromString(h, 'text/html'));
  }
  const request: OffscreenPageRequest = { target: 'offscreen', type: 'read-page', html, url };
  return askOffscreen<PageRead>(request, READ_PAGE_TIMEOUT_MS, `网页读取超过 ${READ_PAGE_TIMEOUT_MS / 1000} 秒`);
}

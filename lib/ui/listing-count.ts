import { browser } from 'wxt/browser';
import { countReportLinks } from '../core/listing';
import { withBase } from '../collect/read-report-page';

/**
 * How many reports the page in a tab links (the popup offers `collect-open` from 2 on, SPEC §9): its live
 * DOM, serialized in the tab and read here — nothing is added to the content script every gov.cn page loads.
 * 0 for a tab we may not read (not gov.cn, a browser page) or a page that is not a listing.
 */
export async function countListedReports(tabId: number, url: string | undefined): Promise<number> {
  if (!url || !/^https?:\/\/([^/]+\.)?gov\.cn(:\d+)?\//i.test(url)) return 0;
  try {
    const [res] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.documentElement.outerHTML });
    if (typeof res?.result !== 'string') return 0;
    const doc = withBase(new DOMParser().parseFromString(res.result, 'text/html'), url);
    return countReportLinks(doc, url);
  } catch {
    return 0;
  }
}

/** The collector page for a listing (an extension-relative address), reading the open tab's DOM when `tabId` is given. */
export const collectorUrl = (listingUrl: string, tabId?: number) =>
  `/collector.html?url=${encodeURIComponent(listingUrl.replace(/#.*$/, ''))}${tabId !== undefined ? `&tabId=${tabId}` : ''}`;

import { browser } from 'wxt/browser';
import { decodePage } from '../collect/decode-page';
import type { ListingReply } from '../protocol/collect';
import { getSettings, jitteredGap } from '../protocol/settings';
import { politeFetch as defaultFetch, type FetchOutcome } from './polite-fetch';

/**
 * A listing page's HTML for the collector page (SPEC §9): the open tab's live DOM when the tab still shows
 * the listing (a listing rendered by script is read as the researcher sees it), else fetched politely. Only
 * gov.cn listings are fetched: a listing is where a collection's requests go.
 */

const MAX_LISTING_BYTES = 10 * 1024 * 1024;

export interface ListingDeps {
  fetch: (url: string, opts: { gapMs: number; maxBytes: number; timeoutMs: number }) => Promise<FetchOutcome>;
  tabHtml: (tabId: number, url: string) => Promise<string | null>;
  /** a tab that shows `url` (the collector opened from the options page with the listing open elsewhere) */
  findTab: (url: string) => Promise<number | undefined>;
  /** counts a request to the host as just made (the tab's own load) */
  touch: (host: string) => void;
}

const sameAddress = (a: string, b: string) => a.replace(/#.*$/, '') === b.replace(/#.*$/, '');

/** The serialized DOM of a tab that shows `url`, or null (closed, navigated away, no access). */
async function tabHtml(tabId: number, url: string): Promise<string | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.url || !sameAddress(tab.url, url)) return null;
    const [res] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.documentElement.outerHTML });
    return typeof res?.result === 'string' ? res.result : null;
  } catch {
    return null;
  }
}

async function findTab(url: string): Promise<number | undefined> {
  try {
    return (await browser.tabs.query({})).find((t) => t.id !== undefined && t.url && sameAddress(t.url, url))?.id;
  } catch {
    return undefined;
  }
}

export async function readListingHtml(url: string, tabId?: number, deps: Partial<ListingDeps> = {}): Promise<ListingReply> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, error: `地址无效：${url.slice(0, 200)}` };
  }
  if (!/^https?:$/.test(u.protocol) || !/(^|\.)gov\.cn$/i.test(u.hostname))
    return { ok: false, error: `只收集 gov.cn 网站上的栏目（${u.hostname || url.slice(0, 80)}）` };
  const tab = tabId ?? (await (deps.findTab ?? findTab)(url));
  if (tab !== undefined) {
    const html = await (deps.tabHtml ?? tabHtml)(tab, url);
    // the tab loaded the page from the host not long ago: the collector's first request there waits a gap
    if (html) {
      (deps.touch ?? defaultFetch.touch)(u.host);
      return { ok: true, html, url, from: 'tab' };
    }
  }
  const { collectGapMs } = await getSettings();
  const got = await (deps.fetch ?? defaultFetch)(url, { gapMs: jitteredGap(collectGapMs), maxBytes: MAX_LISTING_BYTES, timeoutMs: 30_000 });
  if (!got.ok) return { ok: false, error: `无法读取栏目页（${got.error}）` };
  return { ok: true, html: decodePage(got.bytes, got.contentType), url: got.url, from: 'fetch' };
}

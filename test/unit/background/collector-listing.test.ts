import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readListingHtml, type ListingDeps } from '../../../lib/background/collector-listing';

/** The listing's HTML (SPEC §9): the open tab's live DOM when it still shows the listing, else fetched politely; gov.cn only. */
const URL_ = 'http://www.qz.gov.cn/col/col1229/index.html';
const fetched: ListingDeps['fetch'] = vi.fn(async (url) => ({
  ok: true as const,
  bytes: new TextEncoder().encode('<a href="a.html">2021年报</a>'),
  contentType: 'text/html; charset=utf-8',
  url,
}));

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(fetched).mockClear();
});

describe('readListingHtml', () => {
  it('reads the open tab’s DOM (a listing rendered by script) without a request', async () => {
    const touch = vi.fn();
    const reply = await readListingHtml(URL_, 5, { fetch: fetched, tabHtml: async () => '<div>live</div>', touch });
    expect(reply).toEqual({ ok: true, html: '<div>live</div>', url: URL_, from: 'tab' });
    expect(fetched).not.toHaveBeenCalled();
    expect(touch, 'the tab loaded the page: the next request to its host waits a gap').toHaveBeenCalledWith('www.qz.gov.cn');
  });

  it('without a tab named, reads a tab that shows the listing (opened from the options page)', async () => {
    const tabHtml = vi.fn(async (tab: number) => (tab === 9 ? '<div>tab 9</div>' : null));
    const reply = await readListingHtml(URL_, undefined, { fetch: fetched, tabHtml, findTab: async () => 9, touch: () => {} });
    expect(reply).toMatchObject({ ok: true, from: 'tab', html: '<div>tab 9</div>' });
    expect(fetched).not.toHaveBeenCalled();
  });

  it('fetches when the tab is gone or shows another page, with the gap setting (≥ 1 s)', async () => {
    const reply = await readListingHtml(URL_, 5, { fetch: fetched, tabHtml: async () => null });
    expect(await readListingHtml(URL_, undefined, { fetch: fetched, findTab: async () => undefined })).toMatchObject({ from: 'fetch' });
    expect(reply).toMatchObject({ ok: true, from: 'fetch', html: '<a href="a.html">2021年报</a>' });
    expect(vi.mocked(fetched).mock.calls[0][1].gapMs).toBeGreaterThanOrEqual(2000);
  });

  it('refuses a listing off gov.cn or not http(s), and says why a fetch failed', async () => {
    expect(await readListingHtml('http://example.com/list.html', undefined, { fetch: fetched })).toMatchObject({ ok: false });
    expect(await readListingHtml('file:///x.gov.cn/a', undefined, { fetch: fetched })).toMatchObject({ ok: false });
    expect(await readListingHtml('not a url', undefined, { fetch: fetched })).toMatchObject({ ok: false });
    expect(fetched).not.toHaveBeenCalled();
    const failing: ListingDeps['fetch'] = async () => ({ ok: false, status: 404, error: 'HTTP 404' });
    expect(await readListingHtml(URL_, undefined, { fetch: failing })).toEqual({ ok: false, error: '无法读取栏目页（HTTP 404）' });
  });
});

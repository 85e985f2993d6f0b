// @vitest-environment happy-dom
/**
 * The collector page's hooks (SPEC §9), rendered: the listing read page after page while following the
 * pagination (each page once), the run's items live from the database, the "already saved" marks, and the
 * popup's count of a tab's report links.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRun, updateItem, runItems } from '../../../lib/db/collect-store';
import { db, upsertReport } from '../../../lib/db/database';
import { collectorUrl, countListedReports } from '../../../lib/ui/listing-count';
import { parseListing } from '../../../lib/ui/parse-listing';
import { recordIdOf, useCollectRun, useSavedUrls } from '../../../lib/ui/use-collect-run';
import { useListing } from '../../../lib/ui/use-listing';
import { makeRecord } from '../../support/records';

const BASE = 'http://www.a.gov.cn/nb/';
const pageHtml = (n: number, next?: number) =>
  `<ul>${[1, 2].map((k) => `<li><a href="r${n}-${k}.html">某县${2000 + n * 2 + k}年政府信息公开工作年度报告</a></li>`).join('')}</ul>` +
  (next !== undefined ? `<a href="index_${next}.html">下一页</a>` : '');
const PAGES: Record<string, string> = {
  [`${BASE}index.html`]: pageHtml(0, 1),
  [`${BASE}index_1.html`]: pageHtml(1, 2),
  [`${BASE}index_2.html`]: pageHtml(2, 1), // points back: read once only
};

let root: HTMLElement;
let asked: string[];
beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([db.collectRuns.clear(), db.collectItems.clear(), db.reports.clear(), db.summaries.clear()]);
  asked = [];
  // the fake browser replies to sendMessage only through sendResponse
  fakeBrowser.runtime.onMessage.addListener(((msg: { type: string; url: string }, _s: unknown, reply: (r: unknown) => void) => {
    if (msg.type !== 'collect-read-listing') return undefined;
    asked.push(msg.url);
    const html = PAGES[msg.url];
    reply(html ? { ok: true, html, url: msg.url, from: 'fetch' } : { ok: false, error: 'HTTP 404' });
    return true;
  }) as never);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('useListing', () => {
  function Listing({ follow }: { follow: boolean }) {
    const l = useListing(`${BASE}index.html`, undefined, follow);
    return <p data-pages={l.pages}>{l.items.map((i) => `${i.page}:${i.url.replace(BASE, '')}`).join(' ')}</p>;
  }

  it('reads the first page, then the further ones once each while following; not following shows the first only', async () => {
    render(<Listing follow />, root);
    await vi.waitFor(() => expect(root.querySelector('p')?.dataset.pages).toBe('3'));
    expect(root.textContent).toBe('0:r0-1.html 0:r0-2.html 1:r1-1.html 1:r1-2.html 2:r2-1.html 2:r2-2.html');
    expect(asked).toEqual([`${BASE}index.html`, `${BASE}index_1.html`, `${BASE}index_2.html`]);
    render(<Listing follow={false} />, root);
    await vi.waitFor(() => expect(root.textContent).toBe('0:r0-1.html 0:r0-2.html'));
  });

  it('parseListing resolves links against the listing’s address', () => {
    expect(parseListing(pageHtml(0, 1), `${BASE}index.html`).nextPages).toEqual([`${BASE}index_1.html`]);
  });
});

describe('useCollectRun and useSavedUrls', () => {
  it('follow the run’s items as the background updates them, and mark addresses already saved', async () => {
    const saved = makeRecord({ n: 1 });
    await upsertReport({ ...saved, url: `${BASE}r0-1.html`, id: recordIdOf(`${BASE}r0-1.html`) });
    const urls = [`${BASE}r0-1.html`, `${BASE}r0-2.html`];
    function Run() {
      const { run, items } = useCollectRun(`${BASE}index.html`);
      const marks = useSavedUrls(urls);
      return (
        <p>
          {run === undefined ? '…' : (run?.state ?? 'none')}|{(items ?? []).map((i) => i.status).join(',')}|{[...marks].length}
        </p>
      );
    }
    render(<Run />, root);
    await vi.waitFor(() => expect(root.textContent).toBe('none||1'));
    const run = await createRun(
      `${BASE}index.html`,
      urls.map((url) => ({ url, title: 't', date: null, kind: 'page' as const })),
      2000,
    );
    await vi.waitFor(() => expect(root.textContent).toBe('running|queued,queued|1'));
    const [first] = await runItems(run.id).toArray();
    await updateItem(first.id, { status: 'saved' });
    await vi.waitFor(() => expect(root.textContent).toBe('running|saved,queued|1'));
  });
});

describe('the popup’s count of a tab’s report links', () => {
  it('counts the reports in the tab’s live DOM; nothing off gov.cn', async () => {
    const exec = vi.fn(async () => [{ result: `<html><body>${pageHtml(0)}${pageHtml(1)}</body></html>` }]);
    Object.assign(fakeBrowser.scripting, { executeScript: exec });
    expect(await countListedReports(3, `${BASE}index.html`)).toBe(4);
    expect(await countListedReports(3, 'http://example.com/')).toBe(0);
    expect(exec).toHaveBeenCalledTimes(1);
    expect(collectorUrl(`${BASE}index.html#top`, 3)).toBe(`/collector.html?url=${encodeURIComponent(`${BASE}index.html`)}&tabId=3`);
  });
});

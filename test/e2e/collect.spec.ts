import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, SCREENSHOTS_DIR, type Harness } from './harness';
import { savedReports } from './records';
import { politeness, startFixtureServer, type FixtureServer, type RecordedRequest } from './server';

/**
 * Collecting a 年报 column (SPEC §9, issue 11) in real Chromium over the fake listing sites (served as *.gov.cn,
 * with slow, 404, 429-with-Retry-After, 503-once, redirect-loop and never-ending answers): the popup offers the
 * collector on a listing; the candidates are listed right (reports checked, 解读/图解/news and other sites
 * not); a run saves every report once with `collectedFrom`, each item's status live; every host is fetched
 * politely (the server's log: no overlap, starts ≥ 1 s apart); pause/resume; a browser restart mid-run goes on
 * without fetching a finished item again; the run's records export; a screenshot of the collector.
 */

declare const chrome: any;
const HOST = 'www.example.gov.cn';
const TRS = `http://${HOST}/listings/trs/zfxxgkndbg/index.html`;
const TABLE = `http://${HOST}/listings/table/list.html`;
const DONE = ['saved', 'not-report', 'no-tables', 'failed', 'skipped'];

let server: FixtureServer;
let h: Harness;
before(async () => {
  server = await startFixtureServer();
  h = await launchExtension({ server, keepProfile: true });
  await setGap(h);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});
after(async () => {
  await h?.close();
  await server?.close();
});

/** collectGapMs = 1000 (the floor): the e2e stays short; jitter still adds up to 0.5 s */
const setGap = (x: Harness) =>
  x.sw.evaluate(() => chrome.storage.local.set({ settings: { autoSave: true, language: 'zh_CN', collectGapMs: 1000 } }));

const collectorUrl = (x: Harness, listing: string) =>
  `chrome-extension://${x.extensionId}/collector.html?url=${encodeURIComponent(listing)}`;

interface ItemView {
  url: string;
  status: string | null;
  checked: boolean;
  text: string;
}
const items = (page: Page): Promise<ItemView[]> =>
  page.$$eval('[data-testid="collect-item"]', (els) =>
    els.map((el) => ({
      url: el.getAttribute('data-url') ?? '',
      status: el.getAttribute('data-status'),
      checked: (el.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
      text: el.textContent ?? '',
    })),
  );
const summary = (page: Page) =>
  page.$eval('[data-testid="collect-summary"]', (el) => ({
    state: el.getAttribute('data-state'),
    done: Number(el.getAttribute('data-done')),
    total: Number(el.getAttribute('data-total')),
  }));

async function waitFor<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  let v = await get();
  for (const end = Date.now() + ms; !ok(v) && Date.now() < end; await new Promise((r) => setTimeout(r, 200))) v = await get();
  assert.ok(ok(v), `${what}: ${JSON.stringify(v)}`);
  return v;
}

/** Waits until the collector has read `pages` pages of its listing and is done reading. */
async function listingRead(page: Page, pages: string): Promise<void> {
  const state = page.locator('[data-testid="collect-listing-state"]');
  await waitFor(
    `${pages} listing page(s) read`,
    () => state.getAttribute('data-pages'),
    (p) => p === pages,
  );
  await waitFor(
    'reading done',
    () => state.getAttribute('data-reading'),
    (p) => p === 'false',
  );
}

const byPath = (list: ItemView[]) => Object.fromEntries(list.map((i) => [new URL(i.url).pathname + new URL(i.url).search, i]));

/**
 * Every host's requests since `t0`, polite: one at a time, starts ≥ 1 s apart. Left out: a redirect loop's hops
 * (the browser's, inside one fetch) and the tab's favicon (the browser's own, not the extension's).
 */
function assertPolite(since: number, hosts: string[]) {
  const log = server.requests.filter(
    (r: RecordedRequest) => r.start >= since && !r.path.startsWith('/_beh/loop/') && r.path !== '/favicon.ico',
  );
  for (const host of hosts) {
    const p = politeness(log, host);
    assert.equal(p.overlaps, 0, `${host}: a request started before the previous one ended`);
    const seen = log.filter((r) => r.host === host).map((r) => `${r.start - since} ${r.path}${r.query}`);
    if (p.minGapMs !== null) assert.ok(p.minGapMs >= 1000, `${host}: two requests ${p.minGapMs} ms apart:\n${seen.join('\n')}`);
  }
}

describe('collecting a 年报 column', () => {
  test('popup → collector: the listing’s report links, checked; explainers, news and other sites not; three pages followed', async () => {
    const t0 = Date.now();
    const listing = await h.open('listings/trs/zfxxgkndbg/index.html');
    const popup = await h.openPopup(await h.tabIdOf(listing));
    const open = popup.locator('[data-testid="collect-open"]');
    await open.waitFor({ timeout: 10_000 });
    assert.match((await open.textContent()) ?? '', /收集本页列出的年报（\d+）/);
    const [collector] = await Promise.all([h.context.waitForEvent('page'), open.click()]);
    await collector.waitForLoadState();
    assert.ok(collector.url().includes('collector.html?url='));
    await listingRead(collector, '3');
    assert.equal(await collector.locator('[data-testid="collect-follow-pages"]').isChecked(), true);
    // the tab's own load of page 1 counts: pages 2 and 3 come ≥ 1 s after it and after each other
    assertPolite(t0, [HOST]);
    const list = byPath(await items(collector));
    assert.equal(list['/reports/lingchuan-2020.html']?.checked, true, 'listed once, checked');
    assert.equal(list['/non-reports/interpretation-quotes-note.html']?.checked, false, '解读 unchecked');
    assert.equal(list['/non-reports/interpretation-one-picture.html']?.checked, false, '一图读懂 unchecked');
    assert.equal(list['/files/wuhou-mzj-2023-thead-split.pdf']?.checked, true);
    const offSite = (await items(collector)).find((i) => i.url.startsWith('http://www.example.com/'));
    assert.equal(offSite?.checked, false, 'another site: listed, not checked');
    assert.equal((await items(collector)).filter((i) => i.url.endsWith('/reports/lingchuan-2020.html')).length, 1);
    assert.deepEqual(await summary(collector), { state: 'idle', done: 0, total: 6 });
    await collector.setViewportSize({ width: 1100, height: 760 });
    await collector.screenshot({ path: join(SCREENSHOTS_DIR, 'collector-listing.png') });
    await collector.close();
    await popup.close();
    await listing.close();
  });

  test('a run: statuses live, 429/503/slow/404 answered right, polite per host, and it goes on across a browser restart', async () => {
    const t0 = Date.now();
    let page = await h.context.newPage();
    await page.goto(collectorUrl(h, TRS));
    await listingRead(page, '3');
    await page.click('[data-testid="collect-start"]');
    await waitFor(
      'running',
      () => summary(page),
      (s) => s.state === 'running' && s.total === 6,
    );
    // two finished, then the browser is closed mid-run
    const mid = await waitFor(
      'two items done',
      () => items(page),
      (l) => l.filter((i) => DONE.includes(i.status ?? '')).length >= 2,
    );
    const finished = mid.filter((i) => DONE.includes(i.status ?? '')).map((i) => new URL(i.url).pathname);
    await h.close();
    const restartAt = Date.now();
    h = await launchExtension({ server, userDataDir: h.userDataDir, keepProfile: true });
    page = await h.context.newPage();
    await page.goto(collectorUrl(h, TRS));
    const end = await waitFor(
      'run done after the restart',
      () => summary(page),
      (s) => s.state === 'done',
      75_000,
    );
    assert.deepEqual(end, { state: 'done', done: 6, total: 6 });
    const after = server.requests.filter((r) => r.start >= restartAt).map((r) => r.path);
    for (const p of finished) assert.ok(!after.some((a) => a.endsWith(p)), `${p} was finished before the restart and fetched again`);

    const st = byPath(await items(page));
    assert.equal(st['/reports/lingchuan-2020.html'].status, 'saved');
    assert.equal(st['/_beh/429once/reports/langao-xzsp-2021.html'].status, 'saved');
    assert.equal(st['/_beh/503once/reports/guangyuan-lyj-2020.html'].status, 'saved');
    assert.equal(st['/files/wuhou-mzj-2023-thead-split.pdf'].status, 'saved');
    assert.equal(st['/_beh/slow/reports/weibin-2019-split.html'].status, 'saved');
    assert.equal(st['/reports/lingchuan-2019.html'].status, 'failed');
    assert.match(st['/reports/lingchuan-2019.html'].text, /HTTP 404/);
    // 429 with Retry-After: 2 → the second request ≥ 2 s after the first
    const busy = server.requests.filter((r) => r.path === '/_beh/429once/reports/langao-xzsp-2021.html');
    assert.ok(busy.length === 2 && busy[1].start - busy[0].start >= 2000, JSON.stringify(busy));
    assertPolite(t0, [HOST]);
    // the records: once each, collectedFrom the listing, the PDF's with its source
    const records = (await savedReports(h.sw)).filter((r) => r.collectedFrom === TRS);
    assert.equal(records.length, 5);
    assert.equal(new Set(records.map((r) => r.id)).size, 5);
    assert.equal(records.find((r) => r.url.endsWith('.pdf'))?.source?.kind, 'pdf');
    await page.setViewportSize({ width: 1100, height: 640 });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'collector.png') });
    await page.close();
  });

  test('pause and resume; files, attachments, other hosts, bad answers; the run report, its export, and the screenshot', async () => {
    const t0 = Date.now();
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(collectorUrl(h, TABLE));
    await listingRead(page, '2');
    await page.click('[data-testid="collect-start"]');
    await waitFor(
      'first item done',
      () => items(page),
      (l) => l.some((i) => DONE.includes(i.status ?? '')),
    );
    await page.click('[data-testid="collect-pause"]');
    await waitFor(
      'paused',
      () => summary(page),
      (s) => s.state === 'paused',
    );
    const pausedAt = server.requests.length;
    await page.waitForTimeout(2500);
    assert.ok(server.requests.length - pausedAt <= 1, 'no request while paused (the item in hand may end)');
    await page.click('[data-testid="collect-resume"]');
    const end = await waitFor(
      'done',
      () => summary(page),
      (s) => s.state === 'done',
      80_000,
    );
    assert.equal(end.done, end.total);
    const st = byPath(await items(page));
    assert.equal(st['/reports/weinan-xzsp-2020.html'].status, 'saved');
    assert.equal(st['/reports/hanyin-zrzyj-2022-word.html'].status, 'saved', 'zwgk.example.gov.cn: its own host');
    assert.equal(st['/attachments/lingchuan-2020-pdf.html'].status, 'saved');
    assert.match(st['/attachments/lingchuan-2020-pdf.html'].text, /表格来自附件/);
    assert.equal(st['/generated/html-as.pdf'].status, 'failed');
    assert.equal(st['/_beh/loop/reports/shicheng-scj-2021-site-title.html'].status, 'failed');
    assert.equal(st['/_beh/hang/reports/lishui-scjgj-2023-mixed-format.html'].status, 'failed');
    assert.match(st['/_beh/hang/reports/lishui-scjgj-2023-mixed-format.html'].text, /超时/);
    assertPolite(t0, [HOST, 'zwgk.example.gov.cn']);
    assert.match((await page.locator('[data-testid="collect-report"]').textContent()) ?? '', /收集完成/);
    assert.ok(await page.locator('[data-testid="collect-retry"]').isVisible());

    // this run's records, exactly: JSON and wide CSV
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
    const file = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    const saved = Object.values(st).filter((i) => i.status === 'saved' || i.status === 'skipped' || i.status === 'no-tables').length;
    assert.equal(file.reports.length, saved);
    assert.ok(file.reports.every((r: { collectedFrom?: string }) => r.collectedFrom === TABLE));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv-wide"]')]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines.length, 1 + saved);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'collector-failures.png') });
    await page.close();
  });

  test('a listing drawn by script is read from the open tab; a 5,000-link listing stays responsive', async () => {
    const tab = await h.open('listings/script/index.html');
    const popup = await h.openPopup(await h.tabIdOf(tab));
    await popup.locator('[data-testid="collect-open"]').waitFor({ timeout: 10_000 });
    const [collector] = await Promise.all([h.context.waitForEvent('page'), popup.click('[data-testid="collect-open"]')]);
    await waitFor(
      'listed from the tab',
      () => items(collector),
      (l) => l.length === 3,
    );
    assert.equal((await items(collector)).filter((i) => i.checked).length, 2);
    const big = await h.context.newPage();
    await big.goto(collectorUrl(h, `http://${HOST}/generated/listing-5000.html`));
    await waitFor(
      '5,000 listed',
      () => big.locator('[data-testid="collect-listing-state"]').textContent(),
      (t) => /5000/.test(t ?? ''),
      30_000,
    );
    const t = Date.now();
    await big.fill('[data-testid="collect-filter"]', '第4999号');
    await waitFor(
      'filtered',
      () => items(big),
      (l) => l.length === 1,
    );
    assert.ok(Date.now() - t < 2000, `filtering 5,000 links took ${Date.now() - t} ms`);
    assert.equal((await big.textContent('[data-testid="collect-start"]'))?.includes('5000'), true);
  });

  test('options page: a pasted listing address opens the collector; the history filters by the listing collected from', async () => {
    const options = await h.openOptions();
    await options.fill('[data-testid="collect-url"]', TABLE);
    const [collector] = await Promise.all([h.context.waitForEvent('page'), options.click('[data-testid="collect-go"]')]);
    await collector.waitForLoadState();
    assert.equal(new URL(collector.url()).searchParams.get('url'), TABLE);
    await waitFor(
      'the table run shown',
      () => summary(collector),
      (s) => s.state === 'done',
    );
    await collector.close();
    const filter = options.locator('[data-testid="filter-collected"]');
    await filter.waitFor({ timeout: 10_000 });
    await filter.selectOption(TRS);
    await waitFor(
      'only the TRS column’s reports',
      () => options.locator('[data-testid="history-row"]').count(),
      (n) => n === 5,
    );
    await filter.selectOption(TABLE);
    const fromTable = (await savedReports(h.sw)).filter((r) => r.collectedFrom === TABLE).length;
    await waitFor(
      'only the table column’s reports',
      () => options.locator('[data-testid="history-row"]').count(),
      (n) => n === fromTable,
    );
    await options.close();
  });
});

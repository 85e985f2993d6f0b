import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drive, pauseRun, resumeRun, resumeRuns, startRun } from '../../../lib/background/collector';
import { runItems, runRecordIds } from '../../../lib/db/collect-store';
import { db } from '../../../lib/db/database';
import type { Candidate, CollectItem } from '../../../lib/protocol/collect';
import { setSettings } from '../../../lib/protocol/settings';
import { fakeSite, fixtureBytes, fixturePage, leastGap, type Route } from '../../support/fake-site';

/**
 * The collector's runs (SPEC §9) over a fake site on a virtual clock: statuses per item, politeness from the
 * request log, skipped when unchanged, 404/429/503, pause and resume, a worker that stops mid-run.
 */
const HOST = 'http://www.lingchuan.gov.cn';
const LISTING = `${HOST}/zwgk/nb/index.html`;
const page = (p: string) => `${HOST}/zwgk/nb/${p}`;
const candidate = (url: string, kind: Candidate['kind'] = 'page'): Candidate => ({
  url,
  title: url.replace(/^.*\//, ''),
  date: null,
  kind,
});

function site(extra: Record<string, Route> = {}) {
  return fakeSite({
    [page('lingchuan-2020.html')]: { body: fixturePage('reports/lingchuan-2020.html') },
    [page('langao-2021.html')]: { body: fixturePage('reports/langao-xzsp-2021.html') },
    [page('news.html')]: { body: fixturePage('non-reports/news-report-published.html') },
    [page('pdf-report.html')]: { body: fixturePage('attachments/lingchuan-2020-pdf.html') },
    [`${HOST}/files/lingchuan-2020.pdf`]: { body: fixtureBytes('files/lingchuan-2020.pdf'), type: 'application/pdf' },
    [page('busy.html')]: (n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': '5' } } : { body: fixturePage('reports/quzhou-2020.html') },
    [page('flaky.html')]: (n) => (n === 1 ? { status: 503 } : { body: fixturePage('reports/guangyuan-2020.html') }),
    [page('down.html')]: { status: 503 },
    [page('fake.pdf')]: { body: '<!doctype html><title>404</title><body>页面不存在</body>', type: 'application/pdf' },
    [page('down.jsp?id=7')]: { body: fixtureBytes('files/lingchuan-2020.pdf'), type: 'application/octet-stream' },
    [page('viewer.pdf')]: { body: fixturePage('reports/langao-xzsp-2021.html') },
    ...extra,
  });
}

async function run(urls: Candidate[], s: ReturnType<typeof site>) {
  const started = await startRun(LISTING, urls, s.collectorDeps);
  expect(started.ok).toBe(true);
  const runId = (started as { runId: string }).runId;
  await drive(runId, s.collectorDeps);
  return { runId, items: await runItems(runId).toArray(), run: await db.collectRuns.get(runId) };
}

const statuses = (items: CollectItem[]) => Object.fromEntries(items.map((i) => [i.url.replace(/^.*\//, ''), i.status]));

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([db.reports.clear(), db.summaries.clear(), db.exportRows.clear(), db.collectRuns.clear(), db.collectItems.clear()]);
  await setSettings({ collectGapMs: 1000 });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});

describe('a run', () => {
  it('collects every checked link once, in order, each with its status, and saves with collectedFrom', async () => {
    const s = site();
    const urls = ['lingchuan-2020.html', 'langao-2021.html', 'news.html', 'missing.html', 'pdf-report.html', 'fake.pdf'];
    const {
      items,
      run: r,
      runId,
    } = await run(
      urls.map((u) => candidate(page(u), u.endsWith('.pdf') ? 'pdf' : 'page')),
      s,
    );
    expect(r).toMatchObject({ state: 'done', total: 6, host: 'www.lingchuan.gov.cn' });
    expect(statuses(items)).toEqual({
      'lingchuan-2020.html': 'saved',
      'langao-2021.html': 'saved',
      'news.html': 'not-report',
      'missing.html': 'failed',
      'pdf-report.html': 'saved',
      'fake.pdf': 'failed',
    });
    const byName = Object.fromEntries(items.map((i) => [i.url.replace(/^.*\//, ''), i]));
    expect(byName['missing.html'].reason).toBe('HTTP 404');
    expect(byName['lingchuan-2020.html'].failing).toBeGreaterThan(0); // 灵川 2020 has a real error
    expect(byName['pdf-report.html']).toMatchObject({ source: 'pdf', failing: byName['lingchuan-2020.html'].failing });
    expect(byName['fake.pdf'].reason).toMatch(/不是 PDF 或 Word/);
    for (const i of items) expect(i.finishedAt).not.toBeNull();

    const saved = await db.reports.toArray();
    expect(saved).toHaveLength(3);
    for (const rec of saved) expect(rec.collectedFrom).toBe(LISTING);
    expect((await db.summaries.toArray()).every((x) => x.collectedFrom === LISTING)).toBe(true);
    const fromPdf = saved.find((x) => x.source?.kind === 'pdf')!;
    expect(fromPdf.url).toBe(page('pdf-report.html'));
    expect(await runRecordIds(runId)).toHaveLength(3);

    // one request at a time, starts ≥ 1 s apart; the PDF attachment was fetched too, once
    expect(s.maxConcurrent).toBe(1);
    expect(leastGap(s.log)).toBeGreaterThanOrEqual(1000);
    expect(s.counts.get(`${HOST}/files/lingchuan-2020.pdf`)).toBe(1);
    expect(s.log.map((l) => l.url)).toEqual([...urls.slice(0, 5).map(page), `${HOST}/files/lingchuan-2020.pdf`, page('fake.pdf')]);
  });

  it('429 with Retry-After and 503-then-OK are waited out; three 503s fail the item with the status, the run goes on', async () => {
    const s = site();
    const { items } = await run([candidate(page('busy.html')), candidate(page('flaky.html')), candidate(page('down.html'))], s);
    expect(statuses(items)).toEqual({ 'busy.html': 'saved', 'flaky.html': 'saved', 'down.html': 'failed' });
    expect(items[2].reason).toBe('HTTP 503');
    expect(s.counts.get(page('busy.html'))).toBe(2);
    expect(s.counts.get(page('down.html'))).toBe(3);
    const busy = s.log.filter((l) => l.url === page('busy.html'));
    expect(busy[1].start - busy[0].start).toBeGreaterThanOrEqual(5000);
    expect(leastGap(s.log)).toBeGreaterThanOrEqual(1000);
  });

  it('what came is told by its bytes: a download script’s PDF is a file, a “.pdf” link to a web page is a page', async () => {
    const s = site();
    const { items } = await run([candidate(page('down.jsp?id=7')), candidate(page('viewer.pdf'), 'pdf')], s);
    expect(statuses(items)).toEqual({ 'down.jsp?id=7': 'saved', 'viewer.pdf': 'saved' });
    expect(items[0].source).toBe('pdf');
    expect(items[1].source).toBe('html');
  });

  it('the gap setting with jitter spaces the requests (2 s default, up to half again)', async () => {
    await setSettings({ collectGapMs: 2000 });
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const s = site();
    await run([candidate(page('lingchuan-2020.html')), candidate(page('langao-2021.html')), candidate(page('news.html'))], s);
    expect(leastGap(s.log)).toBeGreaterThanOrEqual(2990);
  });

  it('a report saved before with the same content is skipped; a changed one is saved again', async () => {
    const s = site();
    await run([candidate(page('lingchuan-2020.html')), candidate(page('langao-2021.html'))], s);
    const html = fixturePage('reports/langao-xzsp-2021.html');
    const changed = html.replace(/(<td[^>]*>)\s*([1-9]\d*)\s*(<\/td>)/g, (_m, a, n, b) => `${a}${Number(n) + 1}${b}`);
    expect(changed).not.toBe(html);
    const again = site({ [page('langao-2021.html')]: { body: changed } });
    const { items } = await run([candidate(page('lingchuan-2020.html')), candidate(page('langao-2021.html'))], again);
    expect(statuses(items)).toEqual({ 'lingchuan-2020.html': 'skipped', 'langao-2021.html': 'saved' });
    expect(items[0].recordIds).toHaveLength(1);
  });
});

describe('pause, resume, restarts, one run per host', () => {
  it('pauses after the item in hand and resumes where it stopped', async () => {
    const s = site();
    const started = await startRun(LISTING, [candidate(page('lingchuan-2020.html')), candidate(page('langao-2021.html'))], s.collectorDeps);
    const runId = (started as { runId: string }).runId;
    await pauseRun(runId);
    await drive(runId, s.collectorDeps);
    expect((await db.collectRuns.get(runId))?.state).toBe('paused');
    const before = s.log.length;
    expect(before).toBeLessThanOrEqual(1);
    await resumeRun(runId, false, s.collectorDeps);
    await drive(runId, s.collectorDeps);
    expect((await db.collectRuns.get(runId))?.state).toBe('done');
    expect(s.log.map((l) => l.url)).toEqual([page('lingchuan-2020.html'), page('langao-2021.html')]);
  });

  it('a worker that stopped mid-run: the run goes on without fetching a finished item again', async () => {
    const s = site();
    const started = await startRun(
      LISTING,
      ['lingchuan-2020.html', 'langao-2021.html', 'news.html'].map((u) => candidate(page(u))),
      s.collectorDeps,
    );
    const runId = (started as { runId: string }).runId;
    await drive(runId, s.collectorDeps);
    // as if the worker had died with the second item in hand and the third queued
    const [, second, third] = await runItems(runId).toArray();
    await db.collectItems.update(second.id, { status: 'fetching', finishedAt: null });
    await db.collectItems.update(third.id, { status: 'queued', finishedAt: null });
    await db.collectRuns.update(runId, { state: 'running' });
    s.log.length = 0;
    const before = s.clock.now;
    await resumeRuns(s.collectorDeps);
    await drive(runId, s.collectorDeps);
    expect(s.log.map((l) => l.url)).toEqual([page('langao-2021.html'), page('news.html')]);
    // the new worker waited a gap before its first request: it cannot know when the last one was sent
    expect(s.log[0].start - before).toBeGreaterThanOrEqual(1000);
    expect((await db.collectRuns.get(runId))?.state).toBe('done');
  });

  it('never two runs of one host at once; retry-failed queues only the failures', async () => {
    const s = site();
    const first = await startRun(LISTING, [candidate(page('down.html'))], s.collectorDeps);
    const second = await startRun(`${HOST}/other/index.html`, [candidate(page('news.html'))], s.collectorDeps);
    expect(second).toMatchObject({ ok: false, error: expect.stringMatching(/已有一个收集在进行/) });
    const runId = (first as { runId: string }).runId;
    await drive(runId, s.collectorDeps);
    expect((await runItems(runId).toArray())[0].status).toBe('failed');
    s.log.length = 0;
    await resumeRun(runId, true, s.collectorDeps);
    await drive(runId, s.collectorDeps);
    expect(s.log.map((l) => l.url)).toEqual(Array(3).fill(page('down.html')));
  });

  it('refuses an empty run and an address that is not http(s)', async () => {
    const s = site();
    expect(await startRun(LISTING, [], s.collectorDeps)).toMatchObject({ ok: false });
    const { items } = await run([{ url: 'ftp://www.lingchuan.gov.cn/a.html', title: 'a', date: null, kind: 'page' }], s);
    expect(items[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/http/) });
    expect(s.log).toHaveLength(0);
  });
});

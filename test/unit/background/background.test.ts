import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { db } from '../../../lib/db/database';
import { toJson } from '../../../lib/export/json';
import { BADGE_COLORS } from '../../../lib/background/badge';
import { getTabState } from '../../../lib/background/tab-state';
import { makeRecord, makeRecords } from '../../support/records';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../../cli/dom';
import { readReports } from '../../../lib/core/read';
import { checkReports } from '../../../lib/core/check-page';
import { readData } from '../../../lib/page/read-data';

const TAB = 7;
const pageSender = (tabId = TAB, frameId = 0) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId, url: 'http://www.example.gov.cn/a.html' } as never,
  frameId,
  url: 'http://www.example.gov.cn/a.html',
});
const extSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = async (msg: unknown, sender: object = extSender()) =>
  (await fakeBrowser.runtime.onMessage.trigger(msg, sender as never, () => {}))[0];
const badge = async (tabId = TAB) => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  title: await fakeBrowser.action.getTitle({ tabId }),
});

const allPass = () =>
  makeRecord({ n: 5, checks: [{ id: 'review.sum', status: 'pass', lhs: 1, rhs: 1, diff: 0, lhsKeys: [], rhsKeys: [] }], status: 'ok' });

let menuClick: ((info: { menuItemId: string }, tab?: { id: number }) => void) | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  await db.reports.clear();
  await db.summaries.clear();
  menuClick = undefined;
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: vi.fn(async () => {}),
    create: vi.fn(),
    onClicked: { addListener: (fn: typeof menuClick) => (menuClick = fn) },
  });
  Object.assign(fakeBrowser.scripting, { executeScript: vi.fn(async () => []) });
  background.main();
});
afterEach(() => vi.restoreAllMocks());

describe('scan results from the content script', () => {
  it('drops an invalid message with a warning and stores nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await send({ type: 'scan-result', outcome: { isReport: true, id: 'x' }, scanMs: 3 }, pageSender());
    await send({ type: 'nonsense' }, pageSender());
    expect(warn).toHaveBeenCalledTimes(2);
    expect(await getTabState(TAB)).toBeNull();
    expect(await db.reports.count()).toBe(0);
  });

  it('injects the attachment reader only where the tables may be a file (SPEC §8)', async () => {
    const exec = fakeBrowser.scripting.executeScript as unknown as ReturnType<typeof vi.fn>;
    // the reader is injected right after the page has its reply (a timer of 0 ms): counted once that has run
    const injected = async () => {
      await new Promise((ok) => setTimeout(ok, 5));
      return exec.mock.calls.filter(([a]) => (a as { files?: string[] }).files?.includes('/attachment.js')).length;
    };
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), scanMs: 1 }, pageSender());
    expect(await injected(), 'a report with tables').toBe(0);
    await send({ type: 'scan-result', outcome: makeRecord({ n: 2, tables: 0, status: 'no-tables', checks: [] }), scanMs: 1 }, pageSender());
    expect(await injected(), 'a report without tables').toBe(1);
    await send(
      {
        type: 'scan-result',
        outcome: makeRecord({
          n: 3,
          tables: 0,
          status: 'no-tables',
          checks: [],
          source: { kind: 'pdf', url: 'http://www.example.gov.cn/a.pdf' },
        }),
        scanMs: 1,
      },
      pageSender(),
    );
    expect(await injected(), 'already read from its file').toBe(1);
    const page = { isReport: false, url: 'http://www.example.gov.cn/a.html', title: '灵川县2020年政府信息公开工作年度报告' };
    await send({ type: 'scan-result', outcome: { ...page, reason: '正文没有年度报告的结构' }, scanMs: 1 }, pageSender());
    expect(await injected(), 'a page titled as a report with no report body').toBe(2);
    await send(
      { type: 'scan-result', outcome: { ...page, title: '新闻', reason: '标题不是政府信息公开工作年度报告' }, scanMs: 1 },
      pageSender(8),
    );
    expect(await injected(), 'any other page').toBe(2);
    await send(
      { type: 'scan-result', outcome: makeRecord({ n: 4, tables: 0, status: 'no-tables', checks: [] }), scanMs: 1 },
      pageSender(9, 2),
    );
    expect(await injected(), 'a frame').toBe(2);
  });

  it('badges the failing count, saves, and titles the tab', async () => {
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), scanMs: 12 }, pageSender());
    expect(await badge()).toEqual({ text: '1', title: '年报透镜 — 示例县1人民政府 2022年' });
    const state = await getTabState(TAB);
    expect(state?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(state?.saveError).toBeNull();
    expect((await db.reports.get('r000001'))?.firstSavedAt).toBe(state?.savedAt);
  });

  it('shows ✓ when all pass, ? without tables or with checks it could not assess, nothing on other pages', async () => {
    await send({ type: 'scan-result', outcome: allPass(), scanMs: 1 }, pageSender(1));
    await send(
      { type: 'scan-result', outcome: makeRecord({ n: 7, status: 'partial', checks: [], values: {}, cells: {} }), scanMs: 1 },
      pageSender(4),
    );
    await send(
      { type: 'scan-result', outcome: makeRecord({ n: 6, status: 'no-tables', tables: 0, checks: [], values: {}, cells: {} }), scanMs: 1 },
      pageSender(2),
    );
    await send(
      { type: 'scan-result', outcome: { isReport: false, url: 'http://x.gov.cn/', title: 'x', reason: 'no title' }, scanMs: 1 },
      pageSender(3),
    );
    expect((await badge(1)).text).toBe('✓');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual([0x18, 0x80, 0x38, 255]);
    expect((await badge(2)).text).toBe('?');
    expect((await badge(3)).text).toBe('');
    expect((await badge(4)).text).toBe('?');
    expect(BADGE_COLORS.fail).toBe('#d93025');
  });

  it('a page with several reports (a 年报汇编) saves one record per part and badges the sum of their failing checks', async () => {
    const fail = (n: number) => makeRecord({ n, url: `http://www.example.gov.cn/hb.html#part-${n}` });
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), more: [allPass(), fail(2), fail(3)], scanMs: 4 }, pageSender());
    expect((await badge()).text).toBe('3');
    expect((await badge()).title).toContain('(+3)');
    expect((await db.reports.toArray()).map((r) => r.id).sort()).toEqual(['r000001', 'r000002', 'r000003', 'r000005']);
    expect((await getTabState(TAB))?.more?.map((r) => r.id)).toEqual(['r000005', 'r000002', 'r000003']);
    // every part passing: ✓; one part without readable tables: ?
    await send({ type: 'scan-result', outcome: allPass(), more: [allPass()], scanMs: 1 }, pageSender(8));
    expect((await badge(8)).text).toBe('✓');
    const noTables = makeRecord({ n: 9, status: 'no-tables', tables: 0, checks: [], values: {}, cells: {} });
    await send({ type: 'scan-result', outcome: allPass(), more: [noTables], scanMs: 1 }, pageSender(9));
    expect((await badge(9)).text).toBe('?');
  });

  it('with auto-save off, saving the tab saves every part', async () => {
    await send({ type: 'set-settings', settings: { autoSave: false } });
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), more: [makeRecord({ n: 2 })], scanMs: 1 }, pageSender());
    expect(await db.reports.count()).toBe(0);
    expect((await send({ type: 'save-page', tabId: TAB })).ok).toBe(true);
    expect(await db.reports.count()).toBe(2);
  });

  it('a frame that is not a report does not hide the page report', async () => {
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), scanMs: 1 }, pageSender(TAB, 0));
    await send(
      { type: 'scan-result', outcome: { isReport: false, url: 'http://x.gov.cn/f', title: '', reason: 'x' }, scanMs: 1 },
      pageSender(TAB, 3),
    );
    expect((await badge()).text).toBe('1');
  });

  it('with auto-save off, saves only on request', async () => {
    expect(await send({ type: 'set-settings', settings: { autoSave: false } })).toEqual({
      autoSave: false,
      language: 'zh_CN',
      collectGapMs: 2000,
    });
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), scanMs: 1 }, pageSender());
    expect(await db.reports.count()).toBe(0);
    expect((await send({ type: 'get-tab-state', tabId: TAB }))?.savedAt).toBeNull();
    const saved = await send({ type: 'save-page', tabId: TAB });
    expect(saved.ok).toBe(true);
    expect(await db.reports.count()).toBe(1);
    expect((await send({ type: 'get-tab-state', tabId: TAB }))?.savedAt).toBe(saved.savedAt);
  });

  it('a failing save keeps the records and tells the popup why', async () => {
    await send({ type: 'scan-result', outcome: makeRecord({ n: 2 }), scanMs: 1 }, pageSender(2));
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    vi.spyOn(db, 'transaction').mockImplementation(() => Promise.reject(quota) as never);
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), scanMs: 1 }, pageSender());
    vi.restoreAllMocks();
    const state = await send({ type: 'get-tab-state', tabId: TAB });
    expect(state.saveError).toMatch(/存储空间不足/);
    expect(state.savedAt).toBeNull();
    expect(await db.reports.count()).toBe(1);
  });

  it('forgets a tab whose page no longer runs a lens, and a closed tab', async () => {
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), scanMs: 1 }, pageSender());
    const ping = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.tabs, { sendMessage: ping });
    // an in-page jump: the content script is still there
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'complete' }, {} as never);
    expect(ping).toHaveBeenCalledWith(TAB, { type: 'ping' }, { frameId: 0 });
    expect(await getTabState(TAB)).not.toBeNull();
    // a new page without the content script
    ping.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'complete' }, {} as never);
    expect(await getTabState(TAB)).toBeNull();
    expect((await badge()).text).toBe('');
    await send({ type: 'scan-result', outcome: makeRecord({ n: 1 }), scanMs: 1 }, pageSender());
    await fakeBrowser.tabs.onRemoved.trigger(TAB, {} as never);
    expect(await getTabState(TAB)).toBeNull();
  });
});

describe('requests from the popup and options page', () => {
  it('imports a valid export, rejects a broken one without change', async () => {
    const text = await toJson(makeRecords(3), new Date(), { yieldFn: async () => {} });
    expect(await send({ type: 'import-records', text })).toEqual({ ok: true, added: 3, updated: 0 });
    expect(await send({ type: 'import-records', text })).toEqual({ ok: true, added: 0, updated: 3 });
    const broken = await send({ type: 'import-records', text: text.slice(0, -20) });
    expect(broken.ok).toBe(false);
    expect(broken.error).toMatch(/文件已损坏/);
    const foreign = await send({ type: 'import-records', text: '{"hello":"world"}' });
    expect(foreign.error).toMatch(/不是年报透镜导出的文件/);
    expect(await db.reports.count()).toBe(3);
  });

  it('deletes records, but only when asked by an extension page', async () => {
    await send({ type: 'import-records', text: await toJson(makeRecords(3), new Date(), { yieldFn: async () => {} }) });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await send({ type: 'delete-records', ids: ['r000001'] }, pageSender())).toBeUndefined();
    expect(await db.reports.count()).toBe(3);
    expect(await send({ type: 'delete-records', ids: ['r000001', 'r000002'] })).toEqual({ deleted: 2 });
    expect(await db.reports.count()).toBe(1);
    expect(await db.summaries.count()).toBe(1);
  });

  it('answers settings with defaults, and ignores a damaged stored value', async () => {
    expect(await send({ type: 'get-settings' })).toEqual({ autoSave: true, language: 'zh_CN', collectGapMs: 2000 });
    await fakeBrowser.storage.local.set({ settings: { autoSave: 'yes', language: 'fr' } });
    expect(await send({ type: 'get-settings' })).toEqual({ autoSave: true, language: 'zh_CN', collectGapMs: 2000 });
    expect(await send({ type: 'set-settings', settings: { language: 'en' } })).toEqual({
      autoSave: true,
      language: 'en',
      collectGapMs: 2000,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await send({ type: 'set-settings', settings: { language: 'fr' } });
    expect(warn).toHaveBeenCalled();
    expect((await send({ type: 'get-settings' })).language).toBe('en');
  });

  it('a change to one setting leaves the others as they are', async () => {
    await send({ type: 'set-settings', settings: { language: 'en' } });
    expect(await send({ type: 'set-settings', settings: { autoSave: false } })).toEqual({
      autoSave: false,
      language: 'en',
      collectGapMs: 2000,
    });
    expect(await send({ type: 'set-settings', settings: { autoSave: true } })).toEqual({
      autoSave: true,
      language: 'en',
      collectGapMs: 2000,
    });
  });

  it('the context menu, in the language of the settings, injects the content script into the tab', async () => {
    await send({ type: 'set-settings', settings: { language: 'en' } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() =>
      expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'nianbao-check', title: 'Check this page with Nianbao Lens' }),
      ),
    );
    await send({ type: 'set-settings', settings: { language: 'zh_CN' } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() =>
      expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'nianbao-check', title: '用年报透镜检查此页' }),
      ),
    );
    menuClick?.({ menuItemId: 'nianbao-check' }, { id: 42 });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 42 }, files: ['/lens.js'] });
  });

  it('the link menu "check this file" shows on gov.cn PDF/DOCX links and opens the viewer page next to the tab (SPEC §8)', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() =>
      expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'nianbao-check-file',
          contexts: ['link'],
          targetUrlPatterns: expect.arrayContaining(['*://*.gov.cn/*.pdf', '*://*.gov.cn/*.docx?*']),
        }),
      ),
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const file = 'http://www.a.gov.cn/u/2020年报.pdf';
    (menuClick as (info: object, tab?: object) => void)({ menuItemId: 'nianbao-check-file', linkUrl: file }, { id: 3, index: 4 });
    expect(create).toHaveBeenCalledWith({
      url: fakeBrowser.runtime.getURL(`/viewer.html?url=${encodeURIComponent(file)}` as '/viewer.html'),
      index: 5,
    });
  });
});

describe('large imports in batches', () => {
  it('stages batches and writes them all with the last one', async () => {
    const records = makeRecords(5);
    expect(await send({ type: 'import-batch', session: 's1', reports: records.slice(0, 3), last: false })).toEqual({ ok: true, staged: 3 });
    expect(await db.reports.count()).toBe(0);
    expect(await send({ type: 'import-batch', session: 's1', reports: records.slice(3), last: true })).toEqual({
      ok: true,
      added: 5,
      updated: 0,
    });
    expect(await db.reports.count()).toBe(5);
  });

  it('a bad record in any batch drops the whole import', async () => {
    await send({ type: 'import-batch', session: 's2', reports: makeRecords(2), last: false });
    const bad = await send({ type: 'import-batch', session: 's2', reports: [{ id: 'x' }], last: true });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/文件已损坏：reports\.2/);
    expect(await db.reports.count()).toBe(0);
  });
});

describe('the collector’s requests (SPEC §9)', () => {
  const item = { url: 'http://www.a.gov.cn/nb/2021.html', title: '2021年报', date: null, kind: 'page' };

  it('only the extension’s pages may start, pause or resume a run; a page’s message is dropped', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await send({ type: 'collect-start', listingUrl: 'http://www.a.gov.cn/nb/', items: [item] }, pageSender());
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/dropped "collect-start"/));
    expect(await db.collectRuns.count()).toBe(0);
  });

  it('pausing a run is stored; resuming an unknown run says so; a listing off gov.cn is refused', async () => {
    expect(await send({ type: 'collect-resume', runId: 'nope' })).toEqual({ ok: false, error: '找不到这次收集' });
    expect(await send({ type: 'collect-read-listing', url: 'http://example.com/list.html' })).toMatchObject({ ok: false });
    await db.collectRuns.add({
      id: 'c1',
      listingUrl: 'http://www.a.gov.cn/nb/',
      host: 'www.a.gov.cn',
      state: 'running',
      gapMs: 2000,
      total: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      finishedAt: null,
    });
    expect(await send({ type: 'collect-pause', runId: 'c1' })).toEqual({ ok: true, runId: 'c1' });
    expect((await db.collectRuns.get('c1'))?.state).toBe('paused');
    await db.collectRuns.clear();
  });
});

describe('the checks beyond the tables, completed for the page (SPEC §10)', () => {
  it('adds text.* and meta.* from the facts the page sent, saves, counts them on the badge and replies with the records', async () => {
    const values = { ...makeRecord({ n: 3 }).values, 'apply.new.total': 12, 'apply.carried_over.total': 0 };
    const outcome = makeRecord({ n: 3, agency: '示例县自然资源局', year: 2022, values, checks: allPass().checks, status: 'ok' });
    const facts = [
      {
        text: '一、总体情况\n全年新收政府信息公开申请15件，上年结转0件。',
        head: '发布时间：2023-02-20 09:30 来源：示例县自然资源局',
        metas: {},
      },
    ];
    const reply = (await send({ type: 'scan-result', outcome, scanMs: 2, facts }, pageSender())) as {
      records: Array<{
        id: string;
        checks: Array<{ id: string; status: string; lhs: number | null; rhs: number | null }>;
        status: string;
        publishedAt: string;
      }>;
    };
    const [rec] = reply.records;
    expect(rec.publishedAt).toBe('2023-02-20');
    const byId = Object.fromEntries(rec.checks.map((c) => [c.id, c]));
    expect(byId['text.apply.new']).toMatchObject({ status: 'fail', lhs: 15, rhs: 12 });
    expect(byId['text.apply.carried_over']).toMatchObject({ status: 'pass', lhs: 0, rhs: 0 });
    expect(byId['meta.deadline']).toMatchObject({ status: 'fail', lhs: 20 });
    expect(rec.status).toBe('errors');
    // the tab's state, the saved record and the badge hold the completed record, not the page's bare scan
    const state = await getTabState(TAB);
    expect(state?.outcome.isReport && state.outcome.checks.map((c) => c.id)).toContain('text.apply.new');
    expect((await db.reports.get(outcome.id))?.publishedAt).toBe('2023-02-20');
    expect((await badge()).text).toBe('2');
  });

  it('a scan without facts (a file read by the attachment reader, an older page script) is kept as it came', async () => {
    const outcome = allPass();
    const reply = (await send({ type: 'scan-result', outcome, scanMs: 2 }, pageSender())) as { records: Array<{ checks: unknown[] }> };
    expect(reply.records[0].checks).toEqual(outcome.checks);
  });
});

describe('a page’s reads, finished here (the scan’s second half)', () => {
  const fixture = (f: string) => parseHtml(readFileSync(join(__dirname, '..', '..', 'fixtures', f), 'utf8'));

  it('finishes the grids the lens read into the CLI’s records, saves them, badges them and says where their tables are', async () => {
    const url = 'http://www.lingchuan.gov.cn/zwgk/a.html';
    const page = readReports(fixture('reports/lingchuan-2020.html'), url);
    const reply = (await send({ type: 'page-read', reads: page.reports.map(readData), scanMs: 4 }, pageSender())) as {
      records: Array<{ id: string; checks: Array<{ id: string; status: string }> }>;
      sections: Array<Array<[number, string]>>;
      finishMs: number;
    };
    const [cli] = checkReports(fixture('reports/lingchuan-2020.html'), url);
    const [rec] = reply.records;
    expect(rec).toEqual(cli.outcome);
    expect(reply.sections[0].map(([g]) => page.reports[0].grids[g].table)).toEqual(cli.tables.map((t) => t.element));
    expect(reply.finishMs).toBeGreaterThan(0);
    expect((await db.reports.get(rec.id))?.checks).toEqual(rec.checks);
    const failing = rec.checks.filter((c) => c.status === 'fail').length;
    expect((await badge()).text).toBe(String(failing));
    // the tab's scan time is the page's read and this finish
    expect((await getTabState(TAB))?.scanMs).toBeGreaterThan(4);
  });

  it('decides detection the lens left to it: a report gets the CLI’s record, a page that is not one is badged as none', async () => {
    const url = 'http://www.quzhou.gov.cn/art/2021/1/a.html';
    const page = readReports(fixture('reports/quzhou-2020.html'), url, { detectLater: true });
    expect(page.reports[0].detect).toBeDefined();
    const reply = (await send({ type: 'page-read', reads: page.reports.map(readData), scanMs: 3 }, pageSender())) as {
      records: Array<{ id: string }>;
      skipped: number[];
    };
    expect(reply.records[0]).toEqual(checkReports(fixture('reports/quzhou-2020.html'), url)[0].outcome);
    expect(reply.skipped).toEqual([]);
    expect(await db.reports.get(reply.records[0].id)).toBeDefined();

    const news = 'http://www.weinan.gov.cn/news/wnyw/1.htm';
    const other = readReports(fixture('non-reports/news-report-published.html'), news, { detectLater: true });
    const none = (await send({ type: 'page-read', reads: other.reports.map(readData), scanMs: 2 }, pageSender())) as {
      records: unknown[];
      skipped: number[];
    };
    expect(none.records).toEqual([]);
    expect(none.skipped).toEqual([0]);
    const [cli] = checkReports(fixture('non-reports/news-report-published.html'), news);
    expect((await getTabState(TAB))?.outcome).toEqual(cli.outcome);
    expect((await badge()).text).toBe('');
    expect(await db.reports.count()).toBe(1);
  });

  it('drops reads that break the protocol (a hostile page), with a warning and nothing stored', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const read = readData(readReports(fixture('reports/quzhou-2020.html'), 'http://www.quzhou.gov.cn/a.html').reports[0]);
    const bad = { ...read, tables: [{ rows: 2, cells: [['x', -1, 0, 1, 1, 0]] }] };
    expect(await send({ type: 'page-read', reads: [bad], scanMs: 1 }, pageSender())).toBeUndefined();
    expect(await send({ type: 'page-read', reads: [], scanMs: 1 }, pageSender())).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(await db.reports.count()).toBe(0);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type Harness, SCREENSHOTS_DIR } from './harness';
import { parseCsv } from '../support/csv';

/**
 * Checks beyond the tables, in real Chromium (issue 12, SPEC §10): a report checked against the same agency's
 * saved previous year (in either order, and no more once that year is deleted), its text against its table
 * with the sentence marked in the page and linked with its cell, a late department, a page edited between two
 * visits kept as a version, and the history as an agency × year panel — fixtures of test/fixtures/years/.
 */

// the extension page's own global, inside evaluate (no @types/chrome in this project)
declare const chrome: any;

const SUMMARY = 'nianbao-lens[data-nianbao="summary"]';

interface Saved {
  id: string;
  agency: string;
  year: number;
  status: string;
  publishedAt?: string | null;
  checks: Array<{ id: string; status: string; lhs: number | null; rhs: number | null; ref?: string; evidence?: string }>;
  versions?: Array<{ contentHash: string; changed: Array<{ key: string; old: number | null; new: number | null }> }>;
  changedAfterFirstSeen?: boolean;
}

let h: Harness;

/** Opens a fixture and waits for its verdict (shown once the background has completed the checks). */
async function visit(path: string, host: string): Promise<Page> {
  const page = await h.open(path, host);
  await page.waitForSelector(SUMMARY, { state: 'attached', timeout: 15_000 });
  return page;
}

/** The saved records of an agency (read from the extension's IndexedDB in the service worker). */
async function saved(agency: string): Promise<Saved[]> {
  return h.sw.evaluate(async (agency) => {
    const open = indexedDB.open('nianbao-lens');
    const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = ko)));
    const req = db.transaction('reports').objectStore('reports').getAll();
    const all = await new Promise<any[]>((ok) => (req.onsuccess = () => ok(req.result)));
    return all.filter((r) => r.agency === agency);
  }, agency);
}

async function recordOf(agency: string, year: number): Promise<Saved> {
  for (let i = 0; i < 50; i++) {
    const r = (await saved(agency)).find((x) => x.year === year);
    if (r) return r;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${agency} ${year} was not saved`);
}

const failing = (r: Saved) =>
  r.checks
    .filter((c) => c.status === 'fail')
    .map((c) => c.id)
    .sort();
const xyear = (r: Saved) => r.checks.filter((c) => c.id.startsWith('xyear.carried_over.'));

before(async () => {
  h = await launchExtension();
});
after(async () => {
  await h?.close();
});

describe('cross-year, publication and narrative checks in the page', () => {
  test('the next year of a saved report: one column off, and published late — marked in place, on the badge and saved', async () => {
    await visit('reports/qingshanhu-zjj-2022-first-paragraph.html', 'www.qsh.gov.cn');
    const previous = await recordOf('南昌市青山湖区住房和城乡建设局', 2022);
    const page = await visit('years/qingshanhu-zjj-2023.html', 'www.qsh.gov.cn');
    const want = ['meta.deadline', 'xyear.carried_over.natural', 'xyear.carried_over.total', 'xyear.in_force.normative_docs'];
    assert.equal(await page.getAttribute(SUMMARY, 'data-status'), 'fail');
    assert.equal(await page.getAttribute(SUMMARY, 'data-failing'), String(want.length));
    assert.equal(await h.badgeText(await h.tabIdOf(page)), String(want.length));
    // this year's 上年结转 cells that disagree with last year's 结转下年度 are outlined, with the sentence in the tooltip
    const outlined = await page.$$eval('td[data-nianbao-cell="fail"]', (tds) => tds.length);
    assert.ok(outlined >= 2, `outlined cells: ${outlined}`);
    const rec = await recordOf('南昌市青山湖区住房和城乡建设局', 2023);
    assert.deepEqual(failing(rec), want);
    assert.equal(rec.publishedAt, '2024-02-20');
    const natural = rec.checks.find((c) => c.id === 'xyear.carried_over.natural')!;
    assert.deepEqual([natural.lhs, natural.rhs, natural.ref], [4, 3, previous.id]);
    const late = rec.checks.find((c) => c.id === 'meta.deadline')!;
    assert.deepEqual([late.lhs, late.status], [20, 'fail']);
    // the summary links the cross-year findings with last year's saved report: the history opens on it
    const [opened] = await Promise.all([
      h.context.waitForEvent('page'),
      page.locator(`${SUMMARY} [data-testid="open-ref"]`).first().click(),
    ]);
    await opened.waitForSelector('[data-testid="report-detail"]');
    assert.match(opened.url(), new RegExp(`options\\.html#report=${previous.id}$`));
    assert.match((await opened.textContent('[data-testid="report-detail"]')) ?? '', /2022/);
    await opened.close();
    await page.close();
  });

  test('the text disagrees with the table: the sentence is marked beside the cell and a click brings the cell up', async () => {
    await visit('reports/wuhou-mzj-2023-hidden.html', 'www.cdwh.gov.cn');
    const page = await visit('years/wuhou-mzj-2024.html', 'www.cdwh.gov.cn');
    assert.equal(await page.getAttribute(SUMMARY, 'data-failing'), '3');
    const sentence = page.locator('[data-nianbao-cell="text"]');
    assert.equal(await sentence.count(), 1);
    assert.match((await sentence.textContent()) ?? '', /上年结转2件/);
    await page.setViewportSize({ width: 1100, height: 900 });
    await sentence.hover();
    const tip = page.locator('nianbao-lens[data-nianbao="tooltip"]');
    await tip.waitFor({ state: 'visible' });
    await sentence.click();
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName, mark: el?.getAttribute('data-nianbao-cell'), text: el?.textContent?.trim() };
    });
    assert.deepEqual(focused, { tag: 'TD', mark: 'fail', text: '1' });
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'overlay-narrative.png') });
    const rec = await recordOf('成都市武侯区民政局', 2024);
    assert.deepEqual(failing(rec), ['text.apply.carried_over', 'xyear.carried_over.commercial', 'xyear.carried_over.natural']);
    assert.match(rec.checks.find((c) => c.id === 'text.apply.carried_over')!.evidence ?? '', /上年结转2件/);
    await page.close();
  });

  test('saving the earlier year after the later one updates the later record; deleting it takes its checks away', async () => {
    const later = await visit('years/hanyin-zrzyj-2023.html', 'www.hanyin.gov.cn');
    assert.equal(await later.getAttribute(SUMMARY, 'data-status'), 'pass');
    assert.deepEqual(xyear(await recordOf('汉阴县自然资源局', 2023)), []);
    await later.close();
    await (await visit('reports/hanyin-zrzyj-2022-word.html', 'www.hanyin.gov.cn')).close();
    const earlier = await recordOf('汉阴县自然资源局', 2022);
    let rec = await recordOf('汉阴县自然资源局', 2023);
    for (let i = 0; i < 30 && !xyear(rec).length; i++)
      rec = await new Promise((ok) => setTimeout(ok, 100)).then(() => recordOf('汉阴县自然资源局', 2023));
    assert.equal(xyear(rec).length, 7);
    assert.ok(
      xyear(rec).every((c) => c.status === 'pass' && c.ref === earlier.id),
      JSON.stringify(xyear(rec)),
    );
    assert.equal(rec.status, 'ok');
    // the options page deletes the earlier year: the later one is no longer compared with it
    const options = await h.openOptions();
    const reply = await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'delete-records', ids: [id] }), earlier.id);
    assert.deepEqual(reply, { deleted: 1 });
    rec = await recordOf('汉阴县自然资源局', 2023);
    assert.deepEqual(xyear(rec), []);
    await options.close();
  });

  test('a page edited after the first visit keeps the first content as a version, shown in the detail view', async () => {
    await (await visit('years/hanyin-zrzyj-2023.html', 'www.hanyin.gov.cn')).close();
    h.server.override('years/hanyin-zrzyj-2023.html', 'years/edited/hanyin-zrzyj-2023.html');
    try {
      await (await visit('years/hanyin-zrzyj-2023.html', 'www.hanyin.gov.cn')).close();
    } finally {
      h.server.override('years/hanyin-zrzyj-2023.html', null);
    }
    let rec = await recordOf('汉阴县自然资源局', 2023);
    for (let i = 0; i < 30 && !rec.versions?.length; i++)
      rec = await new Promise((ok) => setTimeout(ok, 100)).then(() => recordOf('汉阴县自然资源局', 2023));
    assert.equal(rec.changedAfterFirstSeen, true);
    assert.equal(rec.versions?.length, 1);
    assert.deepEqual(rec.versions![0].changed, [
      { key: 'apply.carried_forward.natural', old: 2, new: 1 },
      { key: 'apply.carried_forward.total', old: 4, new: 3 },
      { key: 'apply.new.natural', old: 23, new: 22 },
      { key: 'apply.new.total', old: 28, new: 27 },
    ]);
    const options = await h.openOptions();
    await options.setViewportSize({ width: 1280, height: 1000 });
    await options.click(`[data-testid="history-row"][data-id="${rec.id}"]`);
    await options.waitForSelector('[data-testid="report-versions"]');
    assert.equal(await options.locator('[data-testid="version-change"]').count(), 4);
    assert.equal(await options.locator('[data-testid="changed-flag"]').count(), 1);
    await options.screenshot({ path: join(SCREENSHOTS_DIR, 'report-versions.png'), fullPage: true });
    await options.close();
  });
});

describe('the history as a panel, and the research columns', () => {
  test('agencies × years, each cell with its status; a click opens the record', async () => {
    const options = await h.openOptions();
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.click('[data-testid="view-panel"]');
    await options.waitForSelector('[data-testid="history-panel"]');
    const cell = (agency: string, year: number) =>
      options.locator(`[data-testid="panel-cell"][data-agency="${agency}"][data-year="${year}"]`);
    assert.equal(await cell('南昌市青山湖区住房和城乡建设局', 2023).getAttribute('data-status'), 'errors');
    assert.equal(await cell('南昌市青山湖区住房和城乡建设局', 2022).getAttribute('data-status'), 'ok');
    assert.equal(await cell('汉阴县自然资源局', 2023).count(), 1);
    assert.equal(await cell('汉阴县自然资源局', 2022).count(), 0); // deleted above
    await options.screenshot({ path: join(SCREENSHOTS_DIR, 'history-panel.png'), fullPage: true });
    await options.fill('[data-testid="panel-filter-check"]', 'xyear.');
    await options.waitForFunction(() => document.querySelectorAll('[data-testid="panel-cell"]').length === 2);
    await options.screenshot({ path: join(SCREENSHOTS_DIR, 'history-panel-xyear.png'), fullPage: true });
    await options.fill('[data-testid="panel-filter-check"]', '');
    await cell('成都市武侯区民政局', 2024).click();
    await options.waitForSelector('[data-testid="report-detail"]');
    assert.match((await options.textContent('[data-testid="report-detail"]')) ?? '', /上年结转2件/);
    await options.close();
  });

  test('the wide CSV carries the publication date, days late and the rates', async () => {
    const options = await h.openOptions();
    const [dl] = await Promise.all([options.waitForEvent('download'), options.click('[data-testid="export-csv-wide"]')]);
    const rows = parseCsv(readFileSync((await dl.path())!, 'utf8').slice(1));
    const head = rows[0];
    const col = (name: string) => head.indexOf(name);
    for (const name of ['published_at', 'days_late', 'source_kind', 'rate_disclosed', 'failing_xyear', 'failing_meta'])
      assert.ok(col(name) >= 0, name);
    const qsh = rows.find((r) => r[col('agency')] === '南昌市青山湖区住房和城乡建设局' && r[col('year')] === '2023')!;
    assert.equal(qsh[col('published_at')], '2024-02-20');
    assert.equal(qsh[col('days_late')], '20');
    assert.equal(qsh[col('failing_xyear')], '3');
    assert.equal(qsh[col('failing_meta')], '1');
    await options.close();
  });
});

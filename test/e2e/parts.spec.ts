import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, SCREENSHOTS_DIR, type Harness } from './harness';
import { savedReports as savedReportsOf } from './records';

/**
 * Frames and several reports on one page (SPEC §5, issue 8 items 6 and 7), in real Chromium: a 年报汇编 shows one
 * summary per report at the report's title and saves one record per report (url, url#part-2…), the badge sums the
 * failing checks; a report in a same-origin iframe is saved under the top page's address with the frame's in frameUrl.
 */

let h: Harness;
before(async () => {
  h = await launchExtension();
});
after(async () => {
  await h?.close();
});

const SUMMARY = 'nianbao-lens[data-nianbao="summary"]';

const savedReports = (): Promise<any[]> => savedReportsOf(h.sw);

async function waitForRecords(match: (r: any) => boolean, count: number): Promise<any[]> {
  let got: any[] = [];
  for (let i = 0; i < 100; i++) {
    got = (await savedReports()).filter(match);
    if (got.length >= count) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return got;
}

async function summaries(scope: Page | Frame) {
  return scope.evaluate(() =>
    [...document.querySelectorAll('nianbao-lens[data-nianbao="summary"]')].map((el) => ({
      status: el.getAttribute('data-status'),
      failing: el.getAttribute('data-failing'),
      part: el.getAttribute('data-part'),
      /** the line the host stands before: the report's title */
      next: (el.nextElementSibling?.textContent ?? '').trim(),
    })),
  );
}

async function badge(page: Page, want: string): Promise<string> {
  const tab = await h.tabIdOf(page);
  let got = '';
  for (let i = 0; i < 30 && got !== want; i++, await page.waitForTimeout(100)) got = await h.badgeText(tab);
  return got;
}

describe('a 年报汇编 page (seed 003)', () => {
  test('shows one summary per report at its title, saves one record per report, and the badge sums the failing checks', async () => {
    const page = await h.open('compilations/huibian-2020.html', 'www.huibian.gov.cn');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, SUMMARY, { timeout: 15_000 });
    const shown = await summaries(page);
    assert.deepEqual(
      shown.map((s) => [s.part, s.status, s.failing]),
      [
        ['1', 'fail', '2'],
        ['2', 'pass', '0'],
        ['3', 'pass', '0'],
        ['4', 'pass', '0'],
      ],
    );
    assert.deepEqual(
      shown.map((s) => s.next.replace(/。$/, '')),
      [
        '灵川县2020年政府信息公开工作年度报告',
        '广元市2020年政府信息公开工作年度报告',
        '广元市林业局2020年度政府信息公开工作年度报告',
        '衢州市人民政府2020年政府信息公开工作年度报告',
      ],
    );
    assert.equal(await page.locator(SUMMARY).nth(1).locator('.part').textContent(), '本页第 2 份（共 4 份）');
    // table badges as on a single report: one per report table (7 + 3 + 3 + 7)
    assert.equal(await page.locator('nianbao-lens[data-nianbao="table"]').count(), 20);
    assert.equal(await badge(page, '2'), '2', 'toolbar badge: failing checks summed over the parts');

    const base = 'http://www.nbhb.gov.cn/zwgk/ndbg/2020/huibian.html';
    const records = await waitForRecords((r) => r.url.startsWith(base), 4);
    assert.deepEqual(
      records.map((r) => [r.url, r.agency, r.year, r.status]).sort(),
      [
        [base, '灵川县', 2020, 'errors'],
        [`${base}#part-2`, '广元市', 2020, 'ok'],
        [`${base}#part-3`, '广元市林业局', 2020, 'ok'],
        [`${base}#part-4`, '衢州市人民政府', 2020, 'ok'],
      ].sort(),
    );
    assert.equal(new Set(records.map((r) => r.id)).size, 4);

    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.locator(SUMMARY).nth(1).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'huibian-part-2.png') });

    // the popup lists every report of the page, the first in full and the others folded
    const popup = await h.openPopup(await h.tabIdOf(page));
    await popup.waitForSelector('[data-testid="page-reports"]');
    assert.equal(await popup.getAttribute('[data-testid="page-reports"]', 'data-count'), '4');
    assert.deepEqual(await popup.locator('[data-testid="more-report"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-url'))), [
      `${base}#part-2`,
      `${base}#part-3`,
      `${base}#part-4`,
    ]);
    await popup.locator('[data-testid="more-report"] summary').first().click();
    await popup.screenshot({ path: join(SCREENSHOTS_DIR, 'huibian-popup.png'), fullPage: true });
    await popup.close();
    await page.close();
  });
});

describe('a report in a same-origin iframe', () => {
  test('is annotated in the frame and saved with the top page’s url and the frame’s in frameUrl', async () => {
    const page = await h.open('frames/portal.html', 'www.langao.gov.cn');
    const frame = (await (await page.waitForSelector('#xxgk-frame')).contentFrame())!;
    await frame.waitForSelector(SUMMARY, { state: 'attached', timeout: 15_000 });
    assert.equal(await page.locator('nianbao-lens').count(), 0, 'the portal itself gets no host');
    const top = 'http://www.langao.gov.cn/xxgk/ndbg/portal.html';
    const [record] = await waitForRecords((r) => r.url === top, 1);
    assert.ok(record, 'a record under the top page’s address');
    assert.equal(record.frameUrl, 'http://www.langao.gov.cn/frames/report-frame.html');
    assert.equal(record.agency, '岚皋县行政审批服务局');
    assert.equal((await savedReports()).filter((r) => r.url.includes('report-frame')).length, 0, 'nothing saved under the frame’s address');
    assert.equal(await badge(page, '✓'), '✓');
    await page.close();
  });
});

describe('a report page that frames another report', () => {
  test('gives two records: the page’s own, then the frame’s as #part-2 with frameUrl; the badge counts both', async () => {
    const page = await h.open('frames/report-with-frame.html', 'www.langao.gov.cn');
    const frame = (await (await page.waitForSelector('#related-frame')).contentFrame())!;
    await frame.waitForSelector(SUMMARY, { state: 'attached', timeout: 15_000 });
    await page.waitForSelector(SUMMARY, { state: 'attached' });
    const top = 'http://www.langao.gov.cn/xxgk/ndbg/with-frame.html';
    const records = await waitForRecords((r) => r.url.startsWith(top), 2);
    assert.deepEqual(
      records.map((r) => [r.url, r.frameUrl, r.agency]).sort(),
      [
        [top, undefined, '岚皋县行政审批服务局'],
        [`${top}#part-2`, 'http://www.langao.gov.cn/reports/guangyuan-2020.html', '广元市'],
      ].sort(),
    );
    assert.equal(await badge(page, '✓'), '✓');
    await page.close();
  });
});

describe('a report in a frame from another gov.cn host', () => {
  test('is checked in the frame as a page of its own: its own address, no frameUrl, and the badge shows it', async () => {
    const page = await h.open('frames/portal-xxgk.html', 'www.langao-portal.gov.cn');
    const frame = (await (await page.waitForSelector('#xxgk-frame')).contentFrame())!;
    await frame.waitForSelector(SUMMARY, { state: 'attached', timeout: 15_000 });
    assert.equal(await page.locator('nianbao-lens').count(), 0, 'the portal itself gets no host');
    const own = 'http://xxgk.langao.gov.cn/frames/report-frame.html';
    const [record] = await waitForRecords((r) => r.url === own, 1);
    assert.ok(record, 'saved under the frame’s own address');
    assert.equal(record.frameUrl, undefined);
    assert.equal(await badge(page, '✓'), '✓');
    await page.close();
  });
});

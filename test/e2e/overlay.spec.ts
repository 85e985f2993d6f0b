import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, type Harness, SCREENSHOTS_DIR } from './harness';
import { FIXTURES_DIR } from './server';

/**
 * What a researcher sees on a report page (SPEC §7): the summary and per-table hosts with their verdicts,
 * outlined failing cells with an explaining tooltip, "next error" navigation, the toolbar badge — and
 * nothing at all on other pages, on non-gov.cn hosts, or on the network.
 */

interface Expected {
  isReport: boolean;
  status: 'ok' | 'errors' | 'partial' | 'no-tables';
  tables: number;
  failing: string[];
  /** checks beyond the tables (SPEC §10) the fixture expects; the failing ones count on the page too */
  beyond?: Record<string, { status: string }>;
}
declare const chrome: any;
/** every failing check of a fixture: its identities', and those beyond the tables */
const allFailing = (e: Expected) => [
  ...e.failing,
  ...Object.entries(e.beyond ?? {}).flatMap(([id, c]) => (c.status === 'fail' ? [id] : [])),
];
/** the failing checks that read a table's cells (meta.* reads the page's date, no cell) */
const tableFailing = (e: Expected) => allFailing(e).filter((id) => !id.startsWith('meta.'));
const PAGE_STATUS = { ok: 'pass', errors: 'fail', partial: 'partial', 'no-tables': 'no-tables' } as const;
const expectedOf = (name: string): Expected => JSON.parse(readFileSync(join(FIXTURES_DIR, 'reports', `${name}.expected.json`), 'utf8'));
const reportNames = readdirSync(join(FIXTURES_DIR, 'reports'))
  .filter((f) => f.endsWith('.html') && existsSync(join(FIXTURES_DIR, 'reports', f.replace(/\.html$/, '.expected.json'))))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();
const ERROR_PAGE = reportNames.find((n) => n.startsWith('lingchuan')) ?? reportNames.find((n) => expectedOf(n).failing.length);
const hostFor = (name: string) => `www.${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.gov.cn`;
const SUMMARY = 'nianbao-lens[data-nianbao="summary"]';
const SHOTS = SCREENSHOTS_DIR;

let h: Harness;
const scanMs: number[] = [];
before(async () => {
  h = await launchExtension();
});
after(async () => {
  if (scanMs.length) console.log(`# scan ms: min ${Math.min(...scanMs)} · max ${Math.max(...scanMs)} over ${scanMs.length} pages`);
  await h?.close();
});

type Scope = Page | Frame;
async function hosts(scope: Scope) {
  return scope.evaluate(() =>
    [...document.querySelectorAll('nianbao-lens')].map((el) => ({
      kind: el.getAttribute('data-nianbao'),
      status: el.getAttribute('data-status'),
      failing: el.getAttribute('data-failing'),
      scanMs: el.getAttribute('data-scan-ms'),
      beforeTable: el.nextElementSibling?.localName === 'table',
    })),
  );
}
async function summaryOf(scope: Scope, timeout = 10_000) {
  await scope.waitForSelector(SUMMARY, { state: 'attached', timeout });
  return (await hosts(scope)).filter((x) => x.kind === 'summary');
}
/** the content script runs at document_idle: give it time to (not) act before asserting absence */
const settle = (page: Page) => page.waitForTimeout(1200);

async function expectBadge(page: Page, e: Expected) {
  const tab = await h.tabIdOf(page);
  // SPEC §7: the failing count; ✓ only when every check passes; ? when the verdict is incomplete
  const want = e.status === 'errors' ? String(allFailing(e).length) : e.status === 'ok' ? '✓' : '?';
  let got = '';
  for (let i = 0; i < 20 && got !== want; i++, await page.waitForTimeout(100)) got = await h.badgeText(tab);
  assert.equal(got, want, 'toolbar badge');
}

describe('report pages get verdicts in place', () => {
  for (const name of reportNames) {
    test(name, async () => {
      const e = expectedOf(name);
      const page = await h.open(`reports/${name}.html`, hostFor(name));
      const [summary, ...more] = await summaryOf(page);
      assert.equal(more.length, 0, 'one summary host');
      assert.equal(summary.status, PAGE_STATUS[e.status], 'summary data-status');
      assert.equal(Number(summary.failing), allFailing(e).length, 'summary data-failing');
      assert.ok(Number(summary.scanMs) >= 0 && summary.scanMs !== '', 'data-scan-ms is a number');
      scanMs.push(Number(summary.scanMs));
      const tables = (await hosts(page)).filter((x) => x.kind === 'table');
      assert.equal(tables.length, e.tables, 'one host per report table');
      assert.ok(
        tables.every((t) => t.beforeTable),
        'each table host sits right before its table',
      );
      assert.equal(
        tables.some((t) => t.status === 'fail'),
        tableFailing(e).length > 0,
        'a failing table iff failing checks',
      );
      assert.ok(
        tables.every((t) => ['pass', 'fail', 'partial'].includes(t.status!)),
        'table statuses are pass|fail|partial',
      );
      await expectBadge(page, e);
      await page.close();
    });
  }
});

describe('the page with an error', () => {
  test('outlines the failing total and its parts, explains them, and jumps between errors', async () => {
    assert.ok(ERROR_PAGE, 'a fixture with a failing check');
    const page = await h.open(`reports/${ERROR_PAGE}.html`, hostFor(ERROR_PAGE!));
    await summaryOf(page);
    const fail = page.locator('[data-nianbao-cell="fail"]');
    assert.ok((await fail.count()) >= 1, 'failing total outlined');
    assert.ok((await page.locator('[data-nianbao-cell="part"]').count()) >= 1, 'parts outlined');
    assert.equal(await fail.first().getAttribute('tabindex'), '0', 'outlined cells are focusable');

    await page.locator(SUMMARY).scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'overlay.png') });

    await fail.first().scrollIntoViewIfNeeded();
    await fail.first().hover();
    const tip = page.locator('nianbao-lens[data-nianbao="tooltip"] .tip');
    await tip.waitFor({ state: 'visible', timeout: 3000 });
    const text = (await tip.textContent()) ?? '';
    if (ERROR_PAGE!.startsWith('lingchuan')) {
      assert.match(text, /报告值 4/, text);
      assert.match(text, /计算值 0/, text);
      assert.match(text, /结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结/, text);
    }
    await page.screenshot({ path: join(SHOTS, 'overlay-tooltip.png') });

    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('[data-testid="next-error"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-nianbao-cell')), 'fail');
    await tip.waitFor({ state: 'visible', timeout: 3000 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Alt+Shift+N');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-nianbao-cell')), 'fail');
    await page.close();
  });

  test('re-scans replace hosts and outlines instead of adding more', async () => {
    const page = await h.open(`reports/${ERROR_PAGE}.html`, hostFor(ERROR_PAGE!));
    await summaryOf(page);
    const count = () =>
      page.evaluate(() => ({
        hosts: document.querySelectorAll('nianbao-lens').length,
        cells: document.querySelectorAll('[data-nianbao-cell]').length,
        styles: document.querySelectorAll('#nianbao-lens-cell-style').length,
      }));
    const first = await count();
    await h.sw.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'rescan' }), await h.tabIdOf(page));
    await page.evaluate(() => document.querySelector('table')!.insertRow().insertCell().append(''));
    await page.waitForTimeout(1000);
    assert.deepEqual(await count(), first);
    await page.close();
  });
});

describe('pages that get no overlay', () => {
  const nonReports = existsSync(join(FIXTURES_DIR, 'non-reports'))
    ? readdirSync(join(FIXTURES_DIR, 'non-reports')).filter((f) => f.endsWith('.html'))
    : [];
  const pages = new Map<string, Page>();
  before(async () => {
    // open them all at once and let the content scripts settle once: absence needs waiting
    await Promise.all(nonReports.map(async (f) => pages.set(f, await h.open(`non-reports/${f}`, 'www.example.gov.cn'))));
    await settle([...pages.values()][0] ?? (await h.context.newPage()));
  });
  test('non-report fixtures exist', () => assert.ok(nonReports.length > 0, 'test/fixtures/non-reports/*.html'));
  for (const file of nonReports) {
    test(`non-report ${file}`, async () => {
      const page = pages.get(file)!;
      assert.deepEqual(await hosts(page), [], 'no host at all');
      assert.equal(await page.locator('[data-nianbao-cell]').count(), 0);
      assert.equal(await h.badgeText(await h.tabIdOf(page)), '');
      await page.close();
    });
  }
  test('a report served outside *.gov.cn', async () => {
    const page = await h.open(`reports/${ERROR_PAGE}.html`, '127.0.0.1');
    await settle(page);
    assert.deepEqual(await hosts(page), []);
    await page.close();
  });
});

describe('hard pages', () => {
  const want = () => expectedOf(ERROR_PAGE!);
  test('a report rendered 1 s after load is annotated', async () => {
    const page = await h.open('e2e/late.html', 'www.late.gov.cn');
    assert.equal((await hosts(page)).length, 0, 'nothing before the article exists');
    const [summary] = await summaryOf(page, 6000);
    assert.equal(summary.status, PAGE_STATUS[want().status]);
    assert.equal(Number(summary.failing), allFailing(want()).length);
    assert.equal((await hosts(page)).filter((x) => x.kind === 'table').length, want().tables);
    await page.close();
  });

  test('a report in a same-origin iframe is annotated inside the frame', async () => {
    const page = await h.open('e2e/iframe.html', 'www.frame.gov.cn');
    const frame = (await (await page.waitForSelector('#report-frame')).contentFrame())!;
    const [summary] = await summaryOf(frame);
    assert.equal(summary.status, PAGE_STATUS[want().status]);
    assert.equal((await hosts(page)).length, 0, 'the portal page itself gets no host');
    await expectBadge(page, want());
    await page.close();
  });

  test('a page that never stops changing is re-scanned a bounded number of times', async () => {
    const page = await h.open('e2e/busy.html', 'www.busy.gov.cn');
    await summaryOf(page);
    const scans = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let n = 0;
          new MutationObserver((ms) => {
            for (const m of ms) for (const a of m.addedNodes) if ((a as Element).getAttribute?.('data-nianbao') === 'summary') n++;
          }).observe(document.body, { childList: true, subtree: true });
          setTimeout(() => done(n), 4000);
        }),
    );
    // 300 ms debounce, at least one scan per 1.5 s while changes continue, at most 10 in all
    assert.ok(scans >= 1 && scans <= 4, `re-scans in 4 s: ${scans}`);
    await page.close();
  });

  test('aggressive page CSS does not hide the overlay', async () => {
    const page = await h.open('e2e/aggressive.html', 'www.aggressive.gov.cn');
    await summaryOf(page);
    assert.ok(await page.locator(`${SUMMARY} .panel`).isVisible(), 'summary panel visible');
    const box = await page.locator(SUMMARY).boundingBox();
    assert.ok(box && box.height > 20 && box.width > 200, `summary box ${JSON.stringify(box)}`);
    const badges = page.locator('nianbao-lens[data-nianbao="table"] .badge');
    assert.equal(await badges.count(), want().tables);
    for (const b of await badges.all()) assert.ok(await b.isVisible(), 'table badge visible');
    assert.equal(await page.locator('#nianbao-lens-cell-style').isVisible(), false, 'our <style> stays unseen');
    await page.close();
  });
});

test('no request leaves the fixture server', () => {
  h.assertNoForeignRequests();
  const hosts = new Set(h.server.requests.map((r) => r.host.replace(/:\d+$/, '')));
  for (const host of hosts) assert.ok(host === '127.0.0.1' || host.endsWith('.gov.cn'), `request to ${host}`);
});

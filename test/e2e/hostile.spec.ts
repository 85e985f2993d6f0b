import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { launchExtension, type Harness, SCREENSHOTS_DIR } from './harness';
import { parseCsv } from '../support/csv';

/**
 * Hostile page text (e2e/hostile.html, derived in test/e2e/variants.ts: the 灵川县 2020 report with markup, spreadsheet
 * formulas and a 10,000-character string in its title, labels, values and an extra row). Page text is
 * data everywhere it goes: no dialog, no element made from it in the overlay, popup or options page,
 * layout that holds, and exports that a spreadsheet cannot run.
 */

const HOST = 'www.lingchuan.gov.cn';
const PAGE = 'e2e/hostile.html';
const SHOTS = SCREENSHOTS_DIR;
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(1)</script>';
const FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3'];
const LONG_HEAD = '长' + 'A'.repeat(99);
/** text a spreadsheet would run: = + - @ tab CR at the start (a plain number such as -223 is a number, not text) */
const RUNNABLE = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

let h: Harness;
let report: Page;
const dialogs: string[] = [];

/**
 * Elements and handlers that page text could have become: inside every overlay shadow root on a page,
 * or anywhere in an extension page (whose own markup has icons, module scripts and the options page's early history read).
 */
// (a string: tsx would wrap named inner functions in a `__name` helper the page does not have)
const INJECTED_JS = `(scope) => {
  const found = [];
  const own = (el) => scope === 'document' &&
    ((el.localName === 'script' && /^\\/(?:chunks\\/[\\w-]+|history-first-read)\\.js$/.test(el.getAttribute('src') || '')) ||
     (el.localName === 'img' && /^\\/icon\\/\\d+\\.png$/.test(el.getAttribute('src') || '')));
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (['img', 'script', 'iframe', 'object', 'embed', 'svg', 'math'].includes(el.localName) && !own(el)) found.push(el.outerHTML.slice(0, 120));
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(el.localName + '[' + a.name + ']');
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (scope === 'document') walk(document);
  else for (const host of document.querySelectorAll('nianbao-lens')) walk(host.shadowRoot);
  return found;
}`;
const injected = (page: Page, scope: 'overlay' | 'document'): Promise<string[]> =>
  page.evaluate(`(${INJECTED_JS})(${JSON.stringify(scope)})`);

/** no horizontal scrolling: long strings wrap or are clipped */
const overflowX = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    return {
      doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      el: el ? el.scrollWidth - el.clientWidth : -1,
    };
  }, selector);

async function download(page: Page, testid: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return readFileSync((await dl.path())!);
}

before(async () => {
  h = await launchExtension();
  const watch = (p: Page) =>
    p.on('dialog', (d) => {
      dialogs.push(`${p.url()}: ${d.type()} "${d.message()}"`);
      void d.dismiss().catch(() => {});
    });
  h.context.pages().forEach(watch);
  h.context.on('page', watch);
  report = await h.open(PAGE, HOST);
  await report.waitForSelector('nianbao-lens[data-nianbao="summary"]', { state: 'attached', timeout: 15_000 });
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await h?.close();
});

describe('a report page full of hostile text', () => {
  test('is still read as the 灵川县 2020 report, its hostile cells reported as unreadable', async () => {
    const summary = report.locator('nianbao-lens[data-nianbao="summary"]');
    assert.equal(await summary.getAttribute('data-status'), 'fail');
    const saved = await h.sw.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const open = indexedDB.open('nianbao-lens');
        const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = ko)));
        const all = db.objectStoreNames.contains('reports')
          ? await new Promise<any[]>((ok) => {
              const req = db.transaction('reports').objectStore('reports').getAll();
              req.onsuccess = () => ok(req.result);
            })
          : [];
        db.close();
        if (all.length) return all;
        await new Promise((r) => setTimeout(r, 100));
      }
      return [];
    });
    assert.equal(saved.length, 1);
    const [r] = saved;
    assert.equal(r.agency, '灵川县');
    assert.equal(r.year, 2020);
    assert.ok(r.title.includes(IMG) && r.title.includes(SCRIPT), r.title);
    const raws = r.problems.map((p: any) => p.raw);
    for (const f of [...FORMULAS, SCRIPT]) assert.ok(raws.includes(f), `problem for ${f}`);
    assert.ok(
      raws.some((x: string) => x.startsWith(LONG_HEAD) && x.length === 200),
      'the 10,000-character cell, cut to 200',
    );
    assert.ok(
      r.unmapped.some((u: any) => u.kind === 'row' && u.text.includes('HYPERLINK')),
      'the extra row is unmapped',
    );
    assert.equal(r.values['active.regulations.made'], 0, 'a label with markup appended still maps');
  });

  test('the overlay shows page text as text and keeps its layout', async () => {
    assert.deepEqual(await injected(report, 'overlay'), []);
    assert.equal(
      await report.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length),
      0,
      'the page itself had no live markup either',
    );
    const summary = report.locator('nianbao-lens[data-nianbao="summary"]');
    await summary.scrollIntoViewIfNeeded();
    const box = (await summary.boundingBox())!;
    const viewport = report.viewportSize()!;
    assert.ok(box.width <= viewport.width, `summary fits the page (${box.width}px)`);
    assert.ok((await overflowX(report, 'body')).doc <= 0, 'no horizontal scrolling');
    const fail = report.locator('[data-nianbao-cell="fail"]').first();
    await fail.scrollIntoViewIfNeeded();
    await fail.hover();
    const tip = report.locator('nianbao-lens[data-nianbao="tooltip"] .tip');
    await tip.waitFor({ state: 'visible', timeout: 3000 });
    assert.ok((await tip.boundingBox())!.width <= 560, 'tooltip stays narrow');
    assert.deepEqual(await injected(report, 'overlay'), []);
    await report.screenshot({ path: join(SHOTS, 'hostile-overlay-tooltip.png') });
    await report.mouse.move(0, 0);
    await summary.scrollIntoViewIfNeeded();
    await report.screenshot({ path: join(SHOTS, 'hostile-overlay.png') });
  });

  test('the popup shows the report without running or building anything from it', async () => {
    const popup = await h.openPopup(await h.tabIdOf(report));
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.waitForSelector('[data-testid="failing-checks"]');
    assert.match((await popup.textContent('.report-agency')) ?? '', /灵川县/);
    assert.deepEqual(await injected(popup, 'document'), []);
    assert.ok((await overflowX(popup, 'main')).doc <= 0, 'no horizontal scrolling in the popup');
    await popup.screenshot({ path: join(SHOTS, 'hostile-popup.png'), fullPage: true });
    await popup.close();
  });

  test('the options page lists it and its detail shows every hostile string as text', async () => {
    const options = await h.openOptions();
    await options.waitForSelector('[data-testid="history-row"]');
    assert.equal(await options.locator('[data-testid="history-row"]').count(), 1);
    assert.deepEqual(await injected(options, 'document'), []);
    await options.click('[data-testid="history-row"]');
    const detail = options.locator('[data-testid="report-detail"]');
    await detail.waitFor();
    const text = (await detail.textContent()) ?? '';
    for (const s of [IMG, SCRIPT, ...FORMULAS, LONG_HEAD]) assert.ok(text.includes(s), `detail shows ${s} as text`);
    assert.deepEqual(await injected(options, 'document'), []);
    const over = await overflowX(options, '[data-testid="report-detail"]');
    assert.ok(over.doc <= 0 && over.el <= 0, `long strings wrap or are clipped inside the detail (${JSON.stringify(over)})`);
    await options.locator('td.raw', { hasText: LONG_HEAD }).scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SHOTS, 'hostile-options-detail.png') });
    await options.click('[data-testid="close-detail"]');
    await options.close();
  });

  test('CSV (long and wide) and XLSX exports escape text a spreadsheet would run', async () => {
    const options = await h.openOptions();
    await options.waitForSelector('[data-testid="history-row"]');
    const check = (where: string, cells: string[]) => {
      for (const c of cells) assert.ok(!RUNNABLE.test(c) || NUMBER.test(c), `${where}: runnable cell ${JSON.stringify(c.slice(0, 60))}`);
    };
    const long = parseCsv((await download(options, 'export-csv')).toString('utf8').replace(/^\uFEFF/, ''));
    check('long CSV', long.flat());
    const longCells = new Set(long.flat());
    for (const f of FORMULAS) assert.ok(longCells.has(`'${f}`), `long CSV holds '${f}`);
    assert.ok(longCells.has(SCRIPT), 'markup stays as plain text');

    const wide = parseCsv((await download(options, 'export-csv-wide')).toString('utf8').replace(/^\uFEFF/, ''));
    assert.equal(wide.length, 2);
    check('wide CSV', wide.flat());
    const title = wide[1][wide[0].indexOf('title')];
    assert.ok(title.includes(IMG) && title.includes(SCRIPT), title);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(options, 'export-xlsx')) as any);
    const strings = new Set<string>();
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          assert.equal(cell.formula, undefined, `${sheet.name}!${cell.address} is a formula`);
          assert.ok(
            cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Number,
            `${sheet.name}!${cell.address} type ${cell.type}`,
          );
          if (cell.type === ExcelJS.ValueType.String) {
            check(`${sheet.name}!${cell.address}`, [cell.value as string]);
            strings.add(cell.value as string);
          }
        }),
      );
    }
    for (const f of FORMULAS) assert.ok(strings.has(`'${f}`), `XLSX holds the string '${f}`);
    await options.close();
  });

  test('no dialog opened and nothing was fetched from the hostile text', () => {
    assert.deepEqual(dialogs, []);
    // `<img src=x>` made live anywhere would have asked the fixture server for "x"
    assert.deepEqual(
      h.server.requests.filter((r) => /\/x$/.test(r.path)),
      [],
    );
  });
});

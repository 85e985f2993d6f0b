import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchExtension, ROOT, SCREENSHOTS_DIR } from '../test/e2e/harness';
import { startFixtureServer } from '../test/e2e/server';
import { describeCheck } from '../lib/i18n/check-words';
import type { TabState } from '../lib/protocol/messages';

/**
 * Opens the sample report as a gov.cn page in Chromium with the built extension (see scripts/start.sh).
 * Every *.gov.cn host is served from test/fixtures, so http://www.lingchuan.gov.cn/reports/… is the fixture.
 */

const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!args.includes('--headed') && !process.env.DISPLAY);
const sample = args.find((a) => !a.startsWith('--')) ?? 'reports/lingchuan-2020.html';
const HOST = 'www.lingchuan.gov.cn';
const SUMMARY = 'nianbao-lens[data-nianbao="summary"]';

const server = await startFixtureServer();
const h = await launchExtension({ headless, server });
const url = server.url(sample, HOST);
console.log(`年报透镜 · opening ${url} (${headless ? 'headless' : 'headed'})`);
const page = await h.open(sample, HOST);

let exitCode = 0;
try {
  await page.waitForSelector(SUMMARY, { state: 'attached', timeout: 15_000 });
  const tabId = await h.tabIdOf(page);
  // ask the background through the public message protocol, from an extension page
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/options.html`);
  let state: TabState | null = null;
  for (let i = 0; i < 30 && !state?.outcome; i++, await page.waitForTimeout(100)) {
    state = await ext.evaluate((t) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: t }), tabId);
  }
  await ext.close();
  const badge = await h.badgeText(tabId);
  const ms = await page.getAttribute(SUMMARY, 'data-scan-ms');
  const o = state?.outcome;
  if (!o || !o.isReport) {
    console.log(`summary: ${await page.getAttribute(SUMMARY, 'data-status')} (the background has no record)`);
  } else {
    const t = { pass: 0, fail: 0, skip: 0 };
    for (const c of o.checks) t[c.status]++;
    console.log(`机关 ${o.agency ?? '?'} · 年度 ${o.year ?? '?'} · 格式 ${o.format} · 状态 ${o.status} · ${o.tables} 张表`);
    console.log(
      `核验 ${o.checks.length} 项：成立 ${t.pass} · 不成立 ${t.fail} · 无法核验 ${t.skip} · 扫描 ${ms} ms · 工具栏徽标 “${badge}”`,
    );
    for (const c of o.checks.filter((x) => x.status === 'fail')) {
      const d = describeCheck(c);
      console.log(`  ✗ ${c.id}: ${d.equation}\n      lhs ${c.lhs} · rhs ${c.rhs} · diff ${c.diff}（${d.values}）`);
    }
  }
  if (headless) {
    const shots = SCREENSHOTS_DIR;
    mkdirSync(shots, { recursive: true });
    await page.locator(SUMMARY).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'start.png') });
    console.log(`screenshot: ${relative(ROOT, join(shots, 'start.png'))}`);
  }
} catch (e) {
  console.error(`年报透镜 did not annotate ${url}: ${(e as Error).message}`);
  exitCode = 1;
}

if (headless || exitCode) {
  await h.close();
  await server.close();
  process.exit(exitCode);
}
console.log('Browse any http://<anything>.gov.cn/reports/<fixture>.html — close the browser window to quit.');
h.context.on('close', () => {
  void server.close().then(() => process.exit(0));
});

declare const chrome: any;

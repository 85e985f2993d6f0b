import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, SCREENSHOTS_DIR, type Harness } from './harness';
import { waitForRecords } from './records';

/**
 * Reports whose tables are files (SPEC §8, issue 10), in real Chromium with fixture pages served as *.gov.cn:
 * a report page without tables is read from its attached PDF/DOCX (overlay, badge, saved record with `source`
 * and the page's `url`), politely (one request for the file, to the page's own site); pages whose attachment
 * cannot be read say why; a file opened directly is checked in the viewer page from the popup's `check-file`.
 */

let h: Harness;
before(async () => {
  h = await launchExtension();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});
after(async () => {
  await h?.close();
});

const SUMMARY = 'nianbao-lens[data-nianbao="summary"]';

async function summaryOf(page: Page, want: (s: { status: string | null; source: string | null; note: string }) => boolean) {
  let got = {
    status: null as string | null,
    failing: null as string | null,
    source: null as string | null,
    note: '',
    fails: [] as string[],
  };
  for (const end = Date.now() + 20_000; Date.now() < end; await page.waitForTimeout(150)) {
    got = await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      const root = host?.shadowRoot;
      return {
        status: host?.getAttribute('data-status') ?? null,
        failing: host?.getAttribute('data-failing') ?? null,
        source: host?.getAttribute('data-source') ?? null,
        note: root?.querySelector('[data-testid="summary-source"]')?.textContent ?? '',
        fails: [...(root?.querySelectorAll('.fails li') ?? [])].map((li) => li.textContent ?? ''),
      };
    }, SUMMARY);
    if (want(got)) break;
  }
  return got;
}

async function badge(page: Page, want: string): Promise<string> {
  const tab = await h.tabIdOf(page);
  let got = '';
  for (let i = 0; i < 50 && got !== want; i++, await page.waitForTimeout(100)) got = await h.badgeText(tab);
  return got;
}

const fileRequests = (path: string) => h.server.requests.filter((r) => r.path === path);

describe('a report page whose tables are an attached file', () => {
  test('PDF: read without a click, verdicts in the summary with the file named, badge, saved record with source', async () => {
    const page = await h.open('attachments/lingchuan-2020-pdf.html', 'www.lingchuan.gov.cn');
    const s = await summaryOf(page, (x) => x.source === 'pdf');
    assert.equal(s.source, 'pdf');
    assert.equal(s.status, 'fail');
    // the table's error and the file's text disagreeing with it (SPEC §10 text.suit.total)
    assert.equal(s.failing, '2');
    assert.match(s.note, /核验结果来自报告附件/);
    assert.match(s.note, /灵川县2020年政府信息公开工作年度报告\.pdf/);
    assert.equal(s.fails.length, 2);
    assert.match(s.fails[0], /行政诉讼/);
    assert.equal(await badge(page, '2'), '2');
    const url = 'http://www.lingchuan.gov.cn/attachments/lingchuan-2020-pdf.html';
    const [record] = await waitForRecords(h.sw, (r) => r.url === url && r.source?.kind === 'pdf');
    assert.ok(record, 'saved under the page’s address, source = the PDF');
    assert.equal(record.source.url, 'http://www.lingchuan.gov.cn/files/lingchuan-2020.pdf');
    assert.equal(record.agency, '灵川县');
    assert.equal(record.year, 2020);
    assert.equal(record.status, 'errors');
    assert.deepEqual(
      record.checks.filter((c: any) => c.status === 'fail').map((c: any) => [c.id, c.lhs, c.rhs]),
      [
        ['suit.after_review.sum', 0, 4],
        ['text.suit.total', 0, 4],
      ],
    );
    assert.ok(record.values['apply.new.total'] !== undefined, 'the application table was read');
    // politeness: the file was fetched once, from the page's own host; the 图解 picture and the 解读 PDF never
    assert.equal(fileRequests('/files/lingchuan-2020.pdf').length, 1);
    assert.equal(fileRequests('/files/jiedu-2020.pdf').length, 0);
    assert.ok(fileRequests('/files/lingchuan-2020.pdf').every((r) => r.host === 'www.lingchuan.gov.cn'));
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'attachment-pdf.png') });
    await page.close();
  });

  test('a page that is only the title and "详见附件": its one report-named file is read and shown', async () => {
    const page = await h.open('attachments/title-only-pdf.html', 'www.lingchuan.gov.cn');
    const s = await summaryOf(page, (x) => x.source === 'pdf');
    assert.equal(s.source, 'pdf');
    assert.equal(s.status, 'fail');
    assert.match(s.note, /核验结果来自报告附件/);
    assert.equal(await badge(page, '2'), '2');
    const [record] = await waitForRecords(h.sw, (r) => r.url.endsWith('/attachments/title-only-pdf.html'));
    assert.equal(record.source.kind, 'pdf');
    assert.equal(record.agency, '灵川县');
    await page.close();
  });

  test('a column page listing two years’ report files is left alone: nothing fetched, no overlay', async () => {
    const before = h.server.requests.length;
    const page = await h.open('attachments/list-two-pdfs.html', 'www.lingchuan.gov.cn');
    await page.waitForTimeout(2500);
    assert.equal(await page.locator('nianbao-lens').count(), 0);
    assert.deepEqual(
      h.server.requests.slice(before).filter((r) => r.path.startsWith('/files/')),
      [],
    );
    await page.close();
  });

  test('DOCX with a CMS file name, the only file under 附件: read, all identities pass', async () => {
    const page = await h.open('attachments/langao-2021-docx.html', 'www.langao.gov.cn');
    const s = await summaryOf(page, (x) => x.source === 'docx');
    assert.equal(s.source, 'docx');
    assert.equal(s.status, 'pass');
    assert.match(s.note, /P020220120384857150\.docx/);
    assert.equal(await badge(page, '✓'), '✓');
    const [record] = await waitForRecords(h.sw, (r) => r.url.endsWith('/attachments/langao-2021-docx.html') && r.source?.kind === 'docx');
    assert.equal(record.agency, '岚皋县行政审批服务局');
    assert.equal(record.year, 2021);
    assert.equal(record.format, '2021');
    assert.equal(record.status, 'ok');
    await page.close();
  });

  test('a PDF that is only a picture of the tables: no-tables, the note says why, never zeros', async () => {
    const page = await h.open('attachments/scanned-pdf.html', 'www.lingchuan.gov.cn');
    const s = await summaryOf(page, (x) => x.source === 'pdf');
    assert.equal(s.status, 'no-tables');
    assert.match(s.note, /没有可读的表格/);
    assert.match(s.note, /没有可提取的文字/);
    assert.equal(await badge(page, '?'), '?');
    const [record] = await waitForRecords(h.sw, (r) => r.url.endsWith('/attachments/scanned-pdf.html') && r.source?.kind === 'pdf');
    assert.equal(record.status, 'no-tables');
    assert.ok(record.notes.some((n: string) => /没有可提取的文字/.test(n)));
    assert.equal(Object.values(record.values).filter((v) => v !== null).length, 0);
    await page.close();
  });

  test('bad or unreadable attachments: a clear line, the page record stays as it is', async () => {
    const cases: Array<[string, RegExp]> = [
      ['attachments/corrupt-docx.html', /损坏或不完整/],
      ['attachments/no-attachment.html', /没有找到报告附件/],
      ['attachments/offsite-pdf.html', /其他网站上（www\.elsewhere\.gov\.cn）/],
      ['attachments/doc-only.html', /\.doc 文件，无法读取表格/],
    ];
    for (const [path, why] of cases) {
      const page = await h.open(path, 'www.lingchuan.gov.cn');
      const s = await summaryOf(page, (x) => why.test(x.note));
      assert.match(s.note, why, path);
      assert.equal(s.status, 'no-tables', path);
      await page.close();
    }
    assert.equal(h.server.requests.filter((r) => r.host === 'www.elsewhere.gov.cn').length, 0, 'nothing fetched off the page’s site');
    const [corrupt] = await waitForRecords(h.sw, (r) => r.url.endsWith('/attachments/corrupt-docx.html') && r.source?.kind === 'docx');
    assert.equal(corrupt.status, 'no-tables', 'a corrupt file: the page’s no-tables record, naming the file');
    assert.ok(corrupt.notes.some((n: string) => /损坏或不完整/.test(n)));
    const [none] = await waitForRecords(h.sw, (r) => r.url.endsWith('/attachments/no-attachment.html'));
    assert.equal(none.status, 'no-tables');
    assert.equal(none.source?.kind ?? 'html', 'html');
    assert.equal(
      fileRequests(
        '/files/%E7%81%B5%E5%B7%9D%E5%8E%BF2020%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.doc',
      ).length,
      0,
      'an old .doc is not fetched',
    );
  });
});

describe('a PDF opened directly', () => {
  test('the popup offers check-file; the viewer shows the rebuilt tables with badges and outlines; the record is the file’s', async () => {
    const fileUrl = 'http://www.lingchuan.gov.cn/files/lingchuan-2020.pdf';
    const tab = await h.context.newPage();
    await tab.goto(fileUrl).catch(() => undefined); // Chrome's PDF viewer (or a download) — no content script either way
    const popup = await h.openPopup(await h.tabIdOf(tab));
    await popup.waitForSelector('[data-testid="check-file"]', { timeout: 10_000 });
    await popup.screenshot({ path: join(SCREENSHOTS_DIR, 'popup-check-file.png') });
    const [viewer] = await Promise.all([h.context.waitForEvent('page'), popup.click('[data-testid="check-file"]')]);
    await viewer.waitForSelector('[data-testid="viewer"][data-state="done"]', { timeout: 30_000 });
    assert.equal(new URL(viewer.url()).searchParams.get('url'), fileUrl);
    await viewer.waitForSelector(SUMMARY, { state: 'attached' });
    const s = await summaryOf(viewer, (x) => x.status !== null && x.source === 'pdf');
    assert.equal(s.status, 'fail');
    assert.equal(s.failing, '1');
    const tables = await viewer.locator('nianbao-lens[data-nianbao="table"]').count();
    const outlined = await viewer.evaluate(() => document.querySelectorAll('[data-nianbao-cell="fail"]').length);
    assert.ok(outlined >= 1, 'the failing total is outlined');
    await viewer.waitForSelector('[data-testid="viewer-saved"]');
    const [record] = await waitForRecords(h.sw, (r) => r.url === fileUrl);
    assert.equal(record.source.kind, 'pdf');
    assert.equal(record.status, 'errors');
    assert.equal(tables, record.tables, 'a badge per report table read from the file');
    assert.ok(tables >= 3, `sections 二, 三 and 四 (${tables})`);
    await viewer.screenshot({ path: join(SCREENSHOTS_DIR, 'viewer-pdf.png') });
    await viewer.close();
    await popup.close();
    await tab.close();
  });

  test('bad files in the viewer: a clear message, nothing saved, the browser stays responsive', async () => {
    const cases: Array<[string, RegExp]> = [
      ['files/not-word.docx', /不是 Word 文档/],
      ['files/bomb.docx', /解压后/],
      ['generated/huge-50mb.pdf', /文件过大（50\.0 MB/],
      ['generated/html-as.pdf', /不是 PDF 或 Word|不像是/],
    ];
    for (const [path, why] of cases) {
      const url = `http://www.lingchuan.gov.cn/${path}`;
      const viewer = await h.context.newPage();
      await viewer.goto(`chrome-extension://${h.extensionId}/viewer.html?url=${encodeURIComponent(url)}`);
      await viewer.waitForSelector('[data-testid="viewer"]:is([data-state="done"], [data-state="error"])', { timeout: 30_000 });
      const shown = `${await viewer.textContent('[data-testid="viewer"]')}`;
      assert.match(shown, why, path);
      // responsive: the page answers at once
      assert.equal(await viewer.evaluate(() => 1 + 1), 2);
      await viewer.close();
    }
    const saved = await waitForRecords(h.sw, (r) => /not-word|bomb|huge|html-as/.test(r.url), 1, 1000);
    assert.deepEqual(saved, [], 'nothing saved for a file that is no report');
  });
});

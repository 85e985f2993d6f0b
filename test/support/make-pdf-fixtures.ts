/**
 * Writes the PDF fixtures of test/fixtures/files/ (issue 10) by printing our HTML report fixtures with Debian
 * Chromium, as a government site's "save as PDF" would: `lingchuan-2020.pdf` (A4 portrait, its real error),
 * `quzhou-2020-landscape.pdf` (A4 landscape), `langao-xzsp-2021-split.pdf` (section 三 pushed so that its
 * table breaks across two pages), `wuhou-mzj-2023-thead-split.pdf` (section 三's header rows as a
 * `<thead>`, the table broken mid-way: Chromium repeats the header on the next page),
 * `lingchuan-2020-borderless.pdf` and `langao-xzsp-2021-borderless.pdf` (the tables printed without any border:
 * no ruling lines, read from text positions alone) and `table-image.pdf` (one page holding only a PNG screenshot
 * of a table: no text at all). Deterministic: no network, fixed viewport, and the creation/modification dates are replaced by
 * a fixed date of the same length (so the xref offsets stay valid).
 *
 *   node --import tsx test/support/make-pdf-fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const REPORTS = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));
const OUT = fileURLToPath(new URL('../fixtures/files/', import.meta.url));

/** Chromium writes `D:YYYYMMDDHHmmss+00'00'` dates; a fixed one of the same length keeps the file stable. */
function stable(pdf: Buffer): Buffer {
  const text = pdf
    .toString('latin1')
    .replace(/\(D:\d{14}[^)]*\)/g, (m) => '(D:20210101000000' + "+00'00'".padEnd(m.length - 18, ' ') + ')');
  return Buffer.from(text, 'latin1');
}

/** A web page whose tables have no borders at all, as printed: no ruling lines in the PDF. */
const BORDERLESS = '<style>table,td,th{border:none!important}</style>';

async function open(page: Page, slug: string, style = ''): Promise<void> {
  const html = readFileSync(`${REPORTS}${slug}.html`, 'utf8').replace('</head>', `${style}</head>`);
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  await page.emulateMedia({ media: 'print' });
}

/**
 * Pushes the first table whose text matches `pattern` down the printed page with a spacer before it, so that
 * the page break falls `keep` px below the table's top: the table then has to go on on the next page. With
 * `keep: 'thead'` the break falls in the middle of the first body row, right after a `<thead>` that Chromium
 * repeats at the head of the next page.
 */
async function pushTable(page: Page, pattern: string, keep: number | 'half', pageHeightPx: number): Promise<void> {
  await page.evaluate(
    ({ pattern, keep, h }) => {
      const table = [...document.querySelectorAll('table')].find((t) => t.offsetParent && new RegExp(pattern).test(t.textContent ?? ''));
      if (!table) throw new Error(`no table with ${pattern}`);
      const top = table.getBoundingClientRect().top + window.scrollY;
      const below = keep === 'half' ? table.offsetHeight / 2 : keep;
      const spacer = document.createElement('div');
      spacer.style.height = `${Math.round((((h - below - (top % h)) % h) + h) % h)}px`;
      table.before(spacer);
    },
    { pattern, keep, h: pageHeightPx },
  );
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1400 }, locale: 'zh-CN', javaScriptEnabled: false });
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    const margin = { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' };

    await open(page, 'lingchuan-2020');
    writeFileSync(`${OUT}lingchuan-2020.pdf`, stable(await page.pdf({ format: 'A4', margin, printBackground: false })));

    // the same reports with every table border removed (issue 11): the tables are read from text positions
    await open(page, 'lingchuan-2020', BORDERLESS);
    writeFileSync(`${OUT}lingchuan-2020-borderless.pdf`, stable(await page.pdf({ format: 'A4', margin, printBackground: false })));
    await open(page, 'langao-xzsp-2021', BORDERLESS);
    writeFileSync(`${OUT}langao-xzsp-2021-borderless.pdf`, stable(await page.pdf({ format: 'A4', margin, printBackground: false })));

    await open(page, 'quzhou-2020');
    writeFileSync(`${OUT}quzhou-2020-landscape.pdf`, stable(await page.pdf({ format: 'A4', landscape: true, margin })));

    // A4 is 297mm tall; less the margins, 267mm of content per page at 96 px per inch
    await page.setViewportSize({ width: Math.round((180 / 25.4) * 96), height: 1400 });
    await open(page, 'langao-xzsp-2021');
    const contentHeight = (267 / 25.4) * 96;
    await pushTable(page, '本年新收', 0.4 * contentHeight, contentHeight);
    writeFileSync(`${OUT}langao-xzsp-2021-split.pdf`, stable(await page.pdf({ format: 'A4', margin })));

    // section 三 with its header rows made a <thead> (Word's 重复标题行), broken mid-table: the header is printed
    // again at the head of the next page
    await open(page, 'wuhou-mzj-2023-hidden');
    await page.evaluate(() => {
      const table = [...document.querySelectorAll('table')].find((t) => t.offsetParent && /本年新收/.test(t.textContent ?? ''));
      const rows = [...(table?.rows ?? [])];
      const first = rows.findIndex((r) => /本年新收/.test(r.textContent ?? ''));
      const head = table!.createTHead();
      rows.slice(0, first).forEach((r) => head.append(r));
    });
    await pushTable(page, '本年新收', 'half', contentHeight);
    writeFileSync(`${OUT}wuhou-mzj-2023-thead-split.pdf`, stable(await page.pdf({ format: 'A4', margin })));

    // a picture of a table and nothing else
    await page.setViewportSize({ width: 700, height: 900 });
    await open(page, 'lingchuan-2020');
    await page.emulateMedia({ media: 'screen' });
    const table = page.locator('table', { hasText: '本年新收' }).first();
    const png = await table.screenshot({ type: 'png', scale: 'css' });
    await page.setContent(
      `<!doctype html><html><body style="margin:0"><img style="width:170mm" src="data:image/png;base64,${png.toString('base64')}"></body></html>`,
    );
    writeFileSync(`${OUT}table-image.pdf`, stable(await page.pdf({ format: 'A4', margin })));
  } finally {
    await browser.close();
  }
}

await main();

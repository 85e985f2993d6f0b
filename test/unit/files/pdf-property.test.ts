/**
 * Property test (issue 10): random generated reports of both editions in random layouts, printed to PDF by
 * Chromium (A4, portrait or landscape) and read back with readPdf, give the same values, blanks and identity
 * verdicts as their HTML form read by the same core.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { checkPage } from '../../../lib/core/check-page';
import { RecordSchema, type ReportRecord } from '../../../lib/core/record';
import { readPdf } from '../../../lib/files/pdf-read';
import { generateReport, type Layout } from '../../generator';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

async function print(html: string, landscape: boolean): Promise<Uint8Array> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  const pdf = await page.pdf({ format: 'A4', landscape, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  await context.close();
  return new Uint8Array(pdf);
}

const record = (html: string, url: string): ReportRecord => {
  const { outcome } = checkPage(parseHtml(html), url);
  expect(outcome.isReport).toBe(true);
  return RecordSchema.parse(outcome);
};

const verdicts = (rec: ReportRecord) =>
  Object.fromEntries(rec.checks.filter((c) => /^(apply|review|suit)\./.test(c.id)).map((c) => [c.id, c.status]));

// the layouts a PDF can carry: a picture of a table or a page's hidden copy have no PDF form to compare with
const CASES: [number, Partial<Layout>, boolean][] = [
  [101, {}, false],
  [102, { word: true, blanks: 'empty' }, false],
  [103, { split: 'empty', thead: true }, false],
  [104, { active: 'one', units: true, thousands: true }, true],
  [105, { blanks: 'dash', blankAll: true, halfWidth: true }, false],
  [106, { split: 'repeat', fullWidth: true }, true],
  [107, { traditional: true, title: 'guanyu' }, false],
  [108, { wrapper: true, spaces: true }, false],
];

describe('generated report → PDF → the same record as its HTML form', () => {
  it.each(CASES)(
    'seed %i, layout %j, landscape %s',
    async (seed, layout, landscape) => {
      for (const edition of ['2019', '2021'] as const) {
        const r = generateReport({ seed, edition, layout: { hidden: 'none', ...layout } });
        const fromHtml = record(r.html, r.url);
        const { html, notes } = await readPdf(await print(r.html, landscape));
        expect(html, notes.join('; ')).not.toBeNull();
        const fromPdf = record(html!, r.url);
        const where = `${edition} seed ${seed}`;
        expect({ format: fromPdf.format, year: fromPdf.year, agency: fromPdf.agency }, where).toEqual({
          format: fromHtml.format,
          year: fromHtml.year,
          agency: fromHtml.agency,
        });
        const wrong = Object.keys(fromHtml.values)
          .filter(
            (k) => (fromPdf.values[k] ?? null) !== (fromHtml.values[k] ?? null) || fromPdf.cells[k]?.blank !== fromHtml.cells[k]?.blank,
          )
          .map((k) => `${k}: html ${fromHtml.values[k]} pdf ${fromPdf.values[k]} (pdf raw ${JSON.stringify(fromPdf.cells[k]?.raw)})`);
        expect(wrong, where).toEqual([]);
        expect(verdicts(fromPdf), where).toEqual(verdicts(fromHtml));
      }
    },
    60_000,
  );
});

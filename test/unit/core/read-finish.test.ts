import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseHtml } from '../../../cli/dom';
import { finishData, finishPage } from '../../../lib/core/finish';
import { hash53 } from '../../../lib/core/hash';
import { buildGrid, gridData, gridFromData, type Grid } from '../../../lib/core/grid';
import { readReports, type PageRead } from '../../../lib/core/read';
import { inlineHidden, scanReports } from '../../../lib/core/scan';
import { readData } from '../../../lib/page/read-data';
import { ReportReadSchema } from '../../../lib/protocol/messages';

/**
 * The scan in two halves (lib/core/read.ts on the page, lib/core/finish.ts in the background): a page's
 * reads carried as the runtime carries them (JSON), validated and finished give exactly the records the
 * scan in one go gives (the CLI's), and each grid rebuilt from its data has the same cells in the same slots.
 */

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const pages = ['reports', 'years', 'compilations', 'non-reports', 'frames'].flatMap((dir) => {
  try {
    return readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
});

/** Slot by slot: which cell (by index) covers it, and the cells' own data. */
const shape = (g: Grid) => ({
  slots: g.slots.map((line) => Array.from({ length: g.width }, (_, c) => (line[c] ? g.cells.indexOf(line[c]!) : -1))),
  cells: g.cells.map(({ text, row, col, rowSpan, colSpan, nested }) => ({ text, row, col, rowSpan, colSpan, nested })),
  width: g.width,
});

describe('read on the page, finished in the background', () => {
  it('covers the fixture pages', () => expect(pages.length).toBeGreaterThan(30));

  /** a page's reads as the runtime carries them (JSON), validated by the protocol's schema */
  const wire = (page: PageRead) => z.array(ReportReadSchema).parse(JSON.parse(JSON.stringify(page.reports.map(readData))));
  /** … and finished one by one */
  const carried = (page: PageRead) => wire(page).map((r) => finishData(r));

  it.each(pages)('%s: the two halves give the records of the scan in one go', (file) => {
    const url = `http://www.example.gov.cn/${file}`;
    const whole = scanReports(parseHtml(readFileSync(join(FIXTURES, file), 'utf8')), url);
    const page = readReports(parseHtml(readFileSync(join(FIXTURES, file), 'utf8')), url);
    if (!page.reports.length) {
      expect(whole.every((r) => !r.outcome.isReport)).toBe(true);
      return;
    }
    const finished = carried(page);
    expect(finished.map((f) => f.record)).toEqual(whole.map((r) => r.outcome));
    // the sections name the same table elements the scan annotates
    finished.forEach((f, i) => {
      expect(f.record && f.sections.map(([g]) => page.reports[i].grids[g].table)).toEqual(whole[i].tables.map((t) => t.element));
    });
  });

  it.each(pages)('%s: read as the lens reads it (detection left to the background), the same records and verdicts', (file) => {
    const url = `http://www.example.gov.cn/${file}`;
    const whole = scanReports(parseHtml(readFileSync(join(FIXTURES, file), 'utf8')), url);
    const page = readReports(parseHtml(readFileSync(join(FIXTURES, file), 'utf8')), url, { detectLater: true });
    expect(page.reports.length).toBeGreaterThan(0);
    const { finished, skipped, turnedDown } = finishPage(wire(page));
    expect(finished.map((f) => f.record)).toEqual(whole.flatMap((r) => (r.outcome.isReport ? [r.outcome] : [])));
    if (!finished.length) {
      // no report: the background's detection turns the page down as the page's own would, with its title and reason
      expect(skipped).toEqual([0]);
      expect({ title: turnedDown?.title, reason: turnedDown?.reason }).toEqual({
        title: whole[0].outcome.title,
        reason: !whole[0].outcome.isReport && whole[0].outcome.reason,
      });
    }
    finished.forEach((f, i) => {
      expect(f.sections.map(([g]) => page.reports[f.read].grids[g].table)).toEqual(whole[i].tables.map((t) => t.element));
    });
  });

  it('a portal that is no report, framing one: the frame’s report is the page’s own (its number given back)', () => {
    const top = 'http://www.langao.gov.cn/xxgk/ndbg/portal.html';
    const portal = readReports(parseHtml(readFileSync(join(FIXTURES, 'frames/portal.html'), 'utf8')), top, { detectLater: true });
    const frameUrl = 'http://www.langao.gov.cn/frames/report-frame.html';
    const frame = readReports(parseHtml(readFileSync(join(FIXTURES, 'frames/report-frame.html'), 'utf8')), top, {
      detectLater: true,
      frameUrl,
      firstPart: 2, // the lens numbers the frame's read after the portal's, before knowing the portal is no report
    });
    expect(frame.reports[0].url).toBe(`${top}#part-2`);
    const { finished, skipped } = finishPage(wire({ ...portal, reports: [...portal.reports, ...frame.reports] }));
    expect(skipped).toEqual([0]);
    expect(finished.map((f) => [f.read, f.record.url, f.record.frameUrl, f.record.id])).toEqual([[1, top, frameUrl, `r${hash53(top)}`]]);
  });

  it('a report whose article sits in one layout cell (150,000 characters) is carried and finished all the same', () => {
    const html = readFileSync(join(FIXTURES, 'reports/lingchuan-2020.html'), 'utf8')
      .replace(/<table[\s\S]*?<\/table>/g, '')
      .replace(
        /<body([^>]*)>([\s\S]*)<\/body>/,
        (_m, attrs: string, body: string) =>
          `<body${attrs}><table><tr><td>${body}${'二〇二〇年，本机关依法公开政府信息。'.repeat(9000)}</td></tr></table></body>`,
      );
    const url = 'http://www.lingchuan.gov.cn/zwgk/long.html';
    const page = readReports(parseHtml(html), url);
    expect(page.reports).toHaveLength(1);
    expect(Math.max(...page.reports[0].grids.flatMap((g) => g.cells.map((c) => c.text.length)))).toBeGreaterThan(150_000);
    const [{ record }] = carried(page);
    expect(record).toEqual(scanReports(parseHtml(html), url)[0].outcome);
    expect(record?.status).toBe('no-tables');
  });

  it('a grid rebuilt from its data has the same cells in the same slots', () => {
    const html =
      '<table><tr><td rowspan="0">A</td><td colspan="3">B</td></tr><tr><td>c</td><td rowspan="2">d</td></tr>' +
      '<tr><td colspan="2">e</td></tr><tr></tr><tr><td>f</td><td rowspan="9">g</td></tr></table>';
    const tables = [html, ...pages.map((p) => readFileSync(join(FIXTURES, p), 'utf8'))].flatMap((h) => [
      ...parseHtml(h.includes('<html') ? h : `<html><body>${h}</body></html>`).querySelectorAll('table'),
    ]);
    expect(tables.length).toBeGreaterThan(100);
    for (const t of tables) {
      const g = buildGrid(t, inlineHidden);
      expect(shape(gridFromData(JSON.parse(JSON.stringify(gridData(g)))))).toEqual(shape(g));
    }
  });

  it('data from a hostile page is bounded: spans clipped to the grid, rows out of order dropped', () => {
    const g = gridFromData({
      rows: 2,
      cells: [
        ['a', 0, 0, 50, 5000, 0],
        ['b', 1, 1000, 1, 1, 0],
        ['c', 0, 9, 1, 1, 0],
      ],
    });
    expect(g.slots).toHaveLength(2);
    expect(g.cells[0].rowSpan).toBe(2);
    expect(g.cells[0].colSpan).toBe(1000);
    expect(g.cells.map((c) => c.text)).toEqual(['a', 'b']);
  });
});

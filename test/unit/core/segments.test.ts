/**
 * Several reports on one page (SPEC §5, issue 8 item 7): segmentation by title line + section restart, and the
 * 年报汇编 fixture read part by part against the hand-written expectations of the single-report fixtures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { checkReports } from '../../../lib/core/check-page';
import type { ReportRecord } from '../../../lib/core/record';
import { scanPage, scanReports } from '../../../lib/core/scan';
import { partUrl, segmentReports } from '../../../lib/core/segments';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const body = (html: string) => parseHtml(`<html><head><title>信息公开</title></head><body>${html}</body></html>`).body;

/** a report's text skeleton: its section headings with a line of prose under each */
function report(title: string | null, opts: { from?: number; prose?: string } = {}): string {
  const heads = [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ];
  const t = title ? `<div class="title"><h2>${title}</h2></div>` : '';
  const body = heads
    .slice((opts.from ?? 1) - 1)
    .map((h) => `<p><strong>${h}</strong></p><p>${opts.prose ?? '本机关按照《条例》要求做好相关工作。'}</p>`)
    .join('');
  return `<div class="article">${t}<p>本年度报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本列数据的勾稽关系为说明。</p>${body}</div>`;
}

describe('segmentReports', () => {
  it('splits a compilation where a new title line is followed by the sections restarting at 一、总体情况', () => {
    const parts = segmentReports(
      body(report('甲县2020年政府信息公开工作年度报告') + report('乙县交通运输局2020年度政府信息公开工作年度报告。')),
    );
    expect(parts.map((p) => p.title)).toEqual(['甲县2020年政府信息公开工作年度报告', '乙县交通运输局2020年度政府信息公开工作年度报告']);
    expect(parts.map((p) => p.start?.localName)).toEqual(['div', 'div']);
  });

  it('never splits a single report, even with its title repeated in the page chrome and headings printed twice', () => {
    const title = '甲县2020年政府信息公开工作年度报告';
    const html = `<div class="position">首页 » ${title}</div><h1>${title}</h1>${report(title)}<p>${title}</p>`;
    expect(segmentReports(body(html))).toEqual([]);
    // a table of contents that lists the six headings before the text restarts them: no title line in between
    const toc = `<h1>${title}</h1><div class="toc"><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>六、其他需要报告的事项</p></div>${report(null)}`;
    expect(segmentReports(body(toc))).toEqual([]);
  });

  it('does not split a report that quotes another report title in its prose or on a line of its own mid-report', () => {
    const quoted = report('甲县2020年政府信息公开工作年度报告', {
      prose: '对照《乙县2019年政府信息公开工作年度报告》，我县2020年政府信息公开工作年度报告的数据口径一致。',
    });
    expect(segmentReports(body(quoted + '<p>乙县2019年政府信息公开工作年度报告</p><p>五、存在的主要问题及改进情况</p>'))).toEqual([]);
    // a title line followed by a later section (no restart) is a quotation too
    const mid = `<h1>甲县2020年政府信息公开工作年度报告</h1>${report(null).replace('<p><strong>四、', '<p>丙县2020年政府信息公开工作年度报告</p><p><strong>四、')}`;
    expect(segmentReports(body(mid))).toEqual([]);
  });

  it('does not take a 汇编 heading, a notice or an attachment link for a report title', () => {
    const html = `<h1>2020年度政府信息公开工作年度报告汇编</h1>${report(null)}<p>附件：乙县2020年政府信息公开工作年度报告</p>${report(null)}`;
    expect(segmentReports(body(html))).toEqual([]);
  });

  it('lets the first report start at the top when its title is the page’s and a later one restarts the sections', () => {
    const parts = segmentReports(body(report(null, { from: 2 }) + report('乙县2020年政府信息公开工作年度报告')));
    expect(parts).toHaveLength(2);
    expect(parts[0]).toEqual({ title: '', start: null });
  });

  it('numbers the parts: the first keeps the url, later ones get #part-<n>', () => {
    expect(partUrl('http://a.gov.cn/x.html', 1)).toBe('http://a.gov.cn/x.html');
    expect(partUrl('http://a.gov.cn/x.html', 3)).toBe('http://a.gov.cn/x.html#part-3');
    expect(partUrl('http://a.gov.cn/x.html#top', 2)).toBe('http://a.gov.cn/x.html#part-2');
  });
});

interface ExpectedPart {
  url: string;
  title: string;
  sameAs: string;
  frameUrl?: string;
}
const expectedOf = (name: string) => JSON.parse(readFileSync(`${FIXTURES}reports/${name}.expected.json`, 'utf8'));

/** a part's record against the single-report fixture's hand-written expectations */
function expectLike(r: ReportRecord, name: string): void {
  const want = expectedOf(name);
  expect({ agency: r.agency, year: r.year, format: r.format, status: r.status, tables: r.tables }).toEqual({
    agency: want.agency,
    year: want.year,
    format: want.format,
    status: want.status,
    tables: want.tables,
  });
  const ids = (s: string) =>
    r.checks
      .filter((c) => c.status === s && /^(apply|review|suit)\./.test(c.id))
      .map((c) => c.id)
      .sort();
  expect(ids('fail')).toEqual([...want.failing].sort());
  expect(ids('skip')).toEqual([...want.skipped].sort());
  for (const [key, value] of Object.entries(want.values)) expect(r.values[key] ?? null, `${name} ${key}`).toBe(value);
}

describe('a 年报汇编 page (seed 003)', () => {
  const file = `${FIXTURES}compilations/huibian-2020.html`;
  const doc = parseHtml(readFileSync(file, 'utf8'));
  const url = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
  const results = checkReports(doc, url);
  const expected: ExpectedPart[] = JSON.parse(readFileSync(file.replace(/\.html$/, '.expected.json'), 'utf8')).parts;

  it('gives one record per report, in page order, each with its own url, id, title, agency and year', () => {
    expect(results).toHaveLength(expected.length);
    const records = results.map((r) => r.outcome as ReportRecord);
    expect(records.map((r) => r.url)).toEqual(expected.map((p) => url + p.url));
    expect(records.map((r) => r.title)).toEqual(expected.map((p) => p.title));
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it.each(expected.map((p, i) => [i + 1, p.sameAs] as const))('part %i reads exactly as the single page %s does', (n, name) => {
    expectLike(results[n - 1].outcome as ReportRecord, name);
  });

  it('keeps each part’s tables (and their badges) to that part, indexed from 0, and starts each part at its title line', () => {
    for (const r of results) {
      expect(r.tables.map((t) => t.index)).toEqual(r.tables.map((_, i) => i));
      expect(r.start?.textContent?.trim()).toContain((r.outcome as ReportRecord).title);
    }
    expect(results.flatMap((r) => r.tables).length).toBe(new Set(results.flatMap((r) => r.tables.map((t) => t.element))).size);
  });

  it('is read as one report by the old single-record path (what the segmentation fixes)', () => {
    const whole = scanPage(parseHtml(readFileSync(file, 'utf8')), url).outcome as ReportRecord;
    expect(whole.unmapped.length + whole.problems.length).toBeGreaterThan(0);
  });
});

describe('pages with one report', () => {
  it.each(['lingchuan-2020', 'quzhou-2020', 'guangyuan-lyj-2020', 'langao-xzsp-2021'])('%s gives exactly what scanPage gives', (name) => {
    const html = readFileSync(`${FIXTURES}reports/${name}.html`, 'utf8');
    const many = scanReports(parseHtml(html), 'http://x.gov.cn/a.html');
    expect(many).toHaveLength(1);
    expect(many[0].outcome).toEqual(scanPage(parseHtml(html), 'http://x.gov.cn/a.html').outcome);
  });

  it('a report read in a frame keeps the page url (and its id) and names the frame', () => {
    const html = readFileSync(`${FIXTURES}frames/report-frame.html`, 'utf8');
    const [r] = scanReports(parseHtml(html), 'http://a.gov.cn/portal.html', { frameUrl: 'http://a.gov.cn/frame.html' });
    const top = scanReports(parseHtml('<html><body>' + html + '</body></html>'), 'http://a.gov.cn/portal.html')[0];
    expect(r.outcome).toMatchObject({ isReport: true, url: 'http://a.gov.cn/portal.html', frameUrl: 'http://a.gov.cn/frame.html' });
    expect(r.outcome.isReport && top.outcome.isReport && r.outcome.id === top.outcome.id).toBe(true);
  });
});

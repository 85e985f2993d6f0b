import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { countReportLinks, readListing } from '../../../lib/core/listing';

/** A 年报 column read as a listing (SPEC §9): report links with title, date, kind; further pages; other sites marked. */
const AT = 'http://www.a.gov.cn/nb/index.html';
const LISTING = `<html><body><ul>
<li><a href="t2022_1.html">某县2021年政府信息公开工作年度报告</a><span>2022-01-20</span></li>
<li><a href="/files/2020.pdf">某县2020年政府信息公开工作年度报告</a><span>2021-01-28</span></li>
<li><a href="jd.html">《某县2021年政府信息公开工作年度报告》解读</a></li>
<li><a href="http://www.other.gov.cn/nb/2019.html">某市2019年政府信息公开工作年度报告</a></li>
</ul><div class="page"><a href="index_1.html">下一页</a></div></body></html>`;

describe('readListing', () => {
  it('lists the report links, leaves explainers unchecked, marks other sites, finds the next page', () => {
    const page = readListing(parseHtml(LISTING), AT);
    const reports = page.items.filter((i) => i.isReport);
    expect(reports.map((i) => i.url)).toEqual([
      'http://www.a.gov.cn/nb/t2022_1.html',
      'http://www.a.gov.cn/files/2020.pdf',
      'http://www.other.gov.cn/nb/2019.html',
    ]);
    expect(reports[0]).toMatchObject({ year: 2021, kind: 'page', offSite: false });
    expect(reports[1].kind).toBe('pdf');
    expect(reports[2].offSite).toBe(true);
    expect(page.items.find((i) => i.url.endsWith('jd.html'))?.isReport).toBe(false);
    expect(page.nextPages).toEqual(['http://www.a.gov.cn/nb/index_1.html']);
    expect(countReportLinks(parseHtml(LISTING), AT)).toBe(3);
    expect(countReportLinks(parseHtml(LISTING), AT, 2)).toBe(2);
  });
});

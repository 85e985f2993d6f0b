/**
 * Reading a 年报 column (SPEC §9, issue 11): every listing fixture against its hand-written expected.json, then
 * one case per pagination style, Chinese-numeral years, a 5,000-link column, and hostile links.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { countReportLinks, readListing, siteOf, type ListingItem } from '../../../lib/core/listing';
import { FIXTURES_DIR } from '../../e2e/server';

const LISTINGS = join(FIXTURES_DIR, 'listings');

function expectedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? expectedFiles(p) : n.endsWith('.expected.json') ? [p] : [];
  });
}

interface Expected {
  pageUrl: string;
  items: Array<ListingItem & { outcome?: string }>;
  nextPages: string[];
}

describe('listing fixtures (test/fixtures/listings/**.expected.json)', () => {
  const cases = expectedFiles(LISTINGS).map((f) => [f.slice(LISTINGS.length + 1), f] as const);
  it('there are listing fixtures of both CMS styles', () => {
    expect(cases.map(([name]) => name)).toEqual(expect.arrayContaining(['trs/zfxxgkndbg/index.expected.json', 'table/list.expected.json']));
  });
  it.each(cases)('%s', (_name, file) => {
    const expected = JSON.parse(readFileSync(file, 'utf8')) as Expected;
    const doc = parseHtml(readFileSync(file.replace(/\.expected\.json$/, '.html'), 'utf8'));
    const got = readListing(doc, expected.pageUrl);
    expect(got.items).toEqual(expected.items.map(({ outcome: _o, ...item }) => item));
    expect(got.nextPages).toEqual(expected.nextPages);
    expect(countReportLinks(doc, expected.pageUrl)).toBe(expected.items.filter((i) => i.isReport).length);
  });
});

const REPORT = (agency: string, year = 2021) => `${agency}${year}年政府信息公开工作年度报告`;
const list = (rows: string, pager = '', head = '') =>
  parseHtml(`<html><head><title>年报</title>${head}</head><body><ul>${rows}</ul><div class="page">${pager}</div></body></html>`);
const row = (href: string, title: string, date = '2022-01-28') => `<li><a href="${href}">${title}</a><span>${date}</span></li>`;
const TWO = row('/a/1.html', REPORT('甲局')) + row('/a/2.html', REPORT('乙局'));
const pages = (doc: Document, url: string) => readListing(doc, url).nextPages;

describe('pagination styles', () => {
  const base = 'http://www.x.gov.cn/col/nb/';
  it('numbered static pages index_N.html: only those after the current page, in order', () => {
    const pager =
      '<a href="index.html">首页</a> <a href="index.html">1</a> <a href="index_1.html">2</a> <a href="index_2.html">3</a> <a href="index_3.html">4</a> <a href="index_1.html">下一页</a> <a href="index_3.html">尾页</a>';
    expect(pages(list(TWO, pager), `${base}index.html`)).toEqual([`${base}index_1.html`, `${base}index_2.html`, `${base}index_3.html`]);
    expect(pages(list(TWO, pager), `${base}index_2.html`)).toEqual([`${base}index_3.html`]);
    expect(pages(list(TWO, pager), `${base}index_3.html`)).toEqual([]);
    // the column's folder is its first page
    expect(pages(list(TWO, pager), base)).toEqual([`${base}index_1.html`, `${base}index_2.html`, `${base}index_3.html`]);
  });
  it('index_1.shtml, and a numbered page of another column is not this listing', () => {
    const pager =
      '<a href="index_1.shtml">2</a> <a href="index_2.shtml">3</a> <a href="/col/other/index_1.shtml">其他栏目</a> <a href="/col/other/index_2.shtml">3</a>';
    expect(pages(list(TWO, pager), `${base}index.shtml`)).toEqual([`${base}index_1.shtml`, `${base}index_2.shtml`]);
  });
  it('list-2.jhtml and 第N页 links', () => {
    const pager = '<a href="list-2.jhtml">第2页</a> <a href="list-3.jhtml">第 3 页</a>';
    expect(pages(list(TWO, pager), `${base}list.jhtml`)).toEqual([`${base}list-2.jhtml`, `${base}list-3.jhtml`]);
  });
  it.each(['pageNum', 'page', 'pageNo', 'curPage'])('?%s=N, keeping the other parameters', (param) => {
    const u = (n: number, cid = 12) => `http://www.x.gov.cn/list.jsp?cid=${cid}&${param}=${n}`;
    const pager = `<a href="${u(1)}">1</a> <a href="${u(2)}">2</a> <a href="${u(3)}">3</a> <a href="${u(2, 13)}">2</a> <a href="${u(2)}">下一页</a>`;
    expect(pages(list(TWO, pager), 'http://www.x.gov.cn/list.jsp?cid=12')).toEqual([u(2), u(3)]);
    expect(pages(list(TWO, pager), u(2))).toEqual([u(3)]);
  });
  it('&p=N, and a pager that numbers from 0', () => {
    const pager = '<a href="?cid=5&p=0">1</a> <a href="?cid=5&p=1">2</a> <a href="?cid=5&p=2">3</a>';
    expect(pages(list(TWO, pager), 'http://www.x.gov.cn/l.php?cid=5')).toEqual([
      'http://www.x.gov.cn/l.php?cid=5&p=1',
      'http://www.x.gov.cn/l.php?cid=5&p=2',
    ]);
  });
  it('下一页 / 下页 / >> / rel=next to an address that names no page number', () => {
    for (const text of ['下一页', '下页', '&gt;&gt;', '»', ' 下一页 ']) {
      expect(pages(list(TWO, `<a href="more.jsp?token=ab12">${text}</a>`), 'http://www.x.gov.cn/nb.jsp')).toEqual([
        'http://www.x.gov.cn/more.jsp?token=ab12',
      ]);
    }
    expect(pages(list(TWO, '<a rel="next" href="/nb/2">more</a>'), 'http://www.x.gov.cn/nb/1')).toEqual(['http://www.x.gov.cn/nb/2']);
    expect(pages(list(TWO, '', '<link rel="next" href="/nb/2">'), 'http://www.x.gov.cn/nb/1')).toEqual(['http://www.x.gov.cn/nb/2']);
  });
  it('never another host, never the current page, never twice', () => {
    const pager =
      '<a href="http://www.y.gov.cn/col/nb/index_1.html">2</a> <a href="http://www.y.gov.cn/next">下一页</a> <a href="index.html">1</a> <a href="index_1.html">2</a> <a href="index_1.html#top">下一页</a>';
    expect(pages(list(TWO, pager), `${base}index.html`)).toEqual([`${base}index_1.html`]);
    expect(pages(list(TWO, '<a href="">下一页</a> <a href="#">下一页</a>'), `${base}x.jsp`)).toEqual([]);
  });
  it.each([
    ['the classic call', 'createPageHTML(4, 1, "index", "html");', ['index_2.html', 'index_3.html']],
    [
      'its numbers in variables',
      'var currentPage = 0;\nvar countPage = 3\ncreatePageHTML(countPage, currentPage, "index", "html");',
      ['index_1.html', 'index_2.html'],
    ],
    [
      "the newer form with the pager's element and the record count",
      "createPageHTML('page_div', 3, 0, 'index', 'shtml', 45);",
      ['index_1.shtml', 'index_2.shtml'],
    ],
    ['only the function written out, no call', 'function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) { }', []],
    ['one page', 'createPageHTML(1, 0, "index", "html");', []],
  ])('createPageHTML: %s', (_name, code, expected) => {
    const doc = list(TWO, `<script>${code}</script>`);
    // on an address that names no page of its own, the current page is the call's
    expect(pages(doc, `http://www.x.gov.cn/other/list.jsp`).map((u) => u.replace('http://www.x.gov.cn/other/', ''))).toEqual(expected);
  });
  it('createPageHTML: the address decides the current page, and a hostile page count stops at 500', () => {
    const doc = list(TWO, '<script>createPageHTML(6, 0, "index", "html");</script>');
    expect(pages(doc, `${base}index_4.html`)).toEqual([`${base}index_5.html`]);
    const hostile = list(TWO, '<script>createPageHTML(999999999, 0, "index", "html");</script>');
    const got = pages(hostile, `${base}index.html`);
    expect(got.length).toBe(499);
    expect(got.at(-1)).toBe(`${base}index_499.html`);
  });
});

describe('items', () => {
  const url = 'http://www.x.gov.cn/nb/index.html';
  it('years in Chinese numerals; a report needs a year', () => {
    const doc = list(
      row('/1.html', '某县二〇二一年政府信息公开工作年度报告') +
        row('/2.html', '某县二零一九年度政府信息公开工作年度报告') +
        row('/3.html', '政府信息公开工作年度报告'),
    );
    expect(readListing(doc, url).items.map((i) => [i.year, i.isReport])).toEqual([
      [2021, true],
      [2019, true],
      [null, false],
    ]);
  });
  it('解读, 图解, 一图读懂, notices and news are listed beside the reports, unchecked; navigation and sidebars are left out', () => {
    const doc = parseHtml(`<html><body>
      <nav><a href="/">首页</a><a href="/xxgk/">政府信息公开年报</a></nav>
      <div class="side"><ul><li><a href="/zn.html">政府信息公开指南</a></li><li><a href="/zd.html">政府信息公开制度</a></li></ul></div>
      <ul class="list">${row('/r.html', REPORT('甲局'))}${row('/j.html', `${REPORT('甲局')}解读`)}${row('/t.html', `${REPORT('甲局')}（图解）`)}${row('/y.html', `一图读懂${REPORT('甲局')}`)}${row('/n.html', '关于报送2021年政府信息公开工作年度报告的通知')}${row('/x.html', '我局召开政务公开工作会议')}</ul>
      <footer><a href="/about">关于我们</a></footer></body></html>`);
    const items = readListing(doc, url).items;
    expect(items.map((i) => [new URL(i.url).pathname, i.isReport])).toEqual([
      ['/r.html', true],
      ['/j.html', false],
      ['/t.html', false],
      ['/y.html', false],
      ['/n.html', false],
      ['/x.html', false],
    ]);
  });
  it('dates from the row in several writings, else from the address; kinds by extension', () => {
    const doc = list(
      row('/a.pdf', REPORT('甲'), '[2022/1/28]') +
        row('/b.docx', REPORT('乙'), '2022年01月27日') +
        row('/c.doc', REPORT('丙'), '2022.01.26') +
        row('/202201/t20220125_123.xls', REPORT('丁'), '') +
        row('/art/2022/1/24/art_1_2.shtml', REPORT('戊'), '') +
        row('/f.html', REPORT('己'), '2022-13-40') +
        row('/down.jsp?id=3&filename=%E5%B9%B4%E6%8A%A5.pdf', REPORT('庚'), '') +
        row('/g.jhtml', REPORT('辛'), ''),
    );
    expect(readListing(doc, url).items.map((i) => [i.date, i.kind])).toEqual([
      ['2022-01-28', 'pdf'],
      ['2022-01-27', 'docx'],
      ['2022-01-26', 'doc'],
      ['2022-01-25', 'other'],
      ['2022-01-24', 'page'],
      [null, 'page'],
      [null, 'pdf'],
      [null, 'page'],
    ]);
  });
  it('off-site: another site family or not gov.cn at all; hosts of the same site are on it', () => {
    const doc = list(
      row('http://fgw.x.gov.cn/1.html', REPORT('甲')) +
        row('http://www.y.gov.cn/2.html', REPORT('乙')) +
        row('https://www.example.com/3.html', REPORT('丙')),
    );
    expect(readListing(doc, url).items.map((i) => i.offSite)).toEqual([false, true, true]);
    expect(siteOf('WWW.Lingchuan.gov.cn:80')).toBe('lingchuan.gov.cn');
  });
  it('links resolve against <base href>; fragments go; the same address is one item', () => {
    const doc = list(
      row('a/1.html#x', REPORT('甲')) + row('a/1.html', `【置顶】${REPORT('甲')}`),
      '',
      '<base href="http://www.x.gov.cn/root/">',
    );
    expect(readListing(doc, url).items.map((i) => [i.url, i.title])).toEqual([['http://www.x.gov.cn/root/a/1.html', REPORT('甲')]]);
  });
  it('the title attribute stands in for text cut short with … (and only then)', () => {
    const doc = list(
      `<li><a href="/1.html" title="${REPORT('某某县人民政府办公室')}">某某县人民政府办公室2021年政府信息…</a></li>` +
        `<li><a href="/2.html" title="点击查看">${REPORT('乙局')}</a></li>`,
    );
    expect(readListing(doc, url).items.map((i) => [i.title, i.isReport])).toEqual([
      [REPORT('某某县人民政府办公室'), true],
      [REPORT('乙局'), true],
    ]);
  });
  it('上一篇 / 下一篇 on a report page are no listing', () => {
    const doc = parseHtml(
      `<html><body><h1>${REPORT('甲局')}</h1><div class="prev">上一篇：<a href="/2020.html">${REPORT('甲局', 2020)}</a></div><div class="next"><span>下一篇：</span><a href="/2022.html">${REPORT('甲局', 2022)}</a></div></body></html>`,
    );
    expect(countReportLinks(doc, 'http://www.x.gov.cn/2021.html')).toBe(0);
  });
  it('countReportLinks counts different report addresses and stops at stopAt', () => {
    const doc = list(
      TWO + row('/a/1.html#top', REPORT('甲局')) + row('/a/3.html', `${REPORT('丙局')}解读`) + row('/a/4.html', REPORT('丁局')),
    );
    expect(countReportLinks(doc, url)).toBe(3);
    expect(countReportLinks(doc, url, 2)).toBe(2);
    expect(countReportLinks(list(row('/a/1.html', REPORT('甲'))), url)).toBe(1);
  });
});

describe('hostile listings', () => {
  const url = 'http://www.x.gov.cn/nb/index.html';
  it('markup in titles stays text; script, data and mail links are no items; odd white space is normalised; long titles are cut', () => {
    const doc = list(
      row('/1.html', `&lt;img src=x onerror=alert(1)&gt;${REPORT('甲')}`) +
        row('javascript:alert(1)', REPORT('乙')) +
        row('data:text/html,<b>x</b>', REPORT('丙')) +
        row('mailto:a@x.gov.cn', REPORT('丁')) +
        row('/5.html', `\u202e\u200b ${REPORT('戊')}\u3000\n`) +
        row('/6.html', `${'长'.repeat(10_000)}${REPORT('己')}`) +
        row('/7.html', '') +
        row('http://[bad', REPORT('庚')),
    );
    const items = readListing(doc, url).items;
    expect(items.map((i) => new URL(i.url).pathname)).toEqual(['/1.html', '/5.html', '/6.html']);
    expect(items[0].title).toBe(`<img src=x onerror=alert(1)>${REPORT('甲')}`);
    expect(items[1].title).toBe(REPORT('戊'));
    expect(items[2].title.length).toBeLessThanOrEqual(301);
  });
  it('an address that is no URL gives an empty listing', () => {
    expect(readListing(list(TWO), 'not a url')).toEqual({ items: [], nextPages: [] });
    expect(countReportLinks(list(TWO), '')).toBe(0);
  });
  it('5,000 report links are read in linear time (issue 11: ~30 ms; here ≤ 250 ms, as other test files share the cores — a quadratic walk takes seconds)', () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row(`/nb/t20220128_${i}.html`, `第${i}号单位${2000 + (i % 25)}年政府信息公开工作年度报告`),
    ).join('');
    const pager = '<script>createPageHTML(40, 0, "index", "html");</script>';
    const doc = list(rows, pager);
    // the fastest of five runs: other test files share the cores
    let ms = Infinity;
    let got = readListing(doc, url);
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      got = readListing(doc, url);
      ms = Math.min(ms, performance.now() - t0);
    }
    const t1 = performance.now();
    const n = countReportLinks(doc, url, 2);
    const countMs = performance.now() - t1;
    console.log(`readListing: 5,000 links in ${ms.toFixed(1)} ms; countReportLinks(stopAt 2) in ${countMs.toFixed(2)} ms`);
    expect(got.items).toHaveLength(5000);
    expect(got.items.every((i) => i.isReport && i.date === '2022-01-28')).toBe(true);
    expect(got.nextPages).toHaveLength(39);
    expect(n).toBe(2);
    expect(ms).toBeLessThan(250);
  });
});

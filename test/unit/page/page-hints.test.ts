import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { hintsAtReport, textHintsAtReport } from '../../../lib/page/page-hints';
import { detect } from '../../../lib/core/detect';
import { generateReport, NAMED_LAYOUTS } from '../../generator';

/** jsdom (no @types/jsdom here): a DOM with XPath, so the pre-check takes the browser's route there. */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };

/** The pre-check on a page in happy-dom (the DOM route) and in jsdom (the XPath route): both must agree. */
function hints(html: string, name = html): boolean {
  const w = new Window({ url: 'http://www.x.gov.cn/a/b.html#top' });
  w.document.write(html);
  const byDom = hintsAtReport(w.document as unknown as Document);
  const browserLike = new JSDOM(html).window.document;
  expect(typeof browserLike.evaluate, 'jsdom has XPath').toBe('function');
  expect(hintsAtReport(browserLike), `${name}: the XPath route says what the DOM route says`).toBe(byDom);
  return byDom;
}
function page(head: string, body = ''): string {
  return `<html><head>${head}</head><body>${body}</body></html>`;
}

describe('hintsAtReport (the pre-check)', () => {
  it('says yes when the title or a heading can name a report, traditional, pinyin-annotated or spaced out', () => {
    expect(hints(page('<title>某县2020年政府信息公开工作年度报告</title>'))).toBe(true);
    expect(hints(page('<title>某县人民政府</title>', '<h1>2020年政府信息公開工作年度報(bào)告(gào)</h1>'))).toBe(true);
    expect(hints(page('<title>首页</title>', '<div class="article-title">2021年政府信息公开工作年度 报 告</div>'))).toBe(true);
  });
  it('reads the og:title and ArticleTitle metas detection reads, wherever the parser put them', () => {
    expect(hints(page('<meta property="og:title" content="2021年政府信息公开年报">'))).toBe(true);
    expect(hints(page('<title>首页</title><meta name="ArticleTitle" content="2021年政府信息公开工作年度报告">'))).toBe(true);
    // stray text in the head starts the body early: the meta after it is in the body (detection still reads it)
    expect(hints('<html><head><title>首页</title>x<meta name="ArticleTitle" content="2021年度报告"></head><body></body></html>')).toBe(
      true,
    );
    // a later og:title of a page whose first says nothing: not read by detection, read here anyway (no harm)
    expect(hints(page('<meta property="og:title" content="首页"><meta property="og:title" content="年度报告">'))).toBe(true);
    // other metas and attributes are not titles
    expect(hints(page('<title>首页</title><meta name="description" content="年度报告"><meta property="og:url" content="年度报告">'))).toBe(
      false,
    );
  });
  it('says yes on a mention in the body text, no on a page that never mentions one', () => {
    expect(hints(page('<title>新闻</title>', '<p>2020年度報告</p>'))).toBe(true);
    expect(hints(page('<title>新闻</title>', '<p>今日天气</p><h2>政务公开</h2><p>报名 告示 年度 报</p>'))).toBe(false);
    expect(hints(page('<title>新闻</title>', '<table><tr><td>本年新收政府信息公开申请数量</td></tr></table>'))).toBe(true);
  });
});

describe('textHintsAtReport (the body signals, issue 8)', () => {
  it.each([
    ['报告', '现将有关情况报告如下'],
    ['年报', '政府信息公开年报'],
    ['traditional 年報', '2020年報'],
    ['the 勾稽 note', '（本列数据的勾稽关系为：第一项加第二项之和）'],
    ['本年新收', '一、本年新收政府信息公开申请数量'],
    ['上年结转', '二、上年结转政府信息公开申请数量'],
    ['traditional 結轉', '四、結轉下年度繼續辦理'],
    ['pinyin-annotated 結(jié)轉(zhuǎn)', '四、結(jié)轉(zhuǎn)下年度'],
    ['spaced 勾 稽', '本列数据的勾\u3000稽关系'],
    ['spaced 报 告', '年度报 \n 告'],
    ['pinyin 報(bào)告(gào)', '年度報(bào)告(gào)'],
    ['a second character opening the text, the pair later', '告示：现将年度报告公布如下'],
    ['the pair at the very start', '报告'],
  ])('yes: %s', (_, text) => {
    expect(textHintsAtReport(text)).toBe(true);
  });
  it.each([
    ['news words', '通知公告 新闻动态 收费标准 转发文件 举报电话 报名 告示'],
    ['a bracket that is no pinyin', '报(附件)告'],
    ['the wrong order', '告报 稽勾 收新 转结'],
    ['empty', ''],
  ])('no: %s', (_, text) => {
    expect(textHintsAtReport(text)).toBe(false);
  });
});

describe('the pre-check never turns down a page detection accepts', () => {
  it('on every fixture page and generated report', () => {
    const root = join(__dirname, '../../fixtures');
    const pages: [string, string][] = [];
    for (const dir of ['reports', 'non-reports', 'e2e']) {
      for (const f of readdirSync(join(root, dir)))
        if (f.endsWith('.html')) pages.push([`${dir}/${f}`, readFileSync(join(root, dir, f), 'utf8')]);
    }
    for (const [i, layout] of Object.values(NAMED_LAYOUTS).entries())
      pages.push([`generated ${i}`, generateReport({ seed: 300 + i, layout }).html]);
    // title-only reports written the ways normalisation undoes: pinyin runs, spaces, an og:title alone
    const body = readFileSync(join(root, 'reports/lingchuan-2020.html'), 'utf8').replace(/报告|年报/g, '报 道');
    for (const [name, head] of [
      ['pinyin title', '<title>灵川县2020年政府信息公开工作年度報(bào)告(gào)</title>'],
      ['spaced title', '<title>灵川县2020年政府信息公开工作年度报\u3000告</title>'],
      ['og:title only', '<title>灵川县人民政府</title><meta property="og:title" content="灵川县2020年政府信息公开工作年度报告">'],
    ] as const)
      pages.push([name, body.replace(/<title>[^<]*<\/title>/, head)]);
    // a report named nowhere (site title, no 报告 in the text): detection reads the body's structure
    pages.push(['no report words at all', body.replace(/<title>[^<]*<\/title>/, '<title>信息公开</title>')]);
    // a meta the parser put in the body (stray text before it in the head starts the body early)
    pages.push([
      'og:title in the body',
      body.replace(/<title>[^<]*<\/title>/, '<title>信息公开</title>x<meta name="ArticleTitle" content="灵川县2020年政府信息公开年报">'),
    ]);
    let reports = 0;
    for (const [name, html] of pages) {
      const doc = parseHtml(html);
      const found = detect(doc, () => doc.body?.textContent ?? '');
      if (found.isReport) reports++;
      expect(hintsAtReport(doc as unknown as Document) || !found.isReport, name).toBe(true);
      // the browser's route (XPath, lib/page/page-hints.ts byXPath) says what the DOM route says
      expect(hintsAtReport(new JSDOM(html).window.document), `${name}, by XPath`).toBe(hintsAtReport(doc as unknown as Document));
      if (name === 'no report words at all') expect(found.isReport, 'detected from the body alone').toBe(true);
    }
    expect(reports).toBeGreaterThan(23);
  });
});

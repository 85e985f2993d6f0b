/**
 * The publication date a report page states (SPEC §10 meta.deadline): metas, bylines of several CMS
 * layouts, the address — and none of the other dates a report page carries.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { isoDate, readPublishedAt, type PublicationFacts } from '../../../lib/core/published';
import { dateMetas as readDateMetas } from '../../../lib/core/page-facts';

const REPORT_START = '一、总体情况 2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》……';
const facts = (text: string, over: Partial<PublicationFacts> = {}): PublicationFacts => ({
  text: `${text}\n${REPORT_START}`,
  metas: {},
  url: 'http://www.example.gov.cn/zwgk/content_1.html',
  ...over,
});

describe('readPublishedAt: the byline', () => {
  it.each([
    ['TRS-style byline', '发布日期：2022-01-20  来源：岚皋县行政审批服务局  浏览次数：123', '2022-01-20'],
    ['time with hours', '发布时间：2022年01月20日 10:23  来源：天门市公安局', '2022-01-20'],
    ['dotted date, half-width colon', '发布日期:2022.01.20 字号：[大 中 小]', '2022-01-20'],
    ['slashes, one-digit month and day', '【发布时间：2022/1/5】【来源：衢州市人民政府】', '2022-01-05'],
    ['traditional characters', '發佈時間：2022-01-20 來源：渭南市行政審批服務局', '2022-01-20'],
    ['full-width digits and colon', '发布日期：２０２２－０１－２０', '2022-01-20'],
    ['时间 next to 来源 (after)', '来源：龙游县人民政府办公室 时间：2022-02-08 09:12:00', '2022-02-08'],
    ['时间 next to 来源 (before)', '时间：2022-02-08 来源：龙游县人民政府办公室 作者：', '2022-02-08'],
    ['compact 8 digits', '发布时间：20220120 浏览量：', '2022-01-20'],
    ['a metadata table whose cells have no colon', '发布机构\t宁强县自然资源局\n发布日期\t2022-01-25\n', '2022-01-25'],
    ['公开日期 of a 信息公开 directory', '索引号：11610924/2022-00012 公开日期：2022-01-26 公开方式：主动公开', '2022-01-26'],
    [
      'the 信息公开 table holds 成文日期 first',
      '索引号：113303/2022-01234 发布机构：衢州市人民政府 成文日期：2022-01-10 发布日期：2022-01-25 文号：',
      '2022-01-25',
    ],
    ['a header 今天是… above the byline', '今天是2026年12月2日 星期三\n发布日期：2022-03-15 来源：本站', '2022-03-15'],
  ])('%s', (_, text, expected) => {
    expect(readPublishedAt(facts(text))).toBe(expected);
  });

  it.each([
    ['成文日期 alone', '索引号：113303/2022-01234 发布机构：衢州市人民政府 成文日期：2022-01-10 文号：'],
    ['印发日期 alone', '印发日期：2022-01-12 来源：市政府办公室'],
    ['发布日期 left empty, 成文日期 after it', '发布日期： 成文日期：2022-01-10'],
    ['a 今天是 page header', '今天是2026年12月2日 星期三 欢迎访问岚皋县人民政府网站'],
    ['a header 今天是： with 来源 nowhere near', '今天是：2026年12月2日'],
    ['the 统计期限', '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。'],
    ['a 统计时间： line beside 来源', '来源：本局统计 统计时间：2021年1月1日至2021年12月31日'],
    ['the 落款 signature date', '六、其他需要报告的事项 无。\n岚皋县行政审批服务局\n2022年1月20日'],
    ['a date inside a sentence', '本报告于2022年1月20日在本网站发布，发布后如有疑问请联系我局。'],
    ['a bare 时间： with no 来源', '会议时间：2022-01-05 时间：2022-01-06'],
    ['an impossible day', '发布日期：2022-02-30 来源：本站'],
    ['an impossible month', '发布日期：2022-13-01'],
    ['2021 was not a leap year', '发布日期：2021-02-29'],
  ])('not %s', (_, text) => {
    expect(readPublishedAt(facts(text))).toBeNull();
  });

  it('a leap day is a real day', () => {
    expect(readPublishedAt(facts('发布日期：2024-02-29 来源：本站'))).toBe('2024-02-29');
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(2100, 2, 29)).toBeNull();
  });

  it('reads the byline only near the top (a date in a sidebar list far below is not the page’s)', () => {
    const text = `${'正文'.repeat(20_000)}发布时间：2023-01-02`;
    expect(readPublishedAt({ text, metas: {}, url: 'x' })).toBeNull();
  });
});

describe('readPublishedAt: metas come first, the address last', () => {
  it('PubDate (any case) wins over the byline', () => {
    expect(readPublishedAt(facts('发布日期：2022-01-25', { metas: { PubDate: '2022-01-20 10:23' } }))).toBe('2022-01-20');
  });

  it('follows the meta order: pubdate, firstpublishedtime, publishdate, article:published_time, og:release_date', () => {
    const metas = { 'og:release_date': '2022-03-01', publishdate: '2022-02-01', firstpublishedtime: '2022-01-21 08:00:00' };
    expect(readPublishedAt(facts('', { metas }))).toBe('2022-01-21');
    expect(readPublishedAt(facts('', { metas: { 'og:release_date': '20220301' } }))).toBe('2022-03-01');
  });

  it('an ISO time in UTC is the Beijing day', () => {
    expect(readPublishedAt(facts('', { metas: { 'article:published_time': '2022-01-31T17:30:00Z' } }))).toBe('2022-02-01');
    expect(readPublishedAt(facts('', { metas: { 'article:published_time': '2022-01-31T17:30:00+08:00' } }))).toBe('2022-01-31');
  });

  it('a meta that is no date is passed over', () => {
    expect(readPublishedAt(facts('发布日期：2022-01-25', { metas: { pubdate: '{$pubdate}' } }))).toBe('2022-01-25');
  });

  it.each([
    ['http://www.hubei.gov.cn/zfwj/t20220120_3965432.shtml', '2022-01-20'],
    ['https://www.zj.gov.cn/art/2022/1/20/art_1229019364_2387561.html', '2022-01-20'],
    ['http://www.example.gov.cn/xxgknb/2021/202201/t20220230_1.html', null],
    ['http://www.example.gov.cn/xxgknb/2019/202201/content_1.html', null],
  ])('the address %s', (url, expected) => {
    expect(readPublishedAt({ text: REPORT_START, metas: {}, url })).toBe(expected);
  });

  it('the byline wins over the address', () => {
    expect(readPublishedAt(facts('发布时间：2022-01-21', { url: 'http://x.gov.cn/t20220119_1.html' }))).toBe('2022-01-21');
  });
});

describe('readDateMetas', () => {
  it('returns only the date metas, keyed lower-case, the first of each name', () => {
    const doc = parseHtml(`<html><head>
      <meta name="PubDate" content="2022-01-20 10:23">
      <meta name="pubdate" content="1999-01-01">
      <meta name="FirstPublishedTime" content="2022-01-19">
      <meta property="article:published_time" content="2022-01-19T02:00:00Z">
      <meta name="ContentSource" content="岚皋县人民政府">
      <meta name="description" content="2022-01-01">
      <meta property="og:title" content="…">
    </head><body></body></html>`);
    expect(readDateMetas(doc)).toEqual({
      pubdate: '2022-01-20 10:23',
      firstpublishedtime: '2022-01-19',
      'article:published_time': '2022-01-19T02:00:00Z',
    });
  });
});

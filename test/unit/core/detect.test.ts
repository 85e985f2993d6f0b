import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { checkPage as scanPage } from '../../../lib/core/check-page';
import { detect } from '../../../lib/core/detect';

const page = (title: string, body: string) =>
  parseHtml(`<html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`);
const STRUCTURE =
  '<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>';

describe('detection and metadata (SPEC §1)', () => {
  it('a titled report with the six sections is a report; agency and year from the title', () => {
    const o = scanPage(page('岚皋县行政审批服务局2021年政府信息公开工作年度报告', STRUCTURE), 'http://x.gov.cn/a').outcome;
    expect(o).toMatchObject({ isReport: true, agency: '岚皋县行政审批服务局', year: 2021, format: '2021', status: 'no-tables', tables: 0 });
  });
  it('year-first titles', () => {
    const o = scanPage(page('2022年上海市政府信息公开工作年度报告', STRUCTURE), 'u').outcome;
    expect(o).toMatchObject({ isReport: true, agency: '上海市', year: 2022 });
  });
  it.each([
    ['宁都县水利局2021年度政府信息公开年度工作报告', '宁都县水利局', 2021],
    ['会昌县卫健委政府信息公开工作2021年度报告', '会昌县卫健委', 2021],
    ['于都县2022年政务公开工作年度报告', '于都县', 2022],
  ])('title wordings seen in the wild: %s', (title, agency, year) => {
    expect(scanPage(page(title, STRUCTURE), 'u').outcome).toMatchObject({ isReport: true, agency, year });
  });
  it('traditional titles with pinyin artifacts give a simplified agency', () => {
    const o = scanPage(page('渭南市行政審批服務(wù)局2020年政府信息公開工作年度報告', STRUCTURE), 'u').outcome;
    expect(o).toMatchObject({ isReport: true, agency: '渭南市行政审批服务局', year: 2020, format: '2019' });
  });
  it('legacy (≤ 2018) reports are format legacy with no verdicts', () => {
    const o = scanPage(
      page(
        '宁波市质监局2008年度政府信息公开工作年度报告',
        '<p>根据《中华人民共和国政府信息公开条例》，现将2008年工作情况报告如下：一、概述 二、主动公开政府信息情况 三、依申请公开情况</p>',
      ),
      'u',
    ).outcome;
    expect(o).toMatchObject({ isReport: true, format: 'legacy', status: 'partial' });
    // no identity: only the publication check, which cannot say more than that the page shows no date
    expect(o.isReport && o.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['meta.deadline:skip']);
  });
  it.each([
    [
      'news that mentions the report',
      '我市发布2020年政府信息公开工作年度报告',
      '<p>近日，我市发布了2020年政府信息公开工作年度报告，报告显示……</p>',
    ],
    [
      'a report structure under a notice title',
      '国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式的通知',
      STRUCTURE,
    ],
    ['an explainer', '一图读懂：2021年政府信息公开工作年度报告', STRUCTURE],
    ['an explainer worded otherwise', '一图看懂某某市2021年政府信息公开工作', STRUCTURE],
    [
      'an explainer with no report title that retells the report in sentences',
      '图说我市政务公开',
      '<p>报告共分六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、行政复议、行政诉讼情况；五、存在的主要问题；六、其他需要报告的事项。全年本年新收政府信息公开申请数量 87 件，上年结转政府信息公开申请数量 3 件，结转下年度继续办理 2 件。</p>',
    ],
    [
      'news that retells the report in sentences, title naming none',
      '政务公开工作成效显著',
      '<p>一、总体情况。二、主动公开政府信息情况。三、收到和处理政府信息公开申请情况：本年新收政府信息公开申请数量 87 件，上年结转政府信息公开申请数量 3 件，结转下年度继续办理 2 件。</p>',
    ],
    ['half-year statistics', '2022年上半年政府信息公开数据统计', STRUCTURE],
    ['a report title without any report structure', '某某局2021年政府信息公开工作年度报告', '<p>详见附件。</p>'],
    ['a guide', '某某局政府信息公开指南', STRUCTURE],
    ['a budget page', '某某局2021年部门预算', '<table><tr><td>合计</td><td>100</td></tr></table>'],
  ])('%s is not a report', (_, title, body) => {
    expect(scanPage(page(title, body), 'u').outcome.isReport).toBe(false);
  });
});

/** A page as a CMS serves it: `<title>`, then whatever `body` holds (no h1 unless given). */
const raw = (title: string, body: string, head = '') =>
  parseHtml(`<html><head><title>${title}</title>${head}</head><body>${body}</body></html>`);
const detectIn = (doc: Document) => detect(doc, () => doc.body?.textContent ?? '');

const NOTE = '<td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>';
const row = (label: string, cells: string[]) => `<tr><td colspan="3">${label}</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
/** the section 三 table's first rows and last rows, filled (numbers) or blank (a template) */
function applyTable(filled: boolean, note = true): string {
  const v = (n: number) => (filled ? String(n) : '&nbsp;');
  return `<table>${note ? `<tr>${NOTE}<td colspan="7">申请人情况</td></tr>` : ''}
    ${row('一、本年新收政府信息公开申请数量', [v(3), v(1), v(0), v(0), v(0), v(0), v(4)])}
    ${row('二、上年结转政府信息公开申请数量', [v(1), v(0), v(0), v(0), v(0), v(0), v(1)])}
    ${row('（五）不予处理 1.信访举报投诉类申请', [v(0), v(0), v(0), v(0), v(0), v(0), v(0)])}
    ${row('2.重复申请', [v(0), v(0), v(0), v(0), v(0), v(0), v(0)])}
    ${row('（七）总计', [v(4), v(1), v(0), v(0), v(0), v(0), v(5)])}
    ${row('四、结转下年度继续办理', [v(0), v(0), v(0), v(0), v(0), v(0), v(0)])}</table>`;
}
const H = (t: string) => `<p><strong>${t}</strong></p>`;
const SECTIONS = (table: string) =>
  `${H('一、总体情况')}<p>2021年，我局认真贯彻《条例》……</p>${H('二、主动公开政府信息情况')}${H('三、收到和处理政府信息公开申请情况')}${table}${H('四、政府信息公开行政复议、行政诉讼情况')}${H('五、存在的主要问题及改进情况')}${H('六、其他需要报告的事项')}`;

describe('detection from the body (issue 8)', () => {
  it('no report title: the 勾稽 note and section 三 labels with numbers under numbered headings make a report', () => {
    const d = detectIn(raw('信息公开', `<p>统计期限自2021年1月1日起至2021年12月31日止。</p>${SECTIONS(applyTable(true))}`));
    expect(d).toMatchObject({ isReport: true, year: 2021, title: '信息公开' });
    expect(d.notes?.join('')).toContain('正文结构');
  });
  it('labels with numbers suffice without the note (two of them)', () => {
    expect(detectIn(raw('一、总体情况', SECTIONS(applyTable(true, false)))).isReport).toBe(true);
  });
  it('labels without numbers (a blank template) are not a report, with or without the note', () => {
    expect(detectIn(raw('信息公开', SECTIONS(applyTable(false)))).isReport).toBe(false);
    expect(detectIn(raw('信息公开', SECTIONS(applyTable(false, false)))).isReport).toBe(false);
  });
  it('a table with numbers but no section headings is not a report', () => {
    expect(detectIn(raw('信息公开', applyTable(true))).isReport).toBe(false);
  });
  it('the next row\'s ordinal ("2.重复申请") is not a number', () => {
    const blankWithOrdinals = SECTIONS(applyTable(false)).replace('2.重复申请', '2.重复申请');
    expect(detectIn(raw('信息公开', blankWithOrdinals)).isReport).toBe(false);
  });
  it('a yearless report title over a blank template is not a report', () => {
    const template = SECTIONS(applyTable(false)).replace('2021年，我局认真贯彻《条例》……', '（综述本机关贯彻落实《条例》的情况）');
    const d = detectIn(raw('政府信息公开工作年度报告', `<h1>政府信息公开工作年度报告</h1>${template}`));
    expect(d).toMatchObject({ isReport: false, reason: '正文没有年度报告的结构' });
  });
});

describe('candidate titles (issue 8)', () => {
  const body = (lead: string) => `${lead}<p>现将2021年度政府信息公开工作情况报告如下。</p>${SECTIONS('')}`;
  it.each([
    ['an unclassed centred div', '<div style="text-align:center">石城县市场监督管理局2021年政府信息公开工作年度报告</div>'],
    ['a plain div with <b>', '<div><b>石城县市场监督管理局2021年政府信息公开工作年度报告</b></div>'],
    ['the first paragraph', '<p style="text-align:center"><strong>石城县市场监督管理局2021年政府信息公开工作年度报告</strong></p>'],
    ['a <center>', '<center>石城县市场监督管理局2021年政府信息公开工作年度报告</center>'],
  ])('the report name in %s names the report; agency and year from it', (_, lead) => {
    const d = detectIn(raw('信息公开', body(lead)));
    expect(d).toMatchObject({ isReport: true, agency: '石城县市场监督管理局', year: 2021 });
    expect(d.title).toBe('石城县市场监督管理局2021年政府信息公开工作年度报告');
  });
  it.each([
    ['a quotation in a sentence', '<p>注：全年数据以《石城县2021年政府信息公开工作年度报告》为准。</p>'],
    ['a breadcrumb', '<div>当前位置：首页 &gt; 信息公开 &gt; 2021年政府信息公开年报</div>'],
    ['a line without a year', '<div>政府信息公开年报</div>'],
    ['a labelled link', '<p>相关链接：<a>石城县2021年政府信息公开工作年度报告</a></p>'],
  ])('%s is not a title', (_, lead) => {
    const d = detectIn(raw('信息公开', `${lead}${SECTIONS('')}`));
    expect(d).toMatchObject({ isReport: false, reason: '标题不是政府信息公开工作年度报告' });
  });
});

describe('a report title with little body (issue 8)', () => {
  it.each([
    ['…工作报告 without 年度', '上犹县社上乡人民政府2023年政府信息公开工作报告'],
    ['traditional 報告 / 公開', '上猶縣社上鄉人民政府2023年政府信息公開工作年度報告'],
    ['…年度报告', '上犹县社上乡人民政府2023年政府信息公开工作年度报告'],
  ])('%s with only 一、总体情况 and prose is a report without tables', (_, title) => {
    const o = scanPage(page(title, `${H('一、总体情况')}<p>2023年，社上乡深入贯彻……</p><p><img src="a.png"></p>`), 'u').outcome;
    expect(o).toMatchObject({ isReport: true, year: 2023, status: 'no-tables', tables: 0, format: '2021' });
    expect(o.isReport && o.agency).toBe('上犹县社上乡人民政府');
  });
  it('an unnumbered "总体情况" in prose is not a heading', () => {
    const d = detectIn(
      raw('某某局2021年政府信息公开工作年度报告', '<h1>某某局2021年政府信息公开工作年度报告</h1><p>总体情况良好，详见附件。</p>'),
    );
    expect(d).toMatchObject({ isReport: false, reason: '正文没有年度报告的结构' });
  });
});

describe('negatives stay negative (issue 8)', () => {
  const filled = SECTIONS(applyTable(true));
  it.each([
    ['a 解读 title quoting the note and numbers', '《某县2021年政府信息公开工作年度报告》解读', filled],
    ['a 图解 title', '图解：某县2021年政府信息公开工作年度报告', filled],
    ['an 一图读懂 title', '一图读懂某县2021年政府信息公开工作年度报告', filled],
    ['a notice about compiling reports', '关于做好2021年度政府信息公开工作年度报告编制发布工作的通知', filled],
    ['the format notice', '关于印发中华人民共和国政府信息公开工作年度报告格式的通知', SECTIONS(applyTable(false))],
    ['half-year statistics', '2022年上半年政府信息公开数据统计', filled],
    [
      'a pre-2019 统计表',
      '于都县2017年政府信息公开情况统计表',
      `${H('一、主动公开情况')}${H('三、依申请公开情况')}<table><tr><td>收到申请数</td><td>57</td></tr></table>`,
    ],
    ['a template', '某县2021年政府信息公开工作年度报告（模板）', SECTIONS(applyTable(false))],
  ])('%s', (_, title, body) => {
    expect(detectIn(raw(title, `<h1>${title}</h1>${body}`)).isReport).toBe(false);
  });
  it('a column suffix glued to the title (…年度报告-通知公告-…) does not veto the report its h1 names', () => {
    const title = '某县2021年政府信息公开工作年度报告-通知公告-某县人民政府';
    const d = detectIn(raw(title, `<h1>某县2021年政府信息公开工作年度报告</h1>${SECTIONS('')}`));
    expect(d).toMatchObject({ isReport: true, agency: '某县', year: 2021 });
  });
  it('a column name after an already dated title part does not veto it', () => {
    const title = '2021年政府信息公开工作年度报告_政策解读_某县人民政府';
    const d = detectIn(raw(title, `<h1>某县2021年政府信息公开工作年度报告</h1>${SECTIONS('')}`));
    expect(d).toMatchObject({ isReport: true, agency: '某县', year: 2021 });
  });
  it('a notice to submit reports, with a filled-in example under a report heading, is vetoed by its own title', () => {
    const title = '关于报送2021年政府信息公开工作年度报告的通知';
    const d = detectIn(raw(title, `<h1>${title}</h1><h2>某县2021年政府信息公开工作年度报告</h2>${SECTIONS(applyTable(true))}`));
    expect(d.isReport).toBe(false);
  });
  it('a 解读 page under a site title is vetoed by its own heading naming the report', () => {
    const d = detectIn(raw('政策解读', `<div class="title">关于《某县2021年政府信息公开工作年度报告》的解读</div>${filled}`));
    expect(d.isReport).toBe(false);
  });
  it('news quoting one label with a number and linking reports is not a report', () => {
    const d = detectIn(
      raw(
        '我县召开2022年政务公开工作推进会',
        '<h1>我县召开2022年政务公开工作推进会</h1><p>2021年全县本年新收政府信息公开申请数量87件。</p><ul><li><a>某县2021年政府信息公开工作年度报告</a></li></ul>',
      ),
    );
    expect(d.isReport).toBe(false);
  });
});

describe('metadata from the body (issue 8)', () => {
  it('year from 统计期限 and agency from <meta name="ContentSource"> when the title names neither', () => {
    const d = detectIn(
      raw(
        '政务公开',
        `<p>本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。</p>${SECTIONS(applyTable(true))}`,
        '<meta name="ContentSource" content="崇义县农业农村局">',
      ),
    );
    expect(d).toMatchObject({ isReport: true, agency: '崇义县农业农村局', year: 2021 });
  });
  it('year from 现将我局2020年度…报告如下, agency from the 落款', () => {
    const d = detectIn(
      raw(
        '政府信息公开工作年度报告',
        `<h1>政府信息公开工作年度报告</h1><p>现将我局2020年度政府信息公开工作情况报告如下。</p>${SECTIONS('')}<p>无。</p><p>安远县交通运输局</p><p>2021年1月14日</p>`,
      ),
    );
    expect(d).toMatchObject({ isReport: true, agency: '安远县交通运输局', year: 2020 });
  });
  it('agency from the byline 来源 when the title has none, cleaned of the site suffix', () => {
    const d = detectIn(
      raw('2021年政府信息公开工作年度报告', `<h1>2021年政府信息公开工作年度报告</h1><div>来源：渭南经开区管委会网站</div>${SECTIONS('')}`),
    );
    expect(d).toMatchObject({ isReport: true, agency: '渭南经开区管委会', year: 2021 });
  });
  it('the title agency is completed from the byline and the choice noted', () => {
    const d = detectIn(
      raw(
        '市应急管理局2020年政府信息公开工作年度报告',
        `<h1>市应急管理局2020年政府信息公开工作年度报告</h1><div>来源：赣州市应急管理局</div>${SECTIONS('')}`,
      ),
    );
    expect(d.agency).toBe('赣州市应急管理局');
    expect(d.notes?.[0]).toContain('市应急管理局');
  });
  it('a dated title without agency takes the agency from a later title of the same year, not the portal byline', () => {
    const d = detectIn(
      raw(
        '2021年政府信息公开工作年度报告',
        `<div>来源：岚皋县人民政府</div><h1>岚皋县行政审批服务局2021年政府信息公开工作年度报告</h1>${SECTIONS('')}`,
      ),
    );
    expect(d).toMatchObject({ isReport: true, agency: '岚皋县行政审批服务局', year: 2021, title: '2021年政府信息公开工作年度报告' });
  });
  it('a 关于-title gives the agency without 关于; the record carries it', () => {
    const o = scanPage(page('关于赣州市应急管理局2020年政府信息公开工作年度报告', STRUCTURE), 'u').outcome;
    expect(o).toMatchObject({ isReport: true, agency: '赣州市应急管理局', year: 2020 });
  });
});

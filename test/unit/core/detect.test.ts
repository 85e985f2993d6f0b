import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { checkPage as scanPage } from '../../../lib/core/check-page';

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
    expect(o).toMatchObject({ isReport: true, format: 'legacy', status: 'partial', checks: [] });
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
    ['half-year statistics', '2022年上半年政府信息公开数据统计', STRUCTURE],
    ['a report title without any report structure', '某某局2021年政府信息公开工作年度报告', '<p>详见附件。</p>'],
    ['a guide', '某某局政府信息公开指南', STRUCTURE],
    ['a budget page', '某某局2021年部门预算', '<table><tr><td>合计</td><td>100</td></tr></table>'],
  ])('%s is not a report', (_, title, body) => {
    expect(scanPage(page(title, body), 'u').outcome.isReport).toBe(false);
  });
});

/**
 * Report metadata (SPEC §1 Metadata, issue 8 item 2): agency names as researchers cite them and the report
 * year, from the title, the byline, the intro and the 落款 signature.
 */
import { describe, expect, it } from 'vitest';
import { toSimplifiedFull } from '../../../lib/core/chinese-full';
import {
  agencyFromBody,
  agencyFromByline,
  agencyFromTitle,
  cleanAgency,
  agencyBesideTitle,
  crossCheckAgency,
  yearFromBody,
  yearFromTitle,
} from '../../../lib/core/metadata';
import { compactText } from '../../../lib/core/text';

describe('agencyFromTitle: the agency as researchers cite it', () => {
  it.each([
    ['关于赣州市应急管理局2020年政府信息公开工作年度报告', '赣州市应急管理局'],
    ['岚皋县行政审批服务局2021年政府信息公开工作年度报告', '岚皋县行政审批服务局'],
    ['【年度报告】岚皋县行政审批服务局2021年政府信息公开工作年度报告', '岚皋县行政审批服务局'],
    ['宁强县自然资源局关于2021年度政府信息公开情况的报告', '宁强县自然资源局'],
    ['2024年深圳市公安局龙华分局政府信息公开工作年度报告', '深圳市公安局龙华分局'],
    ['2021年度 石家庄市桥西区人民政府政府信息公开工作年度报告', '石家庄市桥西区人民政府'],
    ['天门市公安局2020年度政府信息公开工作年度报告', '天门市公安局'],
    ['舒兰市市场监督管理局2016年政务信息公开年度报告', '舒兰市市场监督管理局'],
    ['东大街街道办事处2020年政府信息公开工作报告', '东大街街道办事处'],
    ['自然资源部2024年政府信息公开工作报告', '自然资源部'],
    ['阿拉善盟额济纳旗温图高勒苏木人民政府2021年度政府信息公开工作年度报告', '阿拉善盟额济纳旗温图高勒苏木人民政府'],
    ['汉中市自然资源局（经开区分局）2021年政府信息公开工作年度报告', '汉中市自然资源局(经开区分局)'],
    ['鹰潭市人民政府办公室 关于2022年度政府信息公开工作年度报告', '鹰潭市人民政府办公室'],
    ['【文字版】衢州市人民政府2020年政府信息公开工作年度报告', '衢州市人民政府'],
    ['龙游县人民政府办公室2023年政府信息公开工作年度报告（图解）', '龙游县人民政府办公室'],
    ['杭州市审管办2020年政府信息公开工作年度报告(文字版、图解版)', '杭州市审管办'],
    ['关于印发《寻乌县2021年政府信息公开工作年度报告》的通知', '寻乌县'],
    ['关于公布大余县林业局2022年政府信息公开工作年度报告的通知', '大余县林业局'],
    ['转发：信丰县生态环境局2021年政府信息公开工作年度报告', '信丰县生态环境局'],
    ['渭南市行政審批服務(wù)局2020年政府信息公開工作年度報告', '渭南市行政审批服务局'],
    ['广州市荔湾区人民政府2019年政府信息公开工作年度报告_荔湾区政府网', '广州市荔湾区人民政府'],
    ['  南康区卫生健康委员会 2021 年政府信息公开工作年度报告', '南康区卫生健康委员会'],
    ['2023年度政府信息公开工作年度报告（武侯区民政局）', '武侯区民政局'],
    ['会昌县卫健委政府信息公开工作2021年度报告', '会昌县卫健委'],
    ['宁都县水利局2021年度政府信息公开年度工作报告', '宁都县水利局'],
  ])('%s → %s', (title, agency) => {
    expect(agencyFromTitle(title)).toBe(agency);
  });

  it('converts traditional names fully with the full converter', () => {
    expect(agencyFromTitle('廣州市黃埔區人民政府2021年政府信息公開工作年度報告', toSimplifiedFull)).toBe('广州市黄埔区人民政府');
  });

  it.each([
    ['我局2021年政府信息公开工作年度报告'],
    ['我乡2020年度政府信息公开工作年度报告'],
    ['本机关2021年政府信息公开工作年度报告'],
    ['2021年政府信息公开工作年度报告'],
    ['关于2021年度政府信息公开工作的年度报告'],
    ['政府信息公开工作年度报告'],
    ['2021年政府信息公开工作年度报告（全文）'],
  ])('names no agency: %s', (title) => {
    expect(agencyFromTitle(title)).toBeNull();
  });
});

describe('cleanAgency: bylines, sources and site names', () => {
  it.each([
    ['赣州市人民政府门户网站', '赣州市人民政府'],
    ['荔湾区政府网', '荔湾区政府'],
    ['会昌县人民政府网站', '会昌县人民政府'],
    ['【转载】南昌市青山湖区住房和城乡建设局', '南昌市青山湖区住房和城乡建设局'],
    [' 崇义县农业农村局 ', '崇义县农业农村局'],
    ['關於瑞金市衛生健康委員會', '瑞金市卫生健康委员会'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanAgency(raw, toSimplifiedFull)).toBe(clean);
  });
  it.each([['我局'], ['本机关'], ['政府信息公开'], ['首页'], ['局']])('%s is no name', (raw) => {
    expect(cleanAgency(raw)).toBeNull();
  });
});

describe('agencyFromByline', () => {
  it('reads 来源 / 发布机构 / 信息来源 and stops at the next field', () => {
    expect(agencyFromByline('发布时间：2022-01-25 09:31   信息来源：石城县市场监督管理局   浏览次数：412')).toBe('石城县市场监督管理局');
    expect(agencyFromByline('发布机构:宁都县人民政府办公室')).toBe('宁都县人民政府办公室');
    expect(agencyFromByline('来源：灵川县人民政府办公室公开方式：主动公开')).toBe('灵川县人民政府办公室');
    expect(agencyFromByline('来源：兴国县人民政府网')).toBe('兴国县人民政府');
  });
  it('finds nothing without a byline', () => {
    expect(agencyFromByline('发布时间：2022-01-14 浏览次数：233')).toBeNull();
  });
});

describe('agencyFromBody: intro, then the 落款 signature', () => {
  it('reads 现将XX2020年度政府信息公开…', () => {
    expect(agencyFromBody(compactText('现将赣州市应急管理局2020年度政府信息公开工作情况报告如下。'))).toBe('赣州市应急管理局');
  });
  it('a pronoun in the intro falls through to the signature after 六、其他需要报告的事项', () => {
    const text = compactText(
      '现将我局2021年度政府信息公开工作情况报告如下。一、总体情况……六、其他需要报告的事项 本年度无收取信息处理费的情况。 安远县交通运输局 2022年1月14日 主办：安远县人民政府',
    );
    expect(agencyFromBody(text)).toBe('安远县交通运输局');
  });
  it('no intro and no signature: null', () => {
    expect(agencyFromBody(compactText('一、总体情况 2021年，我局……'))).toBeNull();
  });
});

describe('crossCheckAgency: title against byline', () => {
  it('prefers the fuller proper name when the title dropped the region prefix, and notes it', () => {
    const c = crossCheckAgency('市应急管理局', '赣州市应急管理局');
    expect(c.agency).toBe('赣州市应急管理局');
    expect(c.note).toContain('赣州市应急管理局');
  });
  it('keeps the title when the byline is another body (the office that published a county report)', () => {
    expect(crossCheckAgency('灵川县', '灵川县人民政府办公室')).toEqual({ agency: '灵川县' });
    expect(crossCheckAgency('衢州市人民政府', '衢州市人民政府办公室')).toEqual({ agency: '衢州市人民政府' });
    // SPEC §1: a title name with its own place is kept as printed, even when the byline adds the city
    expect(crossCheckAgency('溧水区市场监督管理局', '南京市溧水区市场监督管理局')).toEqual({ agency: '溧水区市场监督管理局' });
    expect(crossCheckAgency('公安局', '深圳市公安局').agency).toBe('深圳市公安局');
    expect(crossCheckAgency('赣州市应急管理局', '赣州市人民政府')).toEqual({ agency: '赣州市应急管理局' });
  });
  it('completes a title name cut short', () => {
    expect(crossCheckAgency('南康区卫生健康', '南康区卫生健康委员会').agency).toBe('南康区卫生健康委员会');
  });
  it('falls back to the byline without a title agency', () => {
    expect(crossCheckAgency(null, '渭南经开区管委会')).toEqual({ agency: '渭南经开区管委会' });
  });
});

describe('year', () => {
  it('from the title', () => {
    expect(yearFromTitle('关于赣州市应急管理局2020年政府信息公开工作年度报告')).toBe(2020);
    expect(yearFromTitle('2024年深圳市公安局龙华分局政府信息公开工作年度报告')).toBe(2024);
    expect(yearFromTitle('政府信息公开工作年度报告')).toBeNull();
    expect(yearFromTitle('某县二〇二一年政府信息公开工作年度报告')).toBe(2021);
    expect(yearFromTitle('二零一九年度政府信息公开工作年度报告')).toBe(2019);
    expect(yearFromTitle('一二三四年')).toBeNull();
  });
  it.each([
    ['本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。', 2021],
    ['现将我局2020年度政府信息公开工作情况报告如下：', 2020],
    ['现将2019年政府信息公开工作有关情况报告如下', 2019],
    ['2022年，我县坚持以公开为常态……', 2022],
  ])('from the body: %s', (text, year) => {
    expect(yearFromBody(compactText(text))).toBe(year);
  });
  it('not from a publication date', () => {
    expect(yearFromBody(compactText('发布时间：2022-01-14 浏览次数：233'))).toBeNull();
  });
});

describe('agencyBesideTitle: the name on its own line next to a title that names none', () => {
  const title = '关于2021年度政府信息公开工作的年度报告';
  it('reads the line after the title', () => {
    expect(agencyBesideTitle(`首页${title}盐边县新九镇人民政府一、总体情况`, title)).toBe('盐边县新九镇人民政府');
    expect(agencyBesideTitle(`${title}宁强县自然资源局2022年1月20日一、总体情况`, title)).toBe('宁强县自然资源局');
  });
  it('reads nothing from a byline, a sentence or a missing title', () => {
    expect(agencyBesideTitle(`${title}发布时间：2022-01-20一、总体情况`, title)).toBeNull();
    expect(agencyBesideTitle(`${title}根据条例规定现将本局情况报告如下`, title)).toBeNull();
    expect(agencyBesideTitle(`${title}现将我局2020年度政府信息公开工作情况报告如下`, title)).toBeNull();
    expect(agencyBesideTitle('一、总体情况', title)).toBeNull();
  });
});

/**
 * The metadata checks of SPEC §10: `meta.deadline` (published on time, 条例 第五十条) and `meta.template`
 * (the tables' edition fits the report year).
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_BY_YEAR_NOTE, decideFormat } from '../../../lib/core/format';
import { isPeoplesGovernment, metaChecks, type MetaFacts } from '../../../lib/core/meta-checks';
import { CheckSchema } from '../../../lib/core/record';
import { Sink } from '../../../lib/core/sink';

const facts = (over: Partial<MetaFacts> = {}): MetaFacts => ({
  agency: '岚皋县行政审批服务局',
  year: 2021,
  format: '2021',
  tables: 3,
  publishedAt: '2022-01-20',
  notes: [],
  ...over,
});
const check = (id: string, over: Partial<MetaFacts> = {}) => {
  const found = metaChecks(facts(over)).find((c) => c.id === id);
  if (found) CheckSchema.parse(found);
  return found;
};
const deadline = (over: Partial<MetaFacts> = {}) => check('meta.deadline', over)!;

describe('isPeoplesGovernment: a government’s own report, or a department’s', () => {
  it.each([
    '衢州市人民政府',
    '岚皋县人民政府',
    '岚皋县政府',
    '石家庄市桥西区人民政府',
    '盐边县新九镇人民政府',
    '某某乡人民政府',
    '阿拉善盟额济纳旗温图高勒苏木人民政府',
    '广西壮族自治区人民政府',
    '杭州市政府',
    '海淀区政府',
    '某镇政府',
    '龙游县 人民政府',
  ])('%s is a government', (name) => expect(isPeoplesGovernment(name)).toBe(true));

  it.each([
    '龙游县人民政府办公室',
    '鹰潭市人民政府办公室',
    '某县政府办',
    '某省人民政府办公厅',
    '天门市公安局',
    '岚皋县行政审批服务局',
    '某市发展和改革委员会',
    '杭州市审管办',
    '某市政务服务中心',
    '东大街街道办事处',
    '某经济技术开发区管委会',
    '某高新区管理委员会',
    '深圳市公安局龙华分局',
    '自然资源部',
  ])('%s is a department', (name) => expect(isPeoplesGovernment(name)).toBe(false));
});

describe('meta.deadline', () => {
  it('a department’s report on 1月31日 is on time; on 2月1日 one day late', () => {
    expect(deadline({ publishedAt: '2022-01-31' })).toMatchObject({ status: 'pass', lhs: 0, rhs: 0, diff: 0, lhsKeys: [], rhsKeys: [] });
    expect(deadline({ publishedAt: '2022-02-01' })).toMatchObject({ status: 'fail', lhs: 1, rhs: 0, diff: 1 });
  });

  it('early is negative and passes', () => {
    expect(deadline({ publishedAt: '2022-01-20' })).toMatchObject({ status: 'pass', lhs: -11, diff: -11 });
  });

  it('a people’s government has until 3月31日', () => {
    const gov = { agency: '衢州市人民政府' };
    expect(deadline({ ...gov, publishedAt: '2022-03-31' })).toMatchObject({ status: 'pass', diff: 0 });
    expect(deadline({ ...gov, publishedAt: '2022-04-01' })).toMatchObject({ status: 'fail', diff: 1 });
    expect(deadline({ ...gov, publishedAt: '2022-02-15' })).toMatchObject({ status: 'pass', diff: -44 });
    // the office of the same government is a department
    expect(deadline({ agency: '衢州市人民政府办公室', publishedAt: '2022-02-15' })).toMatchObject({ status: 'fail', diff: 15 });
  });

  it('says it in a sentence', () => {
    expect(deadline({ publishedAt: '2022-02-15' }).evidence).toBe('发布于2022-02-15，部门报告应于2022-01-31前发布，逾期15天');
    expect(deadline({ agency: '岚皋县人民政府', publishedAt: '2022-03-31' }).evidence).toBe(
      '发布于2022-03-31，政府报告应于2022-03-31前发布，当日发布，按时',
    );
  });

  it('counts across a leap day: a 2023 report, deadline 2024-01-31 / 2024-03-31', () => {
    expect(deadline({ year: 2023, publishedAt: '2024-03-01' })).toMatchObject({ status: 'fail', diff: 30 });
    expect(deadline({ year: 2023, agency: '岚皋县政府', publishedAt: '2024-02-29' })).toMatchObject({ status: 'pass', diff: -31 });
    expect(deadline({ year: 2022, publishedAt: '2023-03-01' })).toMatchObject({ status: 'fail', diff: 29 });
  });

  it('天门市公安局’s 2020 report, published in May 2022, is a year and a quarter late', () => {
    const c = deadline({ agency: '天门市公安局', year: 2020, format: '2019', publishedAt: '2022-05-10' });
    expect(c).toMatchObject({ status: 'fail', lhs: 464, rhs: 0, diff: 464 });
    expect(c.evidence).toBe('发布于2022-05-10，部门报告应于2021-01-31前发布，逾期464天');
  });

  it('a 2018 report fell under the 2008 条例: every agency by 3月31日, the agency need not be known', () => {
    const legacy = { year: 2018, format: 'legacy' as const, tables: 0 };
    expect(deadline({ ...legacy, publishedAt: '2019-03-31' })).toMatchObject({ status: 'pass', diff: 0 });
    expect(deadline({ ...legacy, agency: null, publishedAt: '2019-04-02' })).toMatchObject({ status: 'fail', diff: 2 });
    expect(deadline({ ...legacy, publishedAt: '2019-04-02' }).evidence).toBe(
      '发布于2019-04-02，2018年度及以前的报告应于2019-03-31前发布，逾期2天',
    );
    // the 2019 report is the first under the revised 条例
    expect(deadline({ year: 2019, format: '2019', publishedAt: '2020-02-01' })).toMatchObject({ status: 'fail', diff: 1 });
  });

  it.each<[string, Partial<MetaFacts>, RegExp]>([
    ['no publication date', { publishedAt: null }, /未载明发布日期/],
    ['publication date absent from the record', { publishedAt: undefined }, /未载明发布日期/],
    ['no year', { year: null }, /年度不明/],
    ['no agency', { agency: null }, /机构不明/],
    ['a date that is no date', { publishedAt: '2022-02-30' }, /无法识别/],
    ['published before the report year ended', { year: 2021, publishedAt: '2021-06-15' }, /早于2021年度结束/],
    ['published on the year’s last day', { year: 2021, publishedAt: '2021-12-31' }, /读错/],
  ])('skips with a reason: %s', (_, over, reason) => {
    const c = deadline(over);
    expect(c).toMatchObject({ status: 'skip', lhs: null, rhs: null, diff: null });
    expect(c.reason).toMatch(reason);
  });

  it('the first day of the next year is a publication, not a misread', () => {
    expect(deadline({ publishedAt: '2022-01-01' })).toMatchObject({ status: 'pass', diff: -30 });
  });
});

describe('meta.template', () => {
  const template = (over: Partial<MetaFacts>) => check('meta.template', over);

  it('a 2023 report on the 2019 template fails: found 2019, expected 2021', () => {
    expect(template({ year: 2023, format: '2019' })).toMatchObject({ status: 'fail', lhs: 2019, rhs: 2021, diff: -2 });
    expect(template({ year: 2023, format: '2019' })!.evidence).toBe('2023年报告使用2019版表格，应为2021版');
  });

  it('a 2020 report on the 2021 template fails the other way', () => {
    expect(template({ year: 2020, format: '2021' })).toMatchObject({ status: 'fail', lhs: 2021, rhs: 2019, diff: 2 });
  });

  it.each([
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2024, '2021'],
  ] as const)('a %i report on the %s template passes', (year, format) => {
    expect(template({ year, format })).toMatchObject({ status: 'pass', diff: 0 });
  });

  it('is not there without tables, for legacy or unknown formats, before 2019', () => {
    expect(template({ tables: 0 })).toBeUndefined();
    expect(template({ year: 2018, format: 'legacy' })).toBeUndefined();
    expect(template({ year: 2018, format: '2019' })).toBeUndefined();
    expect(template({ year: null })).toBeUndefined();
    expect(template({ format: 'unknown' })).toBeUndefined();
  });

  it('skips when the year decided the format (no table shows an edition): it would pass by definition', () => {
    const decided = decideFormat({ tables: 2, apply: {}, active: {}, year: 2022 }, new Sink());
    expect(decided).toEqual({ format: '2021', notes: [FORMAT_BY_YEAR_NOTE] });
    const c = template({ year: 2022, format: decided.format, notes: decided.notes });
    expect(c).toMatchObject({ status: 'skip', lhs: null, rhs: null, diff: null });
    expect(c!.reason).toMatch(/按年份判定/);
  });

  it('the format decided from the tables is checked, whatever other notes say', () => {
    const decided = decideFormat({ tables: 3, apply: { edition: '2019' }, active: { edition: '2019' }, year: 2022 }, new Sink());
    expect(decided.notes).not.toContain(FORMAT_BY_YEAR_NOTE);
    expect(template({ year: 2022, format: decided.format, notes: decided.notes })).toMatchObject({ status: 'fail', lhs: 2019, rhs: 2021 });
  });

  it('without tables, the year deciding adds no note (the check is absent anyway)', () => {
    expect(decideFormat({ tables: 0, apply: {}, active: {}, year: 2022 }, new Sink()).notes).toEqual([]);
    expect(decideFormat({ tables: 2, apply: {}, active: {}, year: 2012 }, new Sink())).toEqual({ format: 'legacy', notes: [] });
  });
});

describe('isPeoplesGovernment: a report named by its area alone', () => {
  it('is the government’s own report (广元市, 灵川县, 渭滨区); a body of it, or a zone, is not', () => {
    for (const name of ['广元市', '灵川县', '渭滨区', '内蒙古自治区', '恩施土家族苗族自治州'])
      expect(isPeoplesGovernment(name), name).toBe(true);
    for (const name of ['渭南经开区', '西咸新区', '高新区', '广元市林业局', '城关街道', '市场监管局'])
      expect(isPeoplesGovernment(name), name).toBe(false);
  });
});

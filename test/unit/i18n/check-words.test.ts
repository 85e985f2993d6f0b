/**
 * A check in words: one renderer for the overlay, popup, history and exports (issue 9 §2, §7) — its name
 * from the id alone, its equation from its keys, in the UI's language.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../lib/core/checks';
import type { Check } from '../../../lib/core/record';
import { checkName, describeAnyCheck, describeCheck } from '../../../lib/i18n/check-words';
import { OVERLAY_TEXT } from '../../../lib/i18n/overlay';
import { translator } from '../../../lib/i18n/ui';

const check = (over: Partial<Check>): Check => ({
  id: 'x',
  status: 'fail',
  lhs: 0,
  rhs: 4,
  diff: -4,
  lhsKeys: [],
  rhsKeys: [],
  ...over,
});

describe('checkName', () => {
  it('names the review and lawsuit blocks as the issue words them', () => {
    expect(checkName('suit.after_review.sum')).toBe('行政诉讼·复议后起诉：总计 ≠ 各项之和');
    expect(checkName('review.sum', 'zh_CN', false)).toBe('行政复议：总计 = 各项之和');
    expect(checkName('suit.direct.sum', 'en')).toBe('行政诉讼·未经复议直接起诉：total ≠ sum of items');
  });

  it('names row, result and balance checks with the printed row and column names', () => {
    expect(checkName('apply.row.result.withheld.third_party')).toBe('（三）不予公开·4.保护第三方合法权益：总计 ≠ 各类申请人之和');
    expect(checkName('apply.row.result.partial')).toBe('（二）部分公开：总计 ≠ 各类申请人之和');
    expect(checkName('apply.results.natural')).toBe('办理结果·自然人：（七）总计 ≠ （一）至（六）之和');
    expect(checkName('apply.results.total', 'en', false)).toBe('Results·总计：(7) total = sum of (1)–(6)');
    expect(checkName('apply.balance.total')).toBe('勾稽关系·总计：一 + 二 ≠ 三 + 四');
  });

  it('gives every identity of both editions a name (never the bare id), and unknown ids back as they are', () => {
    for (const def of [...CHECKS['2019'], ...CHECKS['2021']]) expect(checkName(def.id), def.id).not.toBe(def.id);
    expect(checkName('apply.results.nobody')).toBe('apply.results.nobody');
    expect(checkName('nothing')).toBe('nothing');
  });

  it('names the checks beyond the tables (SPEC §10) in both languages', () => {
    expect(checkName('text.apply.new', 'zh_CN', false)).toBe('文字所述本年新收申请数 = 表中本年新收总计');
    expect(checkName('text.suit.total')).toBe('文字所述行政诉讼数 ≠ 表中两类行政诉讼总计');
    expect(checkName('text.apply.carried_forward', 'en')).toBe(
      "Text vs tables · requests carried forward: the text's number ≠ the table's total",
    );
    expect(checkName('xyear.carried_over.total', 'zh_CN', false)).toBe('跨年度·总计：本年上年结转 = 上年报告结转下年度继续办理');
    expect(checkName('xyear.carried_over.natural', 'en')).toBe('Across years·自然人: carried over this year ≠ carried forward last year');
    expect(checkName('xyear.in_force.normative_docs')).toBe('跨年度·行政规范性文件：本年现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止');
    expect(checkName('meta.deadline', 'zh_CN', false)).toBe('按时发布');
    expect(checkName('meta.deadline')).toBe('未按时发布');
    expect(checkName('meta.deadline', 'en')).toBe('Not published on time');
    expect(checkName('meta.template', 'zh_CN', false)).toBe('表格格式与年度相符');
    expect(checkName('meta.template', 'en', false)).toBe('Table format fits the year');
    for (const id of ['text.apply.carried_over', 'text.apply.result.total', 'text.review.total']) {
      expect(checkName(id)).toMatch(/^文字所述.+数 ≠ 表中.+总计$/);
      expect(checkName(id, 'en')).toMatch(/^Text vs tables · [a-z ]+: /);
    }
  });

  it('gives a later id of a known family its family name, never a bare id', () => {
    expect(checkName('text.active.fees')).toBe('文字与表格：active.fees');
    expect(checkName('xyear.fees.amount', 'en')).toBe('Across years: fees.amount');
    expect(checkName('meta.source')).toBe('发布与格式：source');
    expect(checkName('xyear.carried_over.nobody')).toBe('跨年度·nobody：本年上年结转 ≠ 上年报告结转下年度继续办理');
  });
});

describe('describeCheck', () => {
  it('puts the total first and factors a row check by its row', () => {
    const c = check({ lhsKeys: ['apply.new.natural', 'apply.new.commercial'], rhsKeys: ['apply.new.total'], lhs: 3, rhs: 5, diff: -2 });
    const text = describeCheck(c);
    expect(text.equation).toBe('一、本年新收政府信息公开申请数量 总计 = 自然人 + 商业企业');
    expect(text.values).toContain('5');
    expect(text.values).toContain('3');
  });

  it('factors the balance by its column, in either language', () => {
    const c = check({
      lhsKeys: ['apply.new.total', 'apply.carried_over.total'],
      rhsKeys: ['apply.result.total.total', 'apply.carried_forward.total'],
    });
    const zh = describeCheck(c, OVERLAY_TEXT.zh_CN);
    expect(zh.equation).toBe(
      '总计：一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = （七）总计 + 四、结转下年度继续办理',
    );
    expect(describeCheck(c, OVERLAY_TEXT.en).equation).toBe(zh.equation);
    expect(describeCheck(c, OVERLAY_TEXT.en).values).not.toBe(zh.values);
  });
});

describe('describeCheck beyond the tables', () => {
  it('the overlay shows a text.* or meta.* check by what it read (its evidence), with both sides', () => {
    const c = check({ id: 'text.apply.new', lhs: 120, rhs: 118, diff: 2, rhsKeys: ['apply.new.total'], evidence: '本年新收申请120件。' });
    expect(describeCheck(c)).toEqual({ equation: '本年新收申请120件。', values: '左边 120 · 右边 118 · 差 2' });
    const late = check({
      id: 'meta.deadline',
      lhs: 12,
      rhs: 0,
      diff: 12,
      evidence: '发布于2022-02-12，部门报告应于2022-01-31前发布，逾期12天',
    });
    expect(describeCheck(late).equation).toBe('发布于2022-02-12，部门报告应于2022-01-31前发布，逾期12天');
    expect(describeCheck(check({ id: 'meta.template' })).equation).toBe('meta.template');
  });

  it('the extension pages spell them in words (describeAnyCheck)', () => {
    const c = check({ id: 'text.apply.new', lhs: 120, rhs: 118, diff: 2, rhsKeys: ['apply.new.total'], evidence: '本年新收申请120件。' });
    expect(describeAnyCheck(c)).toEqual({ equation: '文字所述本年新收申请数 = 表中本年新收总计', values: '左边 120 · 右边 118 · 差 2' });
    expect(describeAnyCheck(check({ id: 'text.apply.unknown', rhsKeys: ['review.total'] })).equation).toBe(
      '文字所述 = 表中行政复议 · 总计',
    );
    expect(describeAnyCheck(check({ id: 'meta.deadline', lhs: 12, rhs: 0, diff: 12 })).equation).toBe('按时发布');
    expect(describeAnyCheck(check({ id: 'meta.template' })).equation).toBe('表格格式与年度相符');
  });

  it('leaves xyear.* to describeAnyCheck (made in the background, never shown by the overlay)', () => {
    const c = check({ id: 'xyear.carried_over.total', lhs: 3, rhs: 5, diff: -2, ref: 'r000002' });
    expect(describeAnyCheck(c).equation).toBe('总计：本年上年结转 = 上年报告结转下年度继续办理');
    expect(describeAnyCheck(check({ id: 'xyear.in_force.regulations' })).equation).toBe(
      '规章：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
    );
    expect(describeAnyCheck(check({ id: 'xyear.other' })).equation).toBe('本年 = 上年：other');
    const table = check({ lhsKeys: ['review.upheld'], rhsKeys: ['review.total'] });
    expect(describeAnyCheck(table)).toEqual(describeCheck(table));
  });
});

describe('translator', () => {
  it('knows its language and fills placeholders', () => {
    const t = translator('en');
    expect(t.lang).toBe('en');
    expect(translator('zh_CN')('savedReports', { count: 3 })).toBe('已保存的年报：3 份');
  });
});

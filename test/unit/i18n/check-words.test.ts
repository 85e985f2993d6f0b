/**
 * A check in words: one renderer for the overlay, popup, history and exports (issue 9 §2, §7) — its name
 * from the id alone, its equation from its keys, in the UI's language.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../lib/core/checks';
import type { Check } from '../../../lib/core/record';
import { checkName, describeCheck } from '../../../lib/i18n/check-words';
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
    expect(checkName('xyear.carried_over.total')).toBe('xyear.carried_over.total');
    expect(checkName('apply.results.nobody')).toBe('apply.results.nobody');
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

describe('translator', () => {
  it('knows its language and fills placeholders', () => {
    const t = translator('en');
    expect(t.lang).toBe('en');
    expect(translator('zh_CN')('savedReports', { count: 3 })).toBe('已保存的年报：3 份');
  });
});

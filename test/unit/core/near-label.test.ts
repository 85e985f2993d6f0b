import { describe, expect, it } from 'vitest';
import { expectedAfter, labelSimilarity, NEAR, nearRow } from '../../../lib/core/near-label';
import { normalizeLabel } from '../../../lib/core/text';

const path = (...labels: string[]) => labels.map(normalizeLabel);
const WITHHELD = '（三）不予公开';

describe('labelSimilarity (2·LCS / total length)', () => {
  it('is 1 for the same label and 0 for nothing in common', () => {
    expect(labelSimilarity('重复申请', '重复申请')).toBe(1);
    expect(labelSimilarity('重复申请', '国家秘密')).toBe(0);
    expect(labelSimilarity('', '国家秘密')).toBe(0);
  });
  it('scores dropped, swapped and mistyped characters above the threshold', () => {
    expect(labelSimilarity('其他法律行政止公开', '其他法律行政法规禁止公开')).toBeGreaterThanOrEqual(NEAR);
    expect(labelSimilarity('属于四类性过程信息', '属于四类过程性信息')).toBeGreaterThanOrEqual(NEAR);
    expect(labelSimilarity('补证后申请内容仍不明却', '补正后申请内容仍不明确')).toBeGreaterThanOrEqual(NEAR);
  });
  it('scores a different row’s wording below it', () => {
    expect(labelSimilarity('信访举报投诉类申请', '其他法律行政法规禁止公开')).toBeLessThan(NEAR);
    expect(labelSimilarity('属于三类内部事务信息', '属于四类过程性信息')).toBeLessThan(NEAR);
  });
});

describe('expectedAfter', () => {
  it('names the template row after the previous one, in both editions', () => {
    expect(expectedAfter(undefined).map((r) => r.key)).toEqual(['new']);
    expect(expectedAfter('result.withheld.state_secret').map((r) => r.key)).toEqual(['result.withheld.law_prohibited']);
    expect(expectedAfter('result.rejected.reconfirm').map((r) => r.key)).toEqual(['result.other', 'result.other.overdue_correction']);
    expect(expectedAfter('carried_forward')).toEqual([]);
  });
});

describe('nearRow: a damaged label read by position and wording together', () => {
  it('reads a label with dropped characters as the row expected at its position', () => {
    expect(nearRow(path('三、本年度办理结果', WITHHELD, '2.其他法律行政止公开'), 'result.withheld.state_secret')).toBe(
      'result.withheld.law_prohibited',
    );
  });
  it('reads swapped characters and OCR-like typos', () => {
    expect(nearRow(path(WITHHELD, '6.属于四类性过程信息'), 'result.withheld.internal_affairs')).toBe('result.withheld.process_info');
    expect(nearRow(path('（四）无法提供', '3.补证后申请内容仍不明却'), 'result.unavailable.needs_creation')).toBe(
      'result.unavailable.unclear',
    );
    expect(nearRow(path('二、上年结转政府信息公开申请数'), 'new')).toBe('carried_over');
  });
  it('not at another position: the same damaged label after a different row stays unmapped', () => {
    expect(nearRow(path(WITHHELD, '2.其他法律行政止公开'), 'result.withheld.third_party')).toBeUndefined();
    expect(nearRow(path(WITHHELD, '2.其他法律行政止公开'), undefined)).toBeUndefined();
  });
  it('not when the printed ordinal is another row’s', () => {
    expect(nearRow(path(WITHHELD, '3.其他法律行政止公开'), 'result.withheld.state_secret')).toBeUndefined();
  });
  it('not when the label is about as close to a neighbouring row’s label', () => {
    // 属于行政执法事项: half 7.属于行政执法案卷, half 8.属于行政查询事项
    expect(nearRow(path(WITHHELD, '8.属于行政执法事项'), 'result.withheld.enforcement_file')).toBeUndefined();
  });
  it('not when the wording is too far from the expected label', () => {
    expect(nearRow(path(WITHHELD, '2.依法不予公开的其他情形'), 'result.withheld.state_secret')).toBeUndefined();
  });
  it('not under another group', () => {
    expect(nearRow(path('（五）不予处理', '2.其他法律行政止公开'), 'result.withheld.state_secret')).toBeUndefined();
  });
  it('not for labels too short to carry wording', () => {
    expect(nearRow(path('（六）其他处理', '3.其'), 'result.other.overdue_fee')).toBeUndefined();
  });
});

describe('nearRow: labels printed without their bracketed gloss', () => {
  it('compares with the head of a label before its gloss too', () => {
    expect(nearRow(path('（二）部分分开'), 'result.disclosed')).toBe('result.partial');
  });
  it('a damaged 2019 （六）其他处理 row', () => {
    expect(nearRow(path('（六）其他处里'), 'result.rejected.reconfirm')).toBe('result.other');
  });
});

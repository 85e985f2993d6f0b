// @vitest-environment happy-dom
/**
 * The detail view of one report (issue 12 item 4): its earlier versions with what changed (key / label /
 * old → new), the changed-after-first-seen flag, and the checks grouped by family with a text check's
 * sentence and a cross-year check's link to the report it compared with.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { I18n } from '../../../components/i18n-context';
import { ReportDetail } from '../../../components/report-detail';
import { translator } from '../../../lib/i18n/ui';
import type { Check, ReportRecord } from '../../../lib/core/record';
import { makeRecord } from '../../support/records';

const beyond: Check[] = [
  {
    id: 'text.apply.new',
    status: 'fail',
    lhs: 120,
    rhs: 118,
    diff: 2,
    lhsKeys: [],
    rhsKeys: ['apply.new.total'],
    evidence: '本年度共新收政府信息公开申请120件。',
  },
  {
    id: 'xyear.carried_over.total',
    status: 'pass',
    lhs: 3,
    rhs: 3,
    diff: 0,
    lhsKeys: ['apply.carried_over.total'],
    rhsKeys: [],
    ref: 'r000009',
  },
  { id: 'meta.deadline', status: 'fail', lhs: 12, rhs: 0, diff: 12, lhsKeys: [], rhsKeys: [], evidence: '发布时间：2022-04-12' },
];

const record = makeRecord({
  n: 1,
  publishedAt: '2022-04-12',
  changedAfterFirstSeen: true,
  versions: [
    {
      contentHash: 'aaaabbbbccccdddd',
      savedAt: '2022-04-13T02:00:00.000Z',
      changed: [
        { key: 'apply.new.total', old: 15, new: 13 },
        { key: 'review.total', old: null, new: 4 },
      ],
    },
    { contentHash: 'eeeeffff00001111', savedAt: '2022-05-01T02:00:00.000Z', changed: [] },
  ],
  checks: [...makeRecord().checks, ...beyond],
});

function draw(r: ReportRecord, lang: 'zh_CN' | 'en' = 'zh_CN', onOpenReport = vi.fn()) {
  const host = document.createElement('div');
  render(
    <I18n.Provider value={translator(lang)}>
      <ReportDetail record={r} onClose={() => {}} onOpenReport={onOpenReport} />
    </I18n.Provider>,
    host,
  );
  return { host, onOpenReport };
}

describe('<ReportDetail> versions', () => {
  it('lists each earlier version with its saved time, short hash and changed values', () => {
    const { host } = draw(record);
    const section = host.querySelector('[data-testid="report-versions"]')!;
    expect(section.querySelector('h3')?.textContent).toBe('版本');
    expect(section.querySelector('[data-testid="changed-flag"]')?.textContent).toContain('首次保存后内容有变');
    const versions = [...section.querySelectorAll<HTMLElement>('[data-testid="report-version"]')];
    expect(versions.map((v) => v.dataset.hash)).toEqual(['aaaabbbbccccdddd', 'eeeeffff00001111']);
    expect(versions[0].querySelector('h4')?.textContent).toMatch(/^第 1 版 · 保存于 .+ · 内容摘要 aaaabbbb$/);
    const changes = [...versions[0].querySelectorAll('[data-testid="version-change"]')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(changes).toEqual([
      ['apply.new.total', '一、本年新收政府信息公开申请数量 · 总计', '15 → 13'],
      ['review.total', '行政复议 · 总计', '— → 4'],
    ]);
    expect(versions[1].textContent).toContain('数值未变');
    expect(host.querySelector('[data-testid="published-at"]')?.textContent).toBe('2022-04-12');
  });

  it('shows nothing of versions for a record that never changed', () => {
    const { host } = draw(makeRecord());
    expect(host.querySelector('[data-testid="report-versions"]')).toBeNull();
    expect(host.textContent).not.toContain('首次保存后内容有变');
  });

  it('speaks English too', () => {
    const { host } = draw(record, 'en');
    expect(host.querySelector('[data-testid="report-versions"] h3')?.textContent).toBe('Versions');
    expect(host.querySelector('[data-testid="report-version"] h4')?.textContent).toMatch(/^Version 1 · saved .+ · content hash aaaabbbb$/);
  });
});

describe('<ReportDetail> checks by family', () => {
  it('groups the checks under their family, with the sentence read and a link to the compared report', () => {
    const { host, onOpenReport } = draw(record);
    const groups = [...host.querySelectorAll<HTMLElement>('[data-testid="check-table"] tbody')];
    expect(groups.map((g) => g.dataset.family)).toEqual(['table', 'text', 'xyear', 'meta']);
    expect(groups.map((g) => g.querySelector('.family-head th')?.textContent)).toEqual(['表内勾稽', '文字与表格', '跨年度', '发布与格式']);
    // each family names its two sides: the text and the table, this year and last year
    expect([...groups[1].querySelectorAll('.family-head th.num')].map((th) => th.textContent)).toEqual(['文字所述', '表中', '差额']);
    expect([...groups[2].querySelectorAll('.family-head th.num')].map((th) => th.textContent)).toEqual(['本年', '上年', '差额']);
    const text = host.querySelector('[data-check="text.apply.new"]')!;
    expect(text.querySelector('.check-name')?.textContent).toBe('文字所述本年新收申请数 ≠ 表中本年新收总计');
    expect(text.querySelector('[data-testid="check-evidence"]')?.textContent).toBe('原文：本年度共新收政府信息公开申请120件。');
    expect([...text.querySelectorAll('td.num')].map((td) => td.textContent)).toEqual(['120', '118', '2']);
    const xyear = host.querySelector('[data-check="xyear.carried_over.total"]')!;
    expect(xyear.querySelector('.check-eq')?.textContent).toBe('总计：本年上年结转 = 上年报告结转下年度继续办理');
    xyear.querySelector<HTMLElement>('[data-testid="check-ref"]')!.click();
    expect(onOpenReport).toHaveBeenCalledWith('r000009');
    const deadline = host.querySelector('[data-check="meta.deadline"]')!;
    expect(deadline.querySelector('.check-name')?.textContent).toBe('未按时发布');
    expect(deadline.querySelector('.check-reason')?.textContent).toBe('逾期 12 天');
    // an equation that says no more than the name is not repeated
    expect(deadline.querySelector('.check-eq')).toBeNull();
    expect(text.querySelector('.check-eq')).toBeNull();
  });

  it('keeps one plain table (no family headings) for a report with table identities only', () => {
    const { host } = draw(makeRecord());
    expect(host.querySelectorAll('[data-testid="check-table"] tbody')).toHaveLength(1);
    expect(host.querySelector('.family-head')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { CHECKS, evaluate } from '../../../lib/core/checks';
import { buildGrid } from '../../../lib/core/grid';
import { APPLY_ROWS } from '../../../lib/core/keys';
import { mapApply, WIDTH_NOTE, type ApplyState } from '../../../lib/core/map-apply';
import { inlineHidden } from '../../../lib/core/scan';
import { Sink } from '../../../lib/core/sink';

const HEADER =
  '<tr><td rowspan="3" colspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>' +
  '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>' +
  '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>';

/**
 * A 2021 section 三 table, one row per template row (group label in its own column), every row
 * reading 1 自然人 = 1 总计 except （七）总计 (21 leaves), 一 (22 = 21 + 1 结转) and 二 (0); `labels` overrides printed labels.
 */
function table(labels: Record<string, string | null> = {}): string {
  const rows = APPLY_ROWS['2021'].map((row) => {
    const own = row.key in labels ? labels[row.key] : row.label;
    if (own === null) return '';
    const n = row.key === 'result.total' ? 21 : row.key === 'carried_over' ? 0 : row.key === 'new' ? 22 : 1;
    const values = [n, 0, 0, 0, 0, 0, n].map((v) => `<td>${v}</td>`).join('');
    return `<tr><td>${row.group ?? ''}</td><td>${own}</td>${values}</tr>`;
  });
  return `<table>${HEADER}${rows.join('')}</table>`;
}

function read(html: string) {
  const doc = parseHtml(`<html><body>${html}</body></html>`);
  const sink = new Sink();
  const state: ApplyState = {};
  doc.querySelectorAll('table').forEach((t, i) => mapApply(buildGrid(t, inlineHidden), i, sink, state));
  return { sink, state, checks: evaluate(CHECKS['2021'], sink.values) };
}

const status = (checks: ReturnType<typeof read>['checks'], id: string) => checks.find((c) => c.id === id)?.status;

describe('mapApply: damaged row labels', () => {
  it('the intact template maps every row and every check passes', () => {
    const { sink, checks, state } = read(table());
    expect(sink.unmapped).toEqual([]);
    expect(checks.filter((c) => c.id.startsWith('apply.') && c.status !== 'pass')).toEqual([]);
    expect(state.notes).toBeUndefined();
  });

  it('reads a damaged label by position and wording, names the printed label, and the 办理结果 checks run', () => {
    const { sink, checks, state } = read(table({ 'result.withheld.law_prohibited': '2.其他法律行政止公开' }));
    expect(sink.unmapped).toEqual([]);
    expect(sink.values['apply.result.withheld.law_prohibited.total']).toBe(1);
    expect(state.notes).toEqual(['按位置读取：印作“2.其他法律行政止公开”']);
    expect(status(checks, 'apply.results.total')).toBe('pass');
  });

  it('stray spaces are no damage: normalisation reads them, without a note', () => {
    const { sink, state } = read(table({ 'result.rejected.duplicate': '2.重 复　申请' }));
    expect(sink.values['apply.result.rejected.duplicate.total']).toBe(1);
    expect(state.notes).toBeUndefined();
  });

  it('a doubtful label stays unmapped and the checks needing its row skip', () => {
    const { sink, checks, state } = read(table({ 'result.withheld.query_matter': '8.属于行政执法事项' }));
    expect(sink.unmapped.map((u) => u.text)).toEqual(['(三)不予公开 8.属于行政执法事项']);
    expect(sink.has('apply.result.withheld.query_matter.total')).toBe(false);
    expect(state.notes).toBeUndefined();
    expect(status(checks, 'apply.results.total')).toBe('skip');
  });

  it('not when the next row is not the template’s next row (the position does not fit)', () => {
    const { sink } = read(table({ 'result.withheld.law_prohibited': '2.其他法律行政止公开', 'result.withheld.security_stability': null }));
    expect(sink.unmapped.map((u) => u.text)).toEqual(['(三)不予公开 2.其他法律行政止公开']);
  });

  it('not when the row above did not map: two damaged rows in a row both stay unmapped', () => {
    const { sink } = read(
      table({ 'result.withheld.law_prohibited': '2.其他法律行政止公开', 'result.withheld.security_stability': '3.危及“三安全稳定”' }),
    );
    expect(sink.unmapped).toHaveLength(2);
  });

  it('not under the wrong group label', () => {
    const html = table({ 'result.withheld.law_prohibited': '2.其他法律行政止公开' }).replace(
      '<td>（三）不予公开</td><td>2.其他法律行政止公开',
      '<td>（五）不予处理</td><td>2.其他法律行政止公开',
    );
    expect(read(html).sink.unmapped).toHaveLength(1);
  });
});

describe('mapApply: the （六） shape', () => {
  it('three sub-rows are the 2021 signal', () => {
    expect(read(table()).state).toMatchObject({ edition: '2021', subRows: true });
  });
});

describe('mapApply: header and body widths that disagree', () => {
  const HEAD3 = HEADER.replace('rowspan="3" colspan="2"', 'rowspan="3" colspan="3"');
  const row = (label: string, span: number, values: (number | string)[]) =>
    `<tr><td colspan="${span}">${label}</td>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;

  it('a body label one column narrower than the header’s label block: the seven values read in order, with a note', () => {
    const { sink, state } = read(`<table>${HEAD3}${row('一、本年新收政府信息公开申请数量', 2, [5, 1, 0, 0, 0, 0, 6])}</table>`);
    expect(sink.values['apply.new.natural']).toBe(5);
    expect(sink.values['apply.new.total']).toBe(6);
    expect(sink.unmapped).toEqual([]);
    expect(state.notes).toEqual([WIDTH_NOTE]);
  });

  it('a body label one column wider: the same', () => {
    const { sink } = read(`<table>${HEAD3}${row('二、上年结转政府信息公开申请数量', 4, [1, 0, 0, 0, 0, 2, 3])}</table>`);
    expect(sink.values['apply.carried_over.other']).toBe(2);
    expect(sink.values['apply.carried_over.total']).toBe(3);
  });

  it('a row one value short stays short (null), never re-aligned', () => {
    const { sink, state } = read(`<table>${HEAD3}${row('（七）总计', 3, [0, 0, 0, 0, 0, 0])}</table>`);
    expect(sink.values['apply.result.total.total']).toBeNull();
    expect(state.notes).toBeUndefined();
  });
});

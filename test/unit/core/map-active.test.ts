import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { buildGrid } from '../../../lib/core/grid';
import { mapActive, WIDTH_NOTE, type ActiveState } from '../../../lib/core/map-active';
import { inlineHidden } from '../../../lib/core/scan';
import { Sink } from '../../../lib/core/sink';

function read(rows: string) {
  const doc = parseHtml(`<html><body><table>${rows}</table></body></html>`);
  const sink = new Sink();
  const state: ActiveState = {};
  mapActive(buildGrid(doc.querySelector('table')!, inlineHidden), 0, sink, state);
  return { sink, state };
}

const DOCS_HEADER_COLSPAN = '<tr><td>信息内容</td><td>本年新制作数量</td><td colspan="2">本年新公开数量</td><td>对外公开总数量</td></tr>';

describe('mapActive: header and body widths that disagree', () => {
  it('a header colspan over one label, body one cell per column: values matched to the labels in order, with a note', () => {
    const { sink, state } = read(
      `${DOCS_HEADER_COLSPAN}<tr><td>规章</td><td>12</td><td>12</td><td>524</td></tr><tr><td>规范性文件</td><td>35</td><td>35</td><td>368</td></tr>`,
    );
    expect(sink.values).toMatchObject({
      'active.regulations.made': 12,
      'active.regulations.published': 12,
      'active.regulations.total': 524,
      'active.normative_docs.total': 368,
    });
    expect(sink.unmapped).toEqual([]);
    expect(state.notes).toEqual([WIDTH_NOTE]);
  });

  it('the same under 第二十条第（九）项: 采购总金额 is not lost', () => {
    const { sink } = read(
      '<tr><td>信息内容</td><td colspan="2">采购项目数量</td><td>采购总金额</td></tr><tr><td>政府集中采购</td><td>56</td><td>2231.4</td></tr>',
    );
    expect(sink.values).toMatchObject({ 'active.procurement.items': 56, 'active.procurement.amount': 2231.4 });
  });

  it('body cells that line up with the header by grid position are read by position, without a note', () => {
    const { sink, state } = read(`${DOCS_HEADER_COLSPAN}<tr><td>规章</td><td>1</td><td colspan="2">2</td><td>3</td></tr>`);
    expect(sink.values).toMatchObject({ 'active.regulations.made': 1, 'active.regulations.published': 2, 'active.regulations.total': 3 });
    expect(state.notes).toBeUndefined();
  });

  it('a body colspan under a different header cell still maps by its first grid column', () => {
    const { sink, state } = read(
      '<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr><tr><td>行政许可</td><td colspan="2">38</td><td>-1</td><td>2391</td></tr>',
    );
    expect(sink.values).toMatchObject({
      'active.licensing.prev_items': 38,
      'active.licensing.change': -1,
      'active.licensing.decisions': 2391,
    });
    expect(state.notes).toBeUndefined();
  });

  it('not in order when the counts differ: a row with fewer cells than labels keeps the position rule', () => {
    const { sink, state } = read(`${DOCS_HEADER_COLSPAN}<tr><td>规章</td><td>12</td><td>12</td></tr>`);
    expect(sink.values).toMatchObject({ 'active.regulations.made': 12, 'active.regulations.published': 12 });
    expect(sink.has('active.regulations.total')).toBe(false);
    expect(state.notes).toBeUndefined();
  });
});

describe('mapActive: the edition of the section 二 columns', () => {
  it('is the edition most of its edition-specific column labels belong to', () => {
    expect(read('<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>').state.edition).toBe('2021');
    expect(read(DOCS_HEADER_COLSPAN).state.edition).toBe('2019');
    // one stray 2019 word among 2021 columns does not turn the table
    expect(read('<tr><td>信息内容</td><td>本年新制作数量</td><td>本年废止件数</td><td>现行有效件数</td></tr>').state.edition).toBe('2021');
  });
});

describe('mapActive: damaged item labels', () => {
  const HEAD = '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>';
  const item = (label: string, ...v: number[]) => `<tr><td>${label}</td>${v.map((x) => `<td>${x}</td>`).join('')}</tr>`;
  const DECISIONS = '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>';

  it('reads a damaged label by position and wording when the next item row is the template’s next, with a note', () => {
    const { sink, state } = read(`${HEAD}${item('规章', 0, 0, 0)}${item('行政规范文件', 2, 0, 9)}${DECISIONS}${item('行政许可', 1536)}`);
    expect(sink.values).toMatchObject({
      'active.normative_docs.issued': 2,
      'active.normative_docs.in_force': 9,
      'active.licensing.decisions': 1536,
    });
    expect(sink.unmapped).toEqual([]);
    expect(state.notes).toEqual(['按位置读取：印作“行政规范文件”']);
  });

  it('the last item of an edition needs no next row', () => {
    const { sink } = read(
      `<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>${item('行政强制', 0)}${item('行政事业收费', 12.86)}`,
    );
    expect(sink.values['active.fees.amount']).toBe(12.86);
  });

  it('not when the next item row is not the template’s next (the position does not fit)', () => {
    const { sink } = read(`${HEAD}${item('行政规范性文件', 1, 0, 3)}${DECISIONS}${item('行政许肯', 5)}${item('行政强制', 0)}`);
    expect(sink.has('active.licensing.decisions')).toBe(false);
    expect(sink.unmapped.map((u) => u.text)).toEqual(['行政许肯']);
  });

  it('not when the label is about as close to a neighbouring item’s label', () => {
    const { sink } = read(`${HEAD}${item('行政规范性文件', 1, 0, 3)}${DECISIONS}${item('行政处可', 5)}${item('行政处罚', 2)}`);
    expect(sink.unmapped.map((u) => u.text)).toEqual(['行政处可']);
  });

  it('not after a row that could not be read', () => {
    const { sink } = read(
      `${HEAD}${item('规章', 0, 0, 0)}${item('其他主动公开文件', 7, 0, 7)}${item('行政规范文件', 2, 0, 9)}${DECISIONS}${item('行政许可', 1)}`,
    );
    expect(sink.unmapped.map((u) => u.text)).toEqual(['其他主动公开文件', '行政规范文件']);
  });
});

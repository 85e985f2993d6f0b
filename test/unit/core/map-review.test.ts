import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { buildGrid } from '../../../lib/core/grid';
import { mapReview, REVIEW_WIDTH_NOTE, type ReviewState } from '../../../lib/core/map-review';
import { inlineHidden } from '../../../lib/core/scan';
import { Sink } from '../../../lib/core/sink';

/** Section 四: position reading, and header/body widths that disagree (issue 8 §4). */

function read(rows: string) {
  const doc = parseHtml(`<html><body><table>${rows}</table></body></html>`);
  const sink = new Sink();
  const state: ReviewState = {};
  mapReview(buildGrid(doc.querySelector('table')!, inlineHidden), 0, sink, state);
  return { sink, state };
}

const COLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const td = (t: string | number, span = 1) => `<td${span > 1 ? ` colspan="${span}"` : ''}>${t}</td>`;
/** the national header; `wide` gives 行政复议's 结果维持 two columns (a Word export's stray colspan) */
function header(wide = false): string {
  return (
    `<tr>${td('行政复议', wide ? 6 : 5)}${td('行政诉讼', 10)}</tr>` +
    `<tr>${COLS.map((c, i) => (i === 0 ? td(c, wide ? 2 : 1) : td(c)))
      .join('')
      .replace(/<td>/g, '<td rowspan="2">')
      .replace(/<td colspan="2">/, '<td rowspan="2" colspan="2">')}${td('未经复议直接起诉', 5)}${td('复议后起诉', 5)}</tr>` +
    `<tr>${[...COLS, ...COLS].map((c) => td(c)).join('')}</tr>`
  );
}
const VALUES = [1, 2, 0, 1, 4, 3, 1, 0, 0, 4, 0, 1, 0, 0, 1];
const dataRow = `<tr>${VALUES.map((v) => td(v)).join('')}</tr>`;

describe('mapReview', () => {
  it('reads the fifteen values by position under the national header, without a note', () => {
    const { sink, state } = read(header() + dataRow);
    expect(sink.values).toMatchObject({
      'review.upheld': 1,
      'review.total': 4,
      'suit.direct.upheld': 3,
      'suit.direct.total': 4,
      'suit.after_review.total': 1,
    });
    expect(state.notes).toBeUndefined();
  });

  it('a header label spanning two columns over one body cell: the fifteen values in order, with a note', () => {
    const { sink, state } = read(header(true) + dataRow);
    expect(sink.values).toMatchObject({
      'review.upheld': 1,
      'review.corrected': 2,
      'review.other': 0,
      'review.pending': 1,
      'review.total': 4,
      'suit.direct.upheld': 3,
      'suit.direct.total': 4,
      'suit.after_review.corrected': 1,
      'suit.after_review.total': 1,
    });
    expect(state.notes).toEqual([REVIEW_WIDTH_NOTE]);
  });

  it('a row with another count of cells keeps the position reading (never guessed in order)', () => {
    const short = `<tr>${VALUES.slice(0, 14)
      .map((v) => td(v))
      .join('')}</tr>`;
    const { sink, state } = read(header(true) + short);
    expect(state.notes).toBeUndefined();
    expect(sink.values['review.corrected']).not.toBe(2);
  });
});

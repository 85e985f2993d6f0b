/**
 * The table grid from ruling lines (lib/files/pdf-grid.ts) and the geometry it is fed with
 * (lib/files/pdf-geometry.ts), on hand-made shapes: spans from missing borders, an empty cell that stays in
 * its column, wrapped labels joined, a line of runs cut at cell borders, and a table stitched across a page
 * break with its repeated header dropped (lib/files/pdf-layout.ts).
 */
import { describe, expect, it } from 'vitest';
import { rulesOfPage, textOfPage, type Rule, type TextBit } from '../../../lib/files/pdf-geometry';
import { joinRuns, splitAcross } from '../../../lib/files/pdf-cells';
import { buildTable, tableShapes } from '../../../lib/files/pdf-grid';
import { layoutHtml, stitch, toLines } from '../../../lib/files/pdf-layout';

const h = (y: number, x0: number, x1: number, page = 0): Rule => ({ x0, x1, y0: y - 0.4, y1: y + 0.4, page });
const v = (x: number, y0: number, y1: number, page = 0): Rule => ({ x0: x - 0.4, x1: x + 0.4, y0, y1, page });
const bit = (str: string, x: number, y: number, page = 0, size = 10): TextBit => ({
  str,
  x,
  y,
  w: [...str].length * size * (/^\d+$/.test(str) ? 0.55 : 1),
  size,
  page,
});

/**
 * A 3-column table at y 100..160, rows 20 high: row 0 a header whose first cell spans two rows (rowspan) and
 * whose second cell spans two columns (colspan); rows 1–2 data.
 *   | 信息内容 (rs2) | 数量 (cs2)        |
 *   |                | 本年  | 上年      |
 *   | 规章           | 3     | (empty)   |
 */
function sample(top = 100, page = 0): { rules: Rule[]; bits: TextBit[] } {
  const y = [top, top + 20, top + 40, top + 60];
  const rules = [
    h(y[0], 0, 300, page),
    h(y[1], 100, 300, page), // no border under 信息内容: rowspan
    h(y[2], 0, 300, page),
    h(y[3], 0, 300, page),
    v(0, y[0], y[3], page),
    v(100, y[0], y[3], page),
    v(200, y[1], y[3], page), // no border inside 数量: colspan
    v(300, y[0], y[3], page),
  ];
  const bits = [
    bit('信息内容', 10, top + 25, page),
    bit('数量', 180, top + 14, page),
    bit('本年', 130, top + 34, page),
    bit('上年', 230, top + 34, page),
    bit('规章', 10, top + 54, page),
    bit('3', 140, top + 54, page),
  ];
  return { rules, bits };
}

describe('buildTable', () => {
  it('gives rowspan and colspan where a border is missing, and keeps an empty cell in its own column', () => {
    const { rules, bits } = sample();
    const [shape] = tableShapes(rules);
    const { table, used } = buildTable(shape, bits);
    expect(table.rows.map((r) => r.map((c) => [c.text, c.rowspan, c.colspan]))).toEqual([
      [
        ['信息内容', 2, 1],
        ['数量', 1, 2],
      ],
      [
        ['本年', 1, 1],
        ['上年', 1, 1],
      ],
      [
        ['规章', 1, 1],
        ['3', 1, 1],
        ['', 1, 1],
      ],
    ]);
    expect(used.size).toBe(bits.length);
  });

  it('tells apart two tables printed one right under the other when their columns do not line up', () => {
    const a = sample(100); // columns at 0 | 100 | 200 | 300, bottom at 160
    const below = [h(160, 0, 300), h(180, 0, 300), v(0, 160, 180), v(150, 160, 180), v(260, 160, 180), v(300, 160, 180)];
    expect(tableShapes([...a.rules, ...below]).map((s) => [s.top, s.bottom])).toEqual([
      [99.6, 160.4],
      [159.6, 180.4],
    ]);
    const aligned = [h(160, 0, 300), h(180, 0, 300), v(0, 160, 180), v(100, 160, 180), v(200, 160, 180), v(300, 160, 180)];
    expect(tableShapes([...a.rules, ...aligned])).toHaveLength(1);
  });

  it('ignores lone lines (a rule under a heading is no table)', () => {
    expect(tableShapes([h(50, 0, 300), h(400, 0, 300)])).toEqual([]);
  });
});

describe('cell text', () => {
  it('joins a label wrapped over two lines without a space, and Latin words with one', () => {
    expect(joinRuns([bit('（二）部分公开（区分处理的，只计这一情形，', 0, 10), bit('不计其他情形）', 0, 24)])).toBe(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    );
    expect(joinRuns([bit('Page', 0, 10), bit('2', 45, 10)])).toBe('Page 2');
    expect(joinRuns([bit('12', 0, 10), bit('件', 11, 10)])).toBe('12件');
  });

  it('cuts a run that pdf.js merged across cell borders, one piece per cell', () => {
    const cells = [{ id: 0 }, { id: 1 }, { id: 2 }];
    const cellAt = (x: number) => cells[Math.floor(x / 100)];
    const merged: TextBit = { str: '商业企业 科研机构 其他', x: 30, y: 10, w: 230, size: 10, page: 0 };
    const pieces = splitAcross(merged, cellAt);
    expect(pieces.map((p) => [p.str, cellAt(p.x + p.w / 2)])).toEqual([
      ['商业企业', cells[0]],
      ['科研机构', cells[1]],
      ['其他', cells[2]],
    ]);
    expect(splitAcross({ ...merged, str: '本年 新收', x: 110, w: 60 }, cellAt)).toHaveLength(1);
    // no space between two cells' numbers: placed by character widths
    const tight: TextBit = { str: '1200', x: 85, y: 10, w: 30, size: 10, page: 0 };
    expect(splitAcross(tight, cellAt).map((p) => [p.str, cellAt(p.x + p.w / 2)])).toEqual([
      ['12', cells[0]],
      ['00', cells[1]],
    ]);
  });
});

describe('stitching a table across a page break', () => {
  it('joins the part on the next page to the first and drops the repeated header row', () => {
    // page 0: header + 规章 at 700..760; page 1 (top 842): the header again + 规范性文件 at 842+40..
    const first = sample(700, 0);
    const second = sample(842 + 40, 1);
    second.bits = second.bits.map((b) => (b.str === '规章' ? { ...b, str: '规范性文件' } : b.str === '3' ? { ...b, str: '5' } : b));
    const bits = [...first.bits, ...second.bits, bit('- 1 -', 140, 830, 0)];
    const shapes = stitch(tableShapes([...first.rules, ...second.rules]), bits, [0, 842, 1684]);
    expect(shapes).toHaveLength(1);
    const { table } = buildTable(shapes[0], bits);
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['信息内容', '数量'],
      ['本年', '上年'],
      ['规章', '3', ''],
      ['规范性文件', '5', ''],
    ]);
  });

  it('does not join tables of different widths or with text between them', () => {
    const first = sample(700, 0);
    const second = sample(842 + 40, 1);
    const narrow = second.rules.map((r) => ({ ...r, x1: r.x1 > 299 ? r.x1 - 50 : r.x1, x0: r.x0 > 299 ? r.x0 - 50 : r.x0 }));
    expect(stitch(tableShapes([...first.rules, ...narrow]), [], [0, 842, 1684])).toHaveLength(2);
    const prose = [bit('四、因政府信息公开工作被申请行政复议', 0, 842 + 30, 1)];
    expect(stitch(tableShapes([...first.rules, ...second.rules]), prose, [0, 842, 1684])).toHaveLength(2);
  });
});

describe('layoutHtml', () => {
  it('puts the largest type first as the title, joins wrapped prose and places the table in reading order', () => {
    const { rules, bits } = sample(300);
    const prose = [
      { ...bit('某某县人民政府2020年政府信息公开工作年度报告', 20, 40), size: 18 },
      bit('一、总体情况', 0, 100),
      bit('本年度我县认真贯彻落实条例，主动公开政府信息', 0, 130),
      bit('1234条。', 0, 144),
      bit('二、主动公开政府信息情况', 0, 280),
    ];
    // make the first prose line reach the right edge so the next one continues it
    prose[2].w = 400;
    const { html, tables } = layoutHtml([...prose, ...bits], rules, [0, 842]);
    expect(tables).toBe(1);
    expect(html).toContain('<title>某某县人民政府2020年政府信息公开工作年度报告</title>');
    expect(html).toContain('<p>本年度我县认真贯彻落实条例，主动公开政府信息1234条。</p>');
    expect(html.indexOf('二、主动公开政府信息情况')).toBeLessThan(html.indexOf('<table'));
    expect(html).toContain('<td rowspan="2">信息内容</td><td colspan="2">数量</td>');
  });

  it('groups runs into lines by baseline, left to right', () => {
    expect(toLines([bit('情况', 50, 100), bit('总体', 30, 100.5), bit('一、', 0, 100), bit('下一行', 0, 120)]).map((l) => l.text)).toEqual([
      '一、总体情况',
      '下一行',
    ]);
  });
});

describe('pdf-geometry', () => {
  const OPS = {
    save: 10,
    restore: 11,
    transform: 12,
    constructPath: 91,
    stroke: 20,
    closeStroke: 21,
    fill: 22,
    eoFill: 23,
    fillStroke: 24,
    eoFillStroke: 25,
    closeFillStroke: 26,
    closeEOFillStroke: 27,
  };
  const frame = { page: 0, transform: [1, 0, 0, -1, 0, 800], top: 0 };

  it('turns thin filled boxes and stroked segments into rules, with the CTM applied and y top-down', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [0.5, 0, 0, 0.5, 10, 20],
      [OPS.fill, [[0, 0, 0, 1, 200, 0, 1, 200, 1, 1, 0, 1, 4]], [0, 0, 200, 1]], // a 100 × 0.5 line after scaling
      [OPS.fill, [[0, 0, 0, 1, 200, 0, 1, 200, 200, 1, 0, 200, 4]], [0, 0, 200, 200]], // a big filled box: a background, not a rule
      null,
      [OPS.stroke, [[0, 100, 700, 1, 100, 600]], [100, 600, 100, 700]], // a vertical stroked segment
      [28, [[0, 0, 0, 1, 600, 0]], [0, 0, 600, 0]], // endPath (a clip): ignored
    ];
    const rules = rulesOfPage(fn, args, OPS, frame);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ x0: 10, x1: 110, y0: 800 - 20.5, y1: 780 });
    expect(rules[1]).toMatchObject({ x0: 100, x1: 100, y0: 100, y1: 200 });
  });

  it('takes each box of one fill that paints many (re re re … f, as Word writes borders)', () => {
    const boxes = [0, 0, 0, 1, 300, 0, 1, 300, 1, 1, 0, 1, 4, 0, 0, 0, 1, 1, 0, 1, 1, 100, 1, 0, 100, 4];
    const rules = rulesOfPage([OPS.constructPath], [[OPS.fill, [boxes], [0, 0, 300, 100]]], OPS, frame);
    expect(rules.map((r) => [r.x0, r.x1, r.y0, r.y1])).toEqual([
      [0, 300, 799, 800],
      [0, 1, 700, 800],
    ]);
  });

  it('keeps horizontal non-blank text runs in document space', () => {
    const items = [
      { str: '总计', transform: [12, 0, 0, 12, 50, 700], width: 24 },
      { str: ' ', transform: [12, 0, 0, 12, 80, 700], width: 3 },
      { str: '竖排', transform: [0, 12, -12, 0, 50, 600], width: 24 },
    ];
    expect(textOfPage(items, { ...frame, page: 1, top: 800 })).toEqual([{ str: '总计', x: 50, y: 900, w: 24, size: 12, page: 1 }]);
  });

  it('reads a page stored rotated (/Rotate 90) left to right, through the viewport transform', () => {
    // pdf.js's viewport transform of a 600 × 800 page with /Rotate 90: user (x, y) → shown (y, x)
    const rotated = { page: 0, transform: [0, 1, 1, 0, 0, 0], top: 0 };
    const items = [{ str: '总计', transform: [0, 12, -12, 0, 100, 50], width: 24 }];
    expect(textOfPage(items, rotated)).toEqual([{ str: '总计', x: 50, y: 100, w: 24, size: 12, page: 0 }]);
    const fn = [OPS.constructPath];
    const args = [[OPS.fill, [[0, 10, 0, 1, 10.5, 0, 1, 10.5, 300, 1, 10, 300, 4]], [10, 0, 10.5, 300]]];
    expect(rulesOfPage(fn, args, OPS, rotated)[0]).toMatchObject({ x0: 0, x1: 300, y0: 10, y1: 10.5 });
  });
});

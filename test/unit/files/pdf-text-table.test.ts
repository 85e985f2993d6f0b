/**
 * Tables without ruling lines (issue 11): header words give the columns' x-ranges, each number goes to the
 * range that holds it, an empty cell stays empty; a number astride two ranges leaves its row unread, and
 * a header that is no template's gives no table. (The borderless PDF fixtures are read end to end in
 * pdf-read.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { TextBit } from '../../../lib/files/pdf-geometry';
import { toLines } from '../../../lib/files/pdf-layout';
import { textTables } from '../../../lib/files/pdf-text-table';

const SIZE = 12;
/** A line of runs at baseline y: [x, text] pairs, each run 12 pt a character. */
const line = (y: number, ...runs: [number, string][]): TextBit[] =>
  runs.map(([x, str]) => ({ str, x, y, w: [...str].length * SIZE * (/^[\d.]+$/.test(str) ? 0.5 : 1), size: SIZE, page: 0 }));

const HEADER = line(100, [50, '信息内容'], [150, '本年制发件数'], [250, '本年废止件数'], [350, '现行有效件数']);

const rows = (bits: TextBit[]) => textTables(toLines(bits)).map((t) => t.table.rows.map((r) => r.map((c) => c.text)));

describe('textTables', () => {
  it('puts each number in the column whose header stands above it; an empty cell stays empty', () => {
    const bits = [...HEADER, ...line(120, [50, '规章'], [150, '3'], [350, '5']), ...line(140, [50, '规范性文件'], [260, '2'], [360, '7'])];
    expect(rows(bits)).toEqual([
      [
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ['规章', '3', '', '5'],
        ['规范性文件', '', '2', '7'],
      ],
    ]);
  });

  it('leaves a row out when a number sits astride two column ranges', () => {
    const bits = [
      ...HEADER,
      ...line(120, [50, '规章'], [150, '3'], [233, '4']),
      ...line(140, [50, '规范性文件'], [150, '1'], [250, '2'], [350, '3']),
    ];
    expect(rows(bits)).toEqual([
      [
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ['规范性文件', '1', '2', '3'],
      ],
    ]);
  });

  it('reads no table under a header that is no template’s', () => {
    const bits = [...line(100, [50, '项目'], [150, '数量'], [250, '金额']), ...line(120, [50, '规章'], [150, '3'], [250, '4'])];
    expect(rows(bits)).toEqual([]);
  });

  it('reads section 三 only when all seven applicant columns stand in order', () => {
    const words = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const head = (order: string[]) => line(100, ...order.map((w, i): [number, string] => [300 + i * 80, w]));
    const body = line(120, [50, '一、本年新收政府信息公开申请数量'], ...words.map((_, i): [number, string] => [300 + i * 80, String(i)]));
    expect(rows([...head(words), ...body])[0]?.[1]).toEqual(['一、本年新收政府信息公开申请数量', '0', '1', '2', '3', '4', '5', '6']);
    expect(rows([...head([...words.slice(1), words[0]]), ...body])).toEqual([]);
  });
});

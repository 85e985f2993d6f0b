import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { buildGrid, rowCells } from '../../../lib/core/grid';
import { inlineHidden } from '../../../lib/core/scan';

function grid(html: string) {
  const doc = parseHtml(`<html><body>${html}</body></html>`);
  return buildGrid(doc.querySelector('table')!, inlineHidden);
}
const text = (g: ReturnType<typeof grid>) =>
  g.slots.map((line) => Array.from({ length: g.width }, (_, c) => line[c]?.text ?? '∅').join('|'));

describe('buildGrid', () => {
  it('places cells by rowspan and colspan', () => {
    const g = grid('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>c</td><td>d</td></tr></table>');
    expect(text(g)).toEqual(['A|B|B', 'A|c|d']);
    expect(rowCells(g, 1).map((c) => c.text)).toEqual(['A', 'c', 'd']);
  });
  it('reads rows in thead, tbody and tfoot, and only the table’s own rows', () => {
    const g = grid(
      '<table><thead><tr><th>h</th><th>i</th></tr></thead><tbody><tr><td><table><tr><td>x</td></tr><tr><td>y</td></tr></table></td><td>1</td></tr></tbody></table>',
    );
    expect(g.slots).toHaveLength(2);
    expect(text(g)).toEqual(['h|i', '|1']);
    expect(g.slots[1][0]!.nested).toBe(true);
  });
  it('a short row leaves its missing slots empty (→ null values), not shifted', () => {
    const g = grid('<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>');
    expect(g.slots[1][2]).toBeUndefined();
  });
  it('skips hidden rows and cells (hidden attribute, inline display:none / visibility:hidden)', () => {
    const g = grid(
      '<table><tr hidden><td>x</td></tr><tr><td style="display: none">y</td><td>z</td><td style="visibility:hidden">w</td></tr></table>',
    );
    expect(text(g)).toEqual(['z']);
  });
  it('survives hostile spans: rowspan=0, huge colspan, negative and garbage values', () => {
    const g = grid(
      '<table><tr><td rowspan="0">a</td><td colspan="99999">b</td></tr><tr><td colspan="-3">c</td><td rowspan="x">d</td></tr></table>',
    );
    expect(g.slots[1][0]!.text).toBe('a');
    expect(g.width).toBeLessThanOrEqual(1001);
    expect(g.slots[1][1]!.text).toBe('c');
  });
});

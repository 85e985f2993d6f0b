/**
 * Tables from a PDF's geometry: ruling lines that touch form one table; their x and y positions give the grid
 * and a missing border between two grid cells joins them (colspan / rowspan), so an empty cell stays an empty
 * cell in its own column and never shifts its neighbours. Each text run goes to the cell its centre falls in;
 * runs of one cell on several lines (a wrapped label) are joined. A table that ends at the foot of a page and
 * goes on at the head of the next is stitched into one, dropping the header rows the printer repeated.
 */
import { joinRuns, splitAcross } from './pdf-cells';
import type { Rule, TextBit } from './pdf-geometry';

export interface PdfCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
}

export interface PdfTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** rows of cells, each cell listed in the row where it starts */
  rows: PdfCell[][];
}

/** A table's raw geometry before the grid is built. */
export interface TableShape {
  rules: Rule[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  firstPage: number;
  lastPage: number;
  /** y positions (document space) where a stitched part begins, after shifting */
  joins: number[];
}

const TOUCH = 2;
const SNAP = 2;

/** Groups ruling lines whose boxes touch into table shapes (union-find); a lone line is no table. */
export function tableShapes(rules: Rule[]): TableShape[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i];
      const b = rules[j];
      if (a.page !== b.page) continue;
      if (a.x0 - TOUCH <= b.x1 && b.x0 - TOUCH <= a.x1 && a.y0 - TOUCH <= b.y1 && b.y0 - TOUCH <= a.y1) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const shapes: TableShape[] = [];
  for (const g of [...groups.values()].flatMap(splitStacked)) {
    const horizontal = g.filter((r) => r.x1 - r.x0 >= r.y1 - r.y0);
    const vertical = g.filter((r) => r.x1 - r.x0 < r.y1 - r.y0);
    if (horizontal.length < 2 || vertical.length < 2) continue;
    shapes.push({
      rules: g,
      top: Math.min(...g.map((r) => r.y0)),
      bottom: Math.max(...g.map((r) => r.y1)),
      left: Math.min(...g.map((r) => r.x0)),
      right: Math.max(...g.map((r) => r.x1)),
      firstPage: g[0].page,
      lastPage: g[0].page,
      joins: [],
    });
  }
  return shapes.sort((a, b) => a.top - b.top);
}

export const isVertical = (r: Rule) => r.x1 - r.x0 < r.y1 - r.y0;

/** Column borders above and below a line belong to one table when most of them line up (or one side has none). */
export function columnsAlign(above: number[], below: number[]): boolean {
  if (!above.length || !below.length) return true;
  const matched = below.filter((x) => above.some((a) => Math.abs(a - x) <= SNAP)).length;
  return matched >= Math.min(above.length, below.length) * 0.5;
}

/**
 * Two tables printed one right under the other touch, so their rules form one group; they are told apart
 * where the column borders ending on a horizontal line from above and those starting on it below mostly do
 * not line up (a table's own rows share their column borders, a colspan aside). The shared line goes to both.
 */
function splitStacked(group: Rule[]): Rule[][] {
  const left = Math.min(...group.map((r) => r.x0)) + SNAP;
  const right = Math.max(...group.map((r) => r.x1)) - SNAP;
  const inner = group.filter((r) => isVertical(r) && r.x0 > left && r.x1 < right);
  const cx = (r: Rule) => (r.x0 + r.x1) / 2;
  const cuts = snap(group.filter((r) => !isVertical(r)).map((r) => (r.y0 + r.y1) / 2)).filter(
    (y) =>
      !columnsAlign(
        inner.filter((r) => Math.abs(r.y1 - y) <= SNAP + 1).map(cx),
        inner.filter((r) => Math.abs(r.y0 - y) <= SNAP + 1).map(cx),
      ),
  );
  if (!cuts.length) return [group];
  const bounds = [-Infinity, ...cuts, Infinity];
  return bounds.slice(1).map((bottom, i) => {
    const top = bounds[i];
    return group.filter((r) => {
      const mid = (r.y0 + r.y1) / 2;
      return mid >= top - SNAP && mid <= bottom + SNAP && (isVertical(r) ? mid > top && mid < bottom : true);
    });
  });
}

/** Sorted positions with values closer than SNAP merged (their mean). */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** The grid of one table shape, with the text runs inside it; returns the table and the runs it used. */
export function buildTable(shape: TableShape, bits: TextBit[]): { table: PdfTable; used: Set<TextBit> } {
  const horizontal = shape.rules.filter((r) => r.x1 - r.x0 >= r.y1 - r.y0);
  const vertical = shape.rules.filter((r) => r.x1 - r.x0 < r.y1 - r.y0);
  // the outer edges count even where a printer drew no border there (a part cut by a page break)
  const xs = snap([shape.left, shape.right, ...vertical.map((r) => (r.x0 + r.x1) / 2)]);
  const ys = snap([shape.top, shape.bottom, ...horizontal.map((r) => (r.y0 + r.y1) / 2)]);
  const nCols = xs.length - 1;
  const nRows = ys.length - 1;
  const vBorder = (xi: number, row: number) => {
    const mid = (ys[row] + ys[row + 1]) / 2;
    return vertical.some((r) => Math.abs((r.x0 + r.x1) / 2 - xs[xi]) <= SNAP && r.y0 <= mid && r.y1 >= mid);
  };
  const hBorder = (yi: number, col: number) => {
    const mid = (xs[col] + xs[col + 1]) / 2;
    return horizontal.some((r) => Math.abs((r.y0 + r.y1) / 2 - ys[yi]) <= SNAP && r.x0 <= mid && r.x1 >= mid);
  };
  const owner: (PdfCell | undefined)[][] = Array.from({ length: nRows }, () => new Array(nCols));
  const cells: PdfCell[] = [];
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (owner[r][c]) continue;
      let colspan = 1;
      while (c + colspan < nCols && !owner[r][c + colspan] && !vBorder(c + colspan, r)) colspan++;
      let rowspan = 1;
      const open = (rr: number) => {
        for (let k = c; k < c + colspan; k++) if (hBorder(rr, k) || owner[rr][k]) return false;
        return true;
      };
      while (r + rowspan < nRows && open(r + rowspan)) rowspan++;
      const cell: PdfCell = { row: r, col: c, rowspan, colspan, text: '' };
      for (let rr = r; rr < r + rowspan; rr++) for (let k = c; k < c + colspan; k++) owner[rr][k] = cell;
      cells.push(cell);
    }
  }
  const inside = new Map<PdfCell, TextBit[]>();
  const used = new Set<TextBit>();
  const index = (edges: number[], v: number) => edges.findIndex((e, i) => i < edges.length - 1 && v >= e && v < edges[i + 1]);
  const cellAt = (r: number, x: number) => {
    const c = index(xs, x);
    return r >= 0 && c >= 0 ? owner[r][c] : undefined;
  };
  for (const b of bits) {
    const cy = b.y - b.size * 0.35;
    if (b.x + b.w / 2 < shape.left || b.x + b.w / 2 > shape.right || cy < shape.top || cy > shape.bottom) continue;
    const r = index(ys, cy);
    for (const piece of splitAcross(b, (x) => cellAt(r, x))) {
      const cell = cellAt(r, piece.x + piece.w / 2);
      if (!cell) continue;
      inside.set(cell, [...(inside.get(cell) ?? []), piece]);
      used.add(b);
    }
  }
  for (const [cell, runs] of inside) cell.text = joinRuns(runs);
  // a rowspan cut by a page break may be drawn a little short of its rows: the stray line under it crosses
  // no other cell, and the empty strip beneath is still the spanning (or empty) cell above it
  for (const cell of [...cells].sort((a, b) => a.row - b.row)) {
    if (cell.text || !cell.row) continue;
    const above = cells.find((x) => x.col === cell.col && x.colspan === cell.colspan && x.row + x.rowspan === cell.row);
    if (!above || (above.text && above.rowspan < 2)) continue;
    const [x0, x1] = [xs[cell.col], xs[cell.col + cell.colspan]];
    const elsewhere = horizontal.some((r) => Math.abs((r.y0 + r.y1) / 2 - ys[cell.row]) <= SNAP && (r.x1 > x1 + SNAP || r.x0 < x0 - SNAP));
    if (elsewhere) continue;
    above.rowspan += cell.rowspan;
    cells.splice(cells.indexOf(cell), 1);
  }
  const rows: PdfCell[][] = Array.from({ length: nRows }, () => []);
  for (const cell of cells) rows[cell.row].push(cell);
  const table: PdfTable = { top: shape.top, bottom: shape.bottom, left: shape.left, right: shape.right, rows };
  for (const join of [...shape.joins].reverse())
    mendJoin(
      table,
      ys.findIndex((y) => Math.abs(y - join) <= SNAP),
    );
  dropEmptyRows(table);
  return { table, used };
}

/** Removes grid row `r`: cells starting there go, cells spanning over it get one row shorter. */
function removeRow(table: PdfTable, r: number): void {
  for (const row of table.rows) for (const cell of row) if (cell.row < r && cell.row + cell.rowspan > r) cell.rowspan--;
  table.rows.splice(r, 1);
  table.rows.forEach((row, i) => row.forEach((cell) => (cell.row = i)));
}

/** Rows where no cell starts (every cell there is a rowspan from above) carry nothing: they go. */
function dropEmptyRows(table: PdfTable): void {
  for (let r = table.rows.length - 1; r >= 0; r--) if (!table.rows[r].length) removeRow(table, r);
}

const rowText = (row: PdfCell[]) => row.map((c) => `${c.col}:${c.colspan}:${c.text}`).join('|');

/**
 * Mends a stitched page break at grid row `join`: the rows that repeat the table's first rows (a printed
 * `<thead>`) are dropped, so are the empty filler rows the printer left at the foot of the first part, and an
 * empty cell that opens the second part right under a spanning label cell of the same columns is the rest of
 * that cell (a rowspan cut by the break): the two become one again. An empty cell under a one-row cell is a
 * blank cell of its own and stays.
 */
function mendJoin(table: PdfTable, join: number): void {
  if (join <= 0) return;
  let k = 0;
  while (
    join + k < table.rows.length &&
    k < join &&
    table.rows[k].some((c) => c.text) &&
    rowText(table.rows[k]) === rowText(table.rows[join + k])
  )
    k++;
  for (let i = 0; i < k; i++) removeRow(table, join);
  while (join > 1 && table.rows[join - 1].length && table.rows[join - 1].every((c) => !c.text)) removeRow(table, --join);
  if (join >= table.rows.length) return;
  for (const cell of [...table.rows[join]]) {
    if (cell.text) continue;
    const above = table.rows
      .flat()
      .find((x) => x.col === cell.col && x.colspan === cell.colspan && x.row + x.rowspan === join && x.text && x.rowspan > 1);
    if (!above) continue;
    above.rowspan += cell.rowspan;
    table.rows[join].splice(table.rows[join].indexOf(cell), 1);
  }
}

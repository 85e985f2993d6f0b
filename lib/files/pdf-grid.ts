/**
 * Tables from a PDF's geometry: ruling lines that touch form one table; their x and y positions give the grid
 * and a missing border between two grid cells joins them (colspan / rowspan), so an empty cell stays an empty
 * cell in its own column and never shifts its neighbours. Each text run goes to the cell its centre falls in;
 * runs of one cell on several lines (a wrapped label) are joined. A table that ends at the foot of a page and
 * goes on at the head of the next is stitched into one, dropping the header rows the printer repeated.
 */
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

/** Text runs of one cell, in reading order: lines top to bottom, runs left to right, wrapped lines joined. */
export function joinRuns(bits: TextBit[]): string {
  const sorted = [...bits].sort((a, b) => a.y - b.y || a.x - b.x);
  let text = '';
  let prev: TextBit | undefined;
  for (const b of sorted) {
    if (prev) {
      const sameLine = Math.abs(b.y - prev.y) <= Math.max(b.size, prev.size) * 0.4;
      const gap = b.x - (prev.x + prev.w);
      const latin = /[A-Za-z0-9.,%]$/.test(text) && /^[A-Za-z0-9]/.test(b.str);
      if (sameLine ? gap > b.size * 0.25 && latin : latin) text += ' ';
    }
    text += b.str;
    prev = b;
  }
  return text.replace(/\s+/g, ' ').trim();
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

/** Estimated advance of a character in ems: CJK and full-width forms are square, the rest about half. */
const advance = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.55);

/**
 * pdf.js joins the runs of one printed line into one item, with a space for each wide gap: an item that
 * crosses cell borders is cut at those spaces. When there are as many pieces as cells crossed, piece i goes
 * to cell i; otherwise each piece is placed by estimated character widths with the gaps shared evenly.
 */
export function splitAcross(b: TextBit, cellAt: (x: number) => object | undefined): TextBit[] {
  const first = cellAt(b.x + b.size * 0.3);
  const last = cellAt(b.x + b.w - b.size * 0.3);
  const pieces = b.str.trim().split(/\s+/);
  if (first === last) return [b];
  if (pieces.length < 2) return byCharacters(b, cellAt);
  const widths = pieces.map((p) => [...p].reduce((s, ch) => s + advance(ch) * b.size, 0));
  const gap = Math.max(0, (b.w - widths.reduce((s, w) => s + w, 0)) / (pieces.length - 1));
  const crossed: object[] = [];
  for (let x = b.x + b.size * 0.3; x <= b.x + b.w; x += b.size * 0.25) {
    const cell = cellAt(x);
    if (cell && cell !== crossed[crossed.length - 1]) crossed.push(cell);
  }
  let x = b.x;
  return pieces.map((str, i) => {
    const piece = { ...b, str, x, w: widths[i] };
    x += widths[i] + gap;
    if (crossed.length !== pieces.length) return piece;
    // as many pieces as cells: centre piece i in cell i, whatever the estimate says
    const span: number[] = [];
    for (let px = b.x; px <= b.x + b.w; px += b.size * 0.25) if (cellAt(px) === crossed[i]) span.push(px);
    const mid = (span[0] + span[span.length - 1]) / 2;
    return { ...piece, x: mid - piece.w / 2 };
  });
}

/**
 * A run that crosses a cell border with no space in it (two cells printed too close for pdf.js to put one
 * in): each character is placed by its estimated width, scaled to the run's width, and consecutive
 * characters in the same cell make one piece.
 */
function byCharacters(b: TextBit, cellAt: (x: number) => object | undefined): TextBit[] {
  const chars = [...b.str];
  const est = chars.map((ch) => advance(ch) * b.size);
  const scale = b.w / (est.reduce((s, w) => s + w, 0) || 1);
  const out: { cell: object | undefined; bit: TextBit }[] = [];
  let x = b.x;
  chars.forEach((ch, i) => {
    const w = est[i] * scale;
    const cell = cellAt(x + w / 2);
    const last = out[out.length - 1];
    if (last && last.cell === cell) {
      last.bit.str += ch;
      last.bit.w = x + w - last.bit.x;
    } else out.push({ cell, bit: { ...b, str: ch, x, w } });
    x += w;
  });
  return out.map((p) => ({ ...p.bit, str: p.bit.str.trim() })).filter((p) => p.str);
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

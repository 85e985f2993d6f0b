/**
 * A `<table>` as a grid (the HTML table algorithm, reduced to what reports need): every cell is placed
 * by its real rowspan/colspan, so a merged label occupies every slot it covers. Only the table's own
 * rows are read — rows of a nested table never leak into it — and hidden rows and cells are skipped.
 */

export interface GridCell {
  /** the td/th (absent in a grid rebuilt from its data, `gridFromData`: the background has no DOM) */
  el?: Element;
  /** text content, nested tables excluded */
  text: string;
  /** grid position of the cell's top-left slot */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** the cell holds a table of its own (a layout cell) */
  nested: boolean;
}

export interface Grid {
  /** the table (absent in a grid rebuilt from its data) */
  table?: Element;
  /** every distinct cell, in row order */
  cells: GridCell[];
  /** memo of rowCells() */
  rowMemo: GridCell[][];
  /** slots[r][c]: the cell covering that slot, or undefined where the row is too short */
  slots: (GridCell | undefined)[][];
  width: number;
}

/** Hard limits that keep hostile markup from exhausting memory. */
const MAX_COLSPAN = 1000;
const MAX_SLOTS = 250_000;

export type IsHidden = (el: Element) => boolean;

// children are walked by sibling links, not `children[i]`: in Chromium an HTMLCollection's indexed access
// costs about twice as much (≈ 7 vs 3 ms over the large report's 6,755 rows and cells, cold, under load)
function ownRows(table: Element, isHidden: IsHidden): Element[] {
  const rows: Element[] = [];
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName;
    if (tag === 'TR') {
      if (!isHidden(child)) rows.push(child);
    } else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      if (isHidden(child)) continue;
      for (let tr = child.firstElementChild; tr; tr = tr.nextElementSibling) if (tr.tagName === 'TR' && !isHidden(tr)) rows.push(tr);
    }
  }
  return rows;
}

function span(el: Element, name: string, fallback: number): number {
  const v = el.getAttribute(name);
  if (v === null) return 1;
  const n = parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/**
 * @param holdsTable cells that contain a table of their own (layout cells): their text is not read,
 *   so nested tables never leak into the outer grid. Default: asks the DOM.
 */
export function buildGrid(
  table: Element,
  isHidden: IsHidden,
  holdsTable: (cell: Element) => boolean = (el) => el.getElementsByTagName('table').length > 0,
): Grid {
  const rows = ownRows(table, isHidden);
  const slots: (GridCell | undefined)[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  let width = 0;
  let budget = MAX_SLOTS;
  for (let r = 0; r < rows.length && budget > 0; r++) {
    let c = 0;
    for (let el = rows[r].firstElementChild; el; el = el.nextElementSibling) {
      const tag = el.tagName;
      if ((tag !== 'TD' && tag !== 'TH') || isHidden(el)) continue;
      while (slots[r][c]) c++;
      const colSpan = Math.min(Math.max(span(el, 'colspan', 1), 1), MAX_COLSPAN);
      let rowSpan = span(el, 'rowspan', 1);
      if (rowSpan === 0 || r + rowSpan > rows.length) rowSpan = rows.length - r;
      const nested = holdsTable(el);
      const cell: GridCell = { el, text: nested ? '' : (el.textContent ?? ''), row: r, col: c, rowSpan, colSpan, nested };
      cells.push(cell);
      budget = place(slots, cell, budget);
      c += colSpan;
      if (c > width) width = c;
    }
  }
  return { table, cells, slots, width, rowMemo: [] };
}

/** Puts a cell in every slot it covers, row by row while the slot budget lasts; returns what is left of it. */
function place(slots: (GridCell | undefined)[][], cell: GridCell, budget: number): number {
  for (let dr = 0; dr < cell.rowSpan && budget > 0; dr++) {
    const line = slots[cell.row + dr];
    for (let dc = 0; dc < cell.colSpan; dc++) line[cell.col + dc] = cell;
    budget -= cell.colSpan;
  }
  return budget;
}

/**
 * A grid as plain data (what the content script sends the background, lib/protocol/messages.ts): the row
 * count and the cells without their elements, as `[text, row, col, rowSpan, colSpan, nested]` tuples.
 */
export interface GridData {
  rows: number;
  cells: Array<[text: string, row: number, col: number, rowSpan: number, colSpan: number, nested: 0 | 1]>;
}

export function gridData(grid: Grid): GridData {
  const cells: GridData['cells'] = [];
  for (const c of grid.cells) cells.push([c.text, c.row, c.col, c.rowSpan, c.colSpan, c.nested ? 1 : 0]);
  return { rows: grid.slots.length, cells };
}

/**
 * The grid `buildGrid` made, rebuilt from its data (the same cells in the same slots). Untrusted data is
 * bounded as a table is: spans are clipped to the grid and the slot budget holds.
 */
export function gridFromData(data: GridData): Grid {
  const rows = Math.min(Math.max(data.rows, 0), MAX_SLOTS);
  const slots: (GridCell | undefined)[][] = Array.from({ length: rows }, () => []);
  const cells: GridCell[] = [];
  let width = 0;
  let budget = MAX_SLOTS;
  let lastRow = -1;
  for (const [text, row, col, rs, cs, nested] of data.cells) {
    // buildGrid starts a row only while budget is left, and reads rows in order
    if (row !== lastRow && (budget <= 0 || row < lastRow)) break;
    if (row < 0 || row >= rows || col < 0 || col >= MAX_SLOTS) break;
    lastRow = row;
    const colSpan = Math.min(Math.max(cs, 1), MAX_COLSPAN);
    const rowSpan = Math.min(Math.max(rs, 1), rows - row);
    const cell: GridCell = { text, row, col, rowSpan, colSpan, nested: nested === 1 };
    cells.push(cell);
    budget = place(slots, cell, budget);
    if (col + colSpan > width) width = col + colSpan;
  }
  return { cells, slots, width, rowMemo: [] };
}

/** The distinct cells covering one grid row, left to right (memoised: do not mutate). */
export function rowCells(grid: Grid, r: number): GridCell[] {
  const known = grid.rowMemo[r];
  if (known) return known;
  const out: GridCell[] = [];
  grid.rowMemo[r] = out;
  const line = grid.slots[r];
  let last: GridCell | undefined;
  for (let c = 0; c < line.length; c++) {
    const cell = line[c];
    if (cell && cell !== last) out.push(cell);
    last = cell;
  }
  return out;
}

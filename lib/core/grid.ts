/**
 * A `<table>` as a grid (the HTML table algorithm, reduced to what reports need): every cell is placed
 * by its real rowspan/colspan, so a merged label occupies every slot it covers. Only the table's own
 * rows are read — rows of a nested table never leak into it — and hidden rows and cells are skipped.
 */

export interface GridCell {
  el: Element;
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
  table: Element;
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
      for (let dr = 0; dr < rowSpan && budget > 0; dr++) {
        const line = slots[r + dr];
        for (let dc = 0; dc < colSpan; dc++) line[c + dc] = cell;
        budget -= colSpan;
      }
      c += colSpan;
      if (c > width) width = c;
    }
  }
  return { table, cells, slots, width, rowMemo: [] };
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

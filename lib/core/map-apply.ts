import { APPLICANT_COLUMNS, type ApplicantColumn } from './keys';
import { applicantColumn, applyGroup, applyRow } from './labels';
import { rowCells, type Grid, type GridCell } from './grid';
import { isDataText, type Sink } from './sink';
import { expectedAfter, nearRow } from './near-label';
import { addNote, addPositionNote, widthNote } from './notes';
import { normalizeLabel } from './text';

/**
 * Section 三 (收到和处理政府信息公开申请情况) → `apply.<row>.<col>`. Columns come from the header rows
 * (the lowest header cell covering a column names it); rows from their label path (group labels of
 * merged cells first, the row's own label last). A table split by a page break continues with the
 * previous part's columns.
 */

export interface ApplyState {
  columns?: (ApplicantColumn | undefined)[];
  previousKey?: string;
  /** 2021 when the （六） sub-rows were seen, 2019 when a single （六）其他处理 row was */
  edition?: '2019' | '2021';
  /** the （六） sub-rows were seen (they decide the edition by themselves) */
  subRows?: boolean;
  /** what was inferred (Chinese), for the record's notes */
  notes?: string[];
}

function headerColumns(grid: Grid): { columns: (ApplicantColumn | undefined)[]; bodyStart: number } | undefined {
  const columns: (ApplicantColumn | undefined)[] = [];
  let found = false;
  for (let r = 0; r < grid.slots.length; r++) {
    const cells = rowCells(grid, r);
    let header = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell.row !== r) continue;
      const key = applicantColumn(normalizeLabel(cell.text));
      if (!key) continue;
      header = true;
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) columns[c] = key;
    }
    if (header) found = true;
    else if (found) return { columns, bodyStart: r };
  }
  return found ? { columns, bodyStart: grid.slots.length } : undefined;
}

/** The row's label path: distinct non-empty labels of the cells left of the data columns, outermost first. */
function labelPath(cells: readonly GridCell[], firstData: number): { path: string[]; lastLabelCol: number } {
  const path: string[] = [];
  let lastLabelCol = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.col + c.colSpan > firstData) continue;
    lastLabelCol = c.col;
    const label = normalizeLabel(c.text);
    if (label && !path.includes(label)) path.push(label);
  }
  return { path, lastLabelCol };
}

export function mapApply(grid: Grid, table: number, sink: Sink, state: ApplyState): void {
  const head = headerColumns(grid);
  let columns = head?.columns;
  const bodyStart = head?.bodyStart ?? 0;
  if (!columns || !columns.includes('total')) {
    // a part without header rows: the previous part's columns, or the last seven grid columns
    columns = state.columns && state.columns.length === grid.width ? state.columns : [];
    if (!columns.length) for (let i = 0; i < 7; i++) columns[grid.width - 7 + i] = APPLICANT_COLUMNS[i];
  }
  state.columns = columns;
  const dataCols: number[] = [];
  columns.forEach((k, c) => k && dataCols.push(c));
  const firstData = Math.min(...dataCols);
  if (head && bodyStart > 0) {
    // a header column between the applicant columns that names none of them (e.g. a 小计 column)
    for (let c = firstData; c < grid.width; c++) {
      if (columns[c]) continue;
      const label = grid.slots[bodyStart - 1][c]?.text.trim();
      sink.unmap('column', table, bodyStart - 1, c, label || '（无表头的列）');
    }
  }

  // the row above mapped as the template says (a damaged label is read by position only then)
  let previousMapped = true;
  for (let r = bodyStart; r < grid.slots.length; r++) {
    const shifted = shiftedRow(grid, r, dataCols);
    const { path, lastLabelCol } = shifted ?? labelPath(rowCells(grid, r), firstData);
    const own = shifted?.values ?? ownCells(grid, r, firstData);
    const ownText = own.some((c) => c.text.trim() !== '');
    if (!path.length && !ownText) continue;
    let rowKey = applyRow(path, state.previousKey);
    if (!rowKey && previousMapped) rowKey = byPosition(grid, r, firstData, path, state);
    if (!rowKey) {
      const lastLabel = path[path.length - 1] ?? '';
      const isGroupOnly = lastLabel && applyGroup(lastLabel) && !ownText;
      const isNote = /^(备注|注)[:：]?/.test(lastLabel) && !own.some((c) => /\d/.test(c.text));
      if (!isGroupOnly && !isNote && !(own.length && own.every((c) => !isDataText(c.text)) && !path.length)) {
        sink.unmap('row', table, r, lastLabelCol, path.join(' ') || own.map((c) => c.text.trim()).join(' '));
        previousMapped = false;
      }
      continue;
    }
    if (sink.has(`apply.${rowKey}.total`) || sink.has(`apply.${rowKey}.natural`)) {
      sink.unmap('row', table, r, 0, `重复的行：${path.join(' ')}`);
      previousMapped = false;
      continue;
    }
    if (rowKey === 'result.other') state.edition ??= '2019';
    if (rowKey.startsWith('result.other.')) [state.edition, state.subRows] = ['2021', true];
    state.previousKey = rowKey;
    previousMapped = true;
    if (shifted) addNote(state, WIDTH_NOTE);
    for (let i = 0; i < dataCols.length; i++) {
      const c = dataCols[i];
      const cell = grid.slots[r][c];
      const own = shifted ? shifted.values[i] : cell && cell.col === c && cell.row === r ? cell : undefined;
      sink.put(`apply.${rowKey}.${columns[c]}`, own, table);
    }
  }
}

export const WIDTH_NOTE = widthNote('三');

/**
 * A row whose value cells do not sit under the header's columns (its label spans one column more or
 * less than the header's label block) but match them in number: its trailing run of number-or-blank
 * cells, read in order, and the labels before it. Undefined when the row lines up with the header, or
 * when the counts differ (a row one cell short stays short: which cell is missing cannot be known).
 */
function shiftedRow(
  grid: Grid,
  r: number,
  dataCols: readonly number[],
): { path: string[]; lastLabelCol: number; values: GridCell[] } | undefined {
  const line = grid.slots[r];
  let aligned = true;
  for (let i = 0; i < dataCols.length && aligned; i++) {
    const cell = line[dataCols[i]];
    aligned = cell !== undefined && cell.col === dataCols[i] && cell.row === r;
  }
  if (aligned) return undefined;
  const cells = rowCells(grid, r);
  let start = cells.length;
  while (start > 0 && cells[start - 1].row === r && !cells[start - 1].nested && isDataText(cells[start - 1].text)) start--;
  if (cells.length - start !== dataCols.length) return undefined;
  const path: string[] = [];
  let lastLabelCol = 0;
  for (let i = 0; i < start; i++) {
    const label = normalizeLabel(cells[i].text);
    lastLabelCol = cells[i].col;
    if (label && !path.includes(label)) path.push(label);
  }
  return path.length ? { path, lastLabelCol, values: cells.slice(start) } : undefined;
}

/** The cells that start in row r at or right of the first data column. */
function ownCells(grid: Grid, r: number, firstData: number): GridCell[] {
  const own: GridCell[] = [];
  const cells = rowCells(grid, r);
  for (let i = 0; i < cells.length; i++) if (cells[i].row === r && cells[i].col >= firstData) own.push(cells[i]);
  return own;
}

/** Rows looked at below a damaged label for its next neighbour (group-only rows in between are passed). */
const LOOKAHEAD = 3;

/**
 * A damaged label read by position and wording together (`nearRow`), when the next labelled row maps
 * to the template row after it — or it is the last template row. Adds a note naming the printed label.
 */
function byPosition(grid: Grid, r: number, firstData: number, path: string[], state: ApplyState): string | undefined {
  const key = nearRow(path, state.previousKey);
  if (!key) return undefined;
  const after = expectedAfter(key).map((row) => row.key);
  let confirmed = after.length === 0;
  for (let n = r + 1; n < grid.slots.length && n <= r + LOOKAHEAD && !confirmed; n++) {
    const next = labelPath(rowCells(grid, n), firstData).path;
    const nextKey = applyRow(next, key);
    if (nextKey) {
      confirmed = after.includes(nextKey);
      break;
    }
    const last = next[next.length - 1];
    if (!(last && applyGroup(last) && !ownCells(grid, n, firstData).some((c) => c.text.trim()))) break;
  }
  if (!confirmed) return undefined;
  addPositionNote(state, path[path.length - 1]);
  return key;
}

import type { ReviewBlock, ReviewColumn } from './keys';
import { reviewBlock, reviewColumn } from './labels';
import { rowCells, type Grid } from './grid';
import { isDataText, type Sink } from './sink';
import { normalizeLabel } from './text';
import { addNote, widthNote } from './notes';

/**
 * Section 四 (行政复议、行政诉讼) → `review.<c>`, `suit.direct.<c>`, `suit.after_review.<c>`. Each grid
 * column takes its block from the header cells that cover it (行政复议 / 未经复议直接起诉 / 复议后起诉)
 * and its column from the lowest header label (结果维持 … 总计); the first data row holds the values.
 */
/** What the section 四 reader inferred across its tables (notes for the record). */
export interface ReviewState {
  notes?: string[];
}

export const REVIEW_WIDTH_NOTE = widthNote('四');

export function mapReview(grid: Grid, table: number, sink: Sink, state: ReviewState = {}): void {
  const blocks: (ReviewBlock | 'suit' | undefined)[] = [];
  const columns: (ReviewColumn | undefined)[] = [];
  let dataRow = -1;
  for (let r = 0; r < grid.slots.length; r++) {
    const cells = rowCells(grid, r).filter((c) => c.row === r);
    let header = false;
    for (const cell of cells) {
      const label = normalizeLabel(cell.text);
      const block = reviewBlock(label);
      const column = reviewColumn(label);
      if (!block && !column) continue;
      header = true;
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        if (block && !(block === 'suit' && blocks[c] && blocks[c] !== 'suit')) blocks[c] = block;
        if (column) columns[c] = column;
      }
    }
    // the first row under the header whose cells read as numbers or blanks — an agency with no
    // cases may leave all fifteen cells empty, which reads as fifteen blank zeros
    const underHeader = blocks.length > 0 || columns.length > 0;
    if (
      !header &&
      cells.length &&
      (cells.some((c) => c.text.trim() && isDataText(c.text)) || (underHeader && cells.every((c) => isDataText(c.text))))
    ) {
      dataRow = r;
      break;
    }
  }
  if (dataRow < 0) {
    sink.unmap('table', table, 0, 0, '第四部分表格没有数据行');
    return;
  }
  const slots: { key: string; col: number }[] = [];
  for (let c = 0; c < grid.width; c++) {
    const block = blocks[c];
    const column = columns[c];
    if (!column) continue;
    if (!block || block === 'suit') {
      sink.unmap('column', table, dataRow, c, `无法确定所属类别的列：${column}`);
      continue;
    }
    const key = `${block}.${column}`;
    if (!slots.some((s) => s.key === key)) slots.push({ key, col: c });
  }
  // header and body widths disagree (a header label spans two columns over one body cell …): when the
  // position reading breaks and the row has exactly as many cells as the header has labels, read in order
  const cells = rowCells(grid, dataRow).filter((c) => c.row === dataRow);
  const starts = new Set(cells.map((c) => c.col));
  const breaks = slots.some((s) => !starts.has(s.col)) || cells.some((c) => !slots.some((s) => s.col === c.col));
  const inOrder = breaks && cells.length === slots.length && cells.every((c) => isDataText(c.text));
  if (inOrder) {
    addNote(state, REVIEW_WIDTH_NOTE);
  }
  slots.forEach((s, i) => {
    const cell = inOrder ? cells[i] : grid.slots[dataRow][s.col];
    sink.put(s.key, cell && (inOrder || (cell.col === s.col && cell.row === dataRow)) ? cell : undefined, table);
  });
}

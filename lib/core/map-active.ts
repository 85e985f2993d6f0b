import { keyInfo } from './keys';
import { activeColumn, activeRow, articleOf } from './labels';
import { rowCells, type Grid, type GridCell } from './grid';
import { isDataText, type Sink } from './sink';
import { isLastItem, itemsAfter, nearItem } from './near-label';
import { addNote, addPositionNote, widthNote } from './notes';
import { normalizeLabel } from './text';

/**
 * Section 二 (主动公开政府信息情况) → `active.<item>.<col>`. Read row by row: a 信息内容 row sets the
 * columns, an item row (规章, 行政许可 …) reads its values under them. Works for one table per
 * 第二十条 item as for one table holding them all.
 */

export interface ActiveState {
  columns?: (string | undefined)[];
  /** the current header's value labels in printed order (for rows whose cells do not line up with it) */
  headerKeys?: string[];
  /** the edition most of the edition-specific column headers belong to */
  edition?: '2019' | '2021';
  votes?: Record<'2019' | '2021', number>;
  /** what was inferred (Chinese), for the record's notes */
  notes?: string[];
  /** the last item row read, and whether a row that could not be read came after it */
  previousItem?: string;
  lostSince?: boolean;
}

export const WIDTH_NOTE = widthNote('二');

const EDITION_OF_COLUMN: Record<string, '2019' | '2021'> = {
  issued: '2021',
  repealed: '2021',
  in_force: '2021',
  made: '2019',
  published: '2019',
  total: '2019',
  prev_items: '2019',
  change: '2019',
  items: '2019',
};

export function mapActive(grid: Grid, table: number, sink: Sink, state: ActiveState): void {
  for (let r = 0; r < grid.slots.length; r++) {
    const cells = rowCells(grid, r);
    if (!cells.length) continue;
    const first = normalizeLabel(cells[0].text);
    if (articleOf(first) && cells.length === 1) continue;
    const headerKeys = cells.map((c) => activeColumn(normalizeLabel(c.text)));
    if (headerKeys.some(Boolean)) {
      const columns: (string | undefined)[] = [];
      const votes = (state.votes ??= { '2019': 0, '2021': 0 });
      cells.forEach((cell, i) => {
        for (let c = cell.col; c < cell.col + cell.colSpan; c++) columns[c] = headerKeys[i];
        const k = headerKeys[i];
        if (k && EDITION_OF_COLUMN[k]) votes[EDITION_OF_COLUMN[k]]++;
      });
      if (votes['2019'] !== votes['2021']) state.edition = votes['2019'] > votes['2021'] ? '2019' : '2021';
      state.columns = columns;
      state.headerKeys = headerKeys.filter((k): k is string => k !== undefined);
      continue;
    }
    const values = cells.slice(1).filter((c) => c.row === r);
    const hasNumbers = () => values.some((c) => /\d/.test(c.text) && isDataText(c.text));
    const item = activeRow(first) ?? (!state.lostSince && hasNumbers() ? damagedItem(grid, r, first, state) : undefined);
    if (!item) {
      if (hasNumbers() && !/^(备注|注)/.test(first)) {
        sink.unmap('row', table, r, 0, first);
        state.lostSince = true;
      }
      continue;
    }
    [state.previousItem, state.lostSince] = [item, false];
    const byColumn = valueColumns(values, state);
    for (let i = 0; i < values.length; i++) {
      const cell = values[i];
      const col = byColumn[i];
      if (!col) {
        if (cell.text.trim()) sink.unmap('column', table, r, cell.col, `${first}：${cell.text.trim()}`);
        continue;
      }
      const key = `active.${item}.${col}`;
      if (!keyInfo(key)) {
        sink.unmap('column', table, r, cell.col, `${first} · ${col}`);
        continue;
      }
      sink.put(key, cell, table);
    }
  }
}

/**
 * The column key of each value cell: the header over the cell's first grid column — unless that
 * reading breaks (a column read twice or a filled cell under no header) while the row has exactly as
 * many value cells as the header has value labels (trailing empty padding aside); then they are matched in order (a header `colspan=2`
 * over one label while the body has one cell per column) and the record says so.
 */
function valueColumns(values: readonly GridCell[], state: ActiveState): (string | undefined)[] {
  const columns = state.columns ?? [];
  const byPosition = values.map((c) => columns[c.col]);
  const labels = state.headerKeys ?? [];
  // empty cells beyond the header's count at the end of the row are padding, not values
  let n = values.length;
  while (n > labels.length && !values[n - 1].text.trim()) n--;
  if (n !== labels.length || !labels.length) return byPosition;
  const broken = byPosition.slice(0, n).some((k, i) => (k === undefined ? values[i].text.trim() !== '' : byPosition.indexOf(k) !== i));
  if (!broken || new Set(labels).size !== labels.length) return byPosition;
  addNote(state, WIDTH_NOTE);
  return values.map((_, i) => labels[i]);
}

/**
 * A damaged item label read by position and wording together (`nearItem`), when the next item row of
 * the table is the template's next item — or, with no item row after it, the item is an edition's last.
 * Adds a note naming the printed label.
 */
function damagedItem(grid: Grid, r: number, label: string, state: ActiveState): string | undefined {
  const item = nearItem(label, state.previousItem);
  if (!item) return undefined;
  let nextItem: string | undefined;
  for (let n = r + 1; n < grid.slots.length && !nextItem; n++) {
    const next = rowCells(grid, n)[0];
    nextItem = next && activeRow(normalizeLabel(next.text));
  }
  const confirmed = nextItem ? itemsAfter(item).includes(nextItem) : isLastItem(item);
  if (!confirmed) return undefined;
  addPositionNote(state, label);
  return item;
}

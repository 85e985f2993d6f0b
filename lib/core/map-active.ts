import { keyInfo } from './keys';
import { activeColumn, activeRow, articleOf } from './labels';
import { rowCells, type Grid } from './grid';
import { isDataText, type Sink } from './sink';
import { normalizeLabel } from './text';

/**
 * Section 二 (主动公开政府信息情况) → `active.<item>.<col>`. Read row by row: a 信息内容 row sets the
 * columns, an item row (规章, 行政许可 …) reads its values under them. Works for one table per
 * 第二十条 item as for one table holding them all.
 */

export interface ActiveState {
  columns?: (string | undefined)[];
  edition?: '2019' | '2021';
}

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
      cells.forEach((cell, i) => {
        for (let c = cell.col; c < cell.col + cell.colSpan; c++) columns[c] = headerKeys[i];
        const k = headerKeys[i];
        if (k && EDITION_OF_COLUMN[k]) state.edition ??= EDITION_OF_COLUMN[k];
      });
      state.columns = columns;
      continue;
    }
    const item = activeRow(first);
    const values = cells.slice(1).filter((c) => c.row === r);
    if (!item) {
      const hasNumbers = values.some((c) => /\d/.test(c.text) && isDataText(c.text));
      if (hasNumbers && !/^(备注|注)/.test(first)) sink.unmap('row', table, r, 0, first);
      continue;
    }
    const columns = state.columns ?? [];
    for (const cell of values) {
      const col = columns[cell.col];
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

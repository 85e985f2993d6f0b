import { keyInfo } from './keys';
import { parseNumber } from './numbers';
import type { Cell, Problem, Unmapped } from './record';
import type { GridCell } from './grid';

/** Where the section readers put what they read: values, provenance (a cell's place), and what they could not map. */
export class Sink {
  // prototype-less dictionaries: a report adds ~200 keys one at a time, and on an ordinary object each
  // new key is a hidden-class transition (a new map and descriptor array) — most of a cold scan's garbage
  values: Record<string, number | null> = Object.create(null);
  cells: Record<string, Cell> = Object.create(null);
  blank = new Set<string>();
  unmapped: Unmapped[] = [];
  problems: Problem[] = [];

  private seen = new Set<string>();

  has(key: string): boolean {
    return this.seen.has(key);
  }

  /** Records the value of `key` from `cell`; no cell (the row is too short) gives null. */
  put(key: string, cell: GridCell | undefined, table: number): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (!cell) {
      this.values[key] = null;
      return;
    }
    const raw = cell.text.trim();
    const parsed = parseNumber(raw, keyInfo(key)?.kind ?? 'count');
    this.values[key] = parsed.value;
    this.cells[key] = { raw: raw.slice(0, 200), table, row: cell.row, col: cell.col, blank: parsed.blank };
    if (parsed.blank) this.blank.add(key);
    if (parsed.error && this.problems.length < 500) this.problems.push({ key, raw: raw.slice(0, 200), message: parsed.error });
  }

  unmap(kind: Unmapped['kind'], table: number, row: number, col: number, text: string): void {
    if (this.unmapped.length < 500) this.unmapped.push({ kind, table, row, col, text: text.slice(0, 300) });
  }
}

/** True when a cell's text reads as a number or a blank (a data cell rather than a label). */
export function isDataText(text: string): boolean {
  return parseNumber(text, 'change').error === undefined || parseNumber(text, 'money').error === undefined;
}

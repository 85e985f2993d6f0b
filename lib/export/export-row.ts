import { hash53 } from '../core/hash';
import type { ReportRecord } from '../core/record';
import { summarize, type ReportSummary } from '../core/summary';
import { packNumbers, unpackNumbers } from './packed-numbers';
import { researchCells, type ResearchCell } from './research';

/**
 * The export-ready row of one report (Dexie table `exportRows`, schema v3): everything the CSV (long and
 * wide) and XLSX exports print, and nothing else — no cell positions, no check key lists. A realistic
 * record is ~44 KB; its row is ~3 KB, mostly numbers in a typed array (copied, not rebuilt, when read
 * back), so the exports read 10,000 of them in well under a second.
 *
 * - `keys` is the JSON array of the value keys in the record's own order, and `values` their numbers in
 *   that order (NaN for null: the record schema allows only finite numbers). Reports of one edition share
 *   the same key list, so a reader parses each distinct list once (`keyList`), and the database stores
 *   each distinct list once (table `keyLists`; a stored row holds its id, see `StoredExportRow`).
 * - `raws` holds the printed text of a value only where it is not `String(value)` (a blank "—", "49.40",
 *   "1,234"); `null` there means the value has no cell.
 * - checks likewise: `checkIds` (JSON array), `checkStatus` (one letter per check: p/f/s), `checkNums`
 *   (lhs, rhs, diff per check; NaN for null) and `reasons` (check index → reason, only where there is one).
 * - `research`: the wide exports' research columns (research.ts, `RESEARCH_HEADER` order), computed here once.
 */
export interface ExportRow extends Pick<
  ReportSummary,
  'id' | 'url' | 'title' | 'agency' | 'year' | 'format' | 'status' | 'savedAt' | 'pass' | 'fail' | 'skip'
> {
  keys: string;
  values: Float64Array;
  raws: Map<string, string | null>;
  checkIds: string;
  checkStatus: string;
  checkNums: Float64Array;
  reasons: Map<number, string>;
  research: ResearchCell[];
}

/** A key list (value keys or check ids, as JSON) stored once for every row that has it. */
export interface KeyListRow {
  /** hash53 of the JSON and its length */
  id: string;
  json: string;
}

/**
 * An export row as stored: `keys` and `checkIds` are ids of `keyLists` rows, `values` and `checkNums` packed
 * (packed-numbers.ts: ~4× smaller, and reading the rows back costs about what they weigh).
 */
export type StoredExportRow = Omit<ExportRow, 'values' | 'checkNums'> & { values: Uint8Array; checkNums: Uint8Array };

export const keyListId = (json: string) => `${hash53(json)}.${json.length.toString(36)}`;

/** The row to store and the key lists it refers to. */
export function storeExportRow(row: ExportRow): { stored: StoredExportRow; lists: KeyListRow[] } {
  const keys = keyListId(row.keys);
  const checkIds = keyListId(row.checkIds);
  return {
    stored: { ...row, keys, checkIds, values: packNumbers(row.values), checkNums: packNumbers(row.checkNums) },
    lists: [
      { id: keys, json: row.keys },
      { id: checkIds, json: row.checkIds },
    ],
  };
}

/** A stored row as an export row (made in place): its key lists put back, its numbers unpacked; null when a list is missing. */
export function resolveExportRow(stored: StoredExportRow, lists: ReadonlyMap<string, string>): ExportRow | null {
  const keys = lists.get(stored.keys);
  const checkIds = lists.get(stored.checkIds);
  if (keys === undefined || checkIds === undefined) return null;
  const row = stored as unknown as ExportRow;
  row.keys = keys;
  row.checkIds = checkIds;
  row.values = unpackNumbers(stored.values);
  row.checkNums = unpackNumbers(stored.checkNums);
  return row;
}

const STATUS_LETTER = { pass: 'p', fail: 'f', skip: 's' } as const;
const LETTER_STATUS: Record<string, 'pass' | 'fail' | 'skip'> = { p: 'pass', f: 'fail', s: 'skip' };

const num = (v: number | null) => (v === null ? NaN : v);

export function toExportRow(r: ReportRecord): ExportRow {
  const keys = Object.keys(r.values);
  const values = new Float64Array(keys.length);
  const raws = new Map<string, string | null>();
  keys.forEach((key, i) => {
    const v = r.values[key];
    values[i] = num(v);
    const cell = r.cells[key];
    if (!cell) raws.set(key, null);
    else if (v === null || cell.raw !== String(v)) raws.set(key, cell.raw);
  });
  const checkNums = new Float64Array(r.checks.length * 3);
  const reasons = new Map<number, string>();
  let checkStatus = '';
  r.checks.forEach((c, i) => {
    checkStatus += STATUS_LETTER[c.status];
    checkNums[3 * i] = num(c.lhs);
    checkNums[3 * i + 1] = num(c.rhs);
    checkNums[3 * i + 2] = num(c.diff);
    if (c.reason !== undefined) reasons.set(i, c.reason);
  });
  const { firstSavedAt: _first, failing: _failing, publishedAt: _pub, changedAfterFirstSeen: _changed, ...meta } = summarize(r);
  return {
    ...meta,
    keys: JSON.stringify(keys),
    values,
    raws,
    checkIds: JSON.stringify(r.checks.map((c) => c.id)),
    checkStatus,
    checkNums,
    reasons,
    research: researchCells(r),
  };
}

const lists = new Map<string, readonly string[]>();

/** The parsed key (or check id) list of a row, one parse per distinct list. */
export function keyList(json: string): readonly string[] {
  let list = lists.get(json);
  if (list === undefined) {
    if (lists.size > 2_000) lists.clear();
    list = JSON.parse(json) as string[];
    lists.set(json, list);
  }
  return list;
}

/** The printed text of value `i` (key `key`) of a row: null when the value has no cell. */
export function rawOf(row: ExportRow, key: string, i: number): string | null {
  const raw = row.raws.get(key);
  if (raw !== undefined) return raw;
  return String(row.values[i]);
}

/** A stored number back to the record's value (NaN → null). */
export const valueOf = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The check status of check `i`. */
export const checkStatusAt = (row: ExportRow, i: number) => LETTER_STATUS[row.checkStatus[i]];

/** The space-separated ids of the failing checks (the wide export's `failing_checks`). */
export function failingChecks(row: ExportRow): string {
  if (row.fail === 0) return '';
  const ids = keyList(row.checkIds);
  let out = '';
  for (let i = 0; i < ids.length; i++) if (row.checkStatus[i] === 'f') out += out ? ` ${ids[i]}` : ids[i];
  return out;
}

import type { ReportRecord } from '../record';
import { forEachChunked, type ChunkOptions } from './chunked';
import { keyInfo } from '../keys';
import { LONG_HEADER, WIDE_HEADER, escapeFormula, orderedKeys, wideRow, type CellValue } from './rows';

/**
 * CSV exports (SPEC §5): UTF-8 with BOM, CRLF line ends, RFC 4180 quoting; text cells are escaped
 * against formula injection, numbers stay plain numbers (so -223 is written as -223).
 */

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = escapeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CellValue[]): string {
  return values.map(csvField).join(',');
}

/**
 * Long CSV: one row per report × key. Returned as parts (one per report) so that a 10,000-report
 * export becomes a Blob without ever being one giant string.
 */
export async function toCsvLongParts(records: readonly ReportRecord[], opts?: ChunkOptions): Promise<string[]> {
  const parts = [BOM + csvLine(LONG_HEADER) + CRLF];
  // the same lines as csvLine(longRows(r)), built from fragments: the record's five leading fields once
  // per record, a key's section/key/label once per export (≈2,000,000 lines for 10,000 reports)
  const keyFields = new Map<string, string>();
  const fieldsOf = (key: string) => {
    let f = keyFields.get(key);
    if (f === undefined) {
      const info = keyInfo(key);
      f = `,${csvField(info?.section ?? null)},${csvField(key)},${csvField(info?.label ?? null)},`;
      keyFields.set(key, f);
    }
    return f;
  };
  // reports of one edition share their key set: sort it once
  const orders = new Map<string, string[]>();
  const keysOf = (r: ReportRecord) => {
    const sig = Object.keys(r.values).join('\u0001');
    let keys = orders.get(sig);
    if (keys === undefined) {
      keys = orderedKeys(r);
      orders.set(sig, keys);
    }
    return keys;
  };
  await forEachChunked(records, (r) => {
    const lead = `${csvField(r.id)},${csvField(r.agency)},${csvField(r.year)},${csvField(r.format)},${csvField(r.url)}`;
    let text = '';
    for (const key of keysOf(r)) text += `${lead}${fieldsOf(key)}${csvField(r.values[key])},${csvField(r.cells[key]?.raw ?? null)}${CRLF}`;
    parts.push(text);
  }, opts);
  return parts;
}

/** Wide CSV: one row per report, one column per key (as parts, like the long one). */
export async function toCsvWideParts(records: readonly ReportRecord[], opts?: ChunkOptions): Promise<string[]> {
  const parts = [BOM + csvLine(WIDE_HEADER) + CRLF];
  await forEachChunked(records, (r) => parts.push(csvLine(wideRow(r)) + CRLF), opts);
  return parts;
}

export const toCsvLong = async (records: readonly ReportRecord[], opts?: ChunkOptions) => (await toCsvLongParts(records, opts)).join('');
export const toCsvWide = async (records: readonly ReportRecord[], opts?: ChunkOptions) => (await toCsvWideParts(records, opts)).join('');

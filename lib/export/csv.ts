import type { ReportRecord } from '../core/record';
import { ByteWriter } from './byte-writer';
import { forEachChunked, type ChunkOptions } from './chunked';
import { keyInfo } from '../core/keys';
import { LONG_HEADER, WIDE_HEADER, escapeFormula, orderedKeys, wideColumns, type CellValue } from './rows';
import { failingChecks, keyList, rawOf, toExportRow, valueOf, type ExportRow } from './export-row';

/**
 * CSV exports (SPEC §5): UTF-8 with BOM, CRLF line ends, RFC 4180 quoting; text cells are escaped
 * against formula injection, numbers stay plain numbers (so -223 is written as -223).
 */

const BOM = '\uFEFF';
const CRLF = '\r\n';
const COMMA = 44;

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
 * Long CSV: one row per report × key (the lines of `csvLine(longRows(record))`), from export rows.
 * Returned as parts (one per report) so that a 10,000-report export (≈2,000,000 lines, ≈450 MB)
 * becomes a Blob without ever being one giant string.
 */
export async function csvLongParts(rows: readonly ExportRow[], opts?: ChunkOptions): Promise<string[]> {
  const parts = [BOM + csvLine(LONG_HEADER) + CRLF];
  // built from fragments: a row's five leading fields once per report, a key's section/key/label once per
  // export, the key order once per distinct key list (reports of one edition share it)
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
  const orders = new Map<string, { keys: readonly string[]; at: number[]; fields: string[] }>();
  const orderOf = (json: string) => {
    let o = orders.get(json);
    if (o === undefined) {
      const keys = keyList(json);
      const at = orderedKeys(keys).map((k) => keys.indexOf(k));
      o = { keys, at, fields: at.map((i) => fieldsOf(keys[i])) };
      orders.set(json, o);
    }
    return o;
  };
  await forEachChunked(
    rows,
    (r) => {
      const lead = `${csvField(r.id)},${csvField(r.agency)},${csvField(r.year)},${csvField(r.format)},${csvField(r.url)}`;
      const { keys, at, fields } = orderOf(r.keys);
      const plain = r.raws.size === 0;
      let text = '';
      for (let j = 0; j < at.length; j++) {
        const i = at[j];
        const v = r.values[i];
        if (plain) {
          // the printed text is the number itself (the common case): no raws lookup, no quoting needed
          const s = String(v);
          text += `${lead}${fields[j]}${s},${s.charCodeAt(0) === 45 ? `'${s}` : s}${CRLF}`;
        } else {
          text += `${lead}${fields[j]}${csvField(valueOf(v))},${csvField(rawOf(r, keys[i], i))}${CRLF}`;
        }
      }
      parts.push(text);
    },
    opts,
  );
  return parts;
}

/**
 * Wide CSV: one row per report, one column per key (the line of `csvLine(wideRow(record))`), as parts.
 * Lines are written as UTF-8 bytes (lib/export/byte-writer.ts): a report's ~230 number cells as strings
 * appended one by one made ~2,300,000 rope nodes for 10,000 reports, and collecting and flattening them
 * was most of the export's time. Each part is the text of ~1 MB of lines.
 */
export async function csvWideParts(rows: readonly ExportRow[], opts?: ChunkOptions): Promise<string[]> {
  const parts = [BOM + csvLine(WIDE_HEADER) + CRLF];
  const columns = new Map<string, Int32Array>();
  const out = new ByteWriter(1 << 21);
  const decoder = new TextDecoder();
  await forEachChunked(
    rows,
    (r) => {
      let at = columns.get(r.keys);
      if (at === undefined) {
        at = wideColumns(keyList(r.keys));
        columns.set(r.keys, at);
      }
      out.utf8(
        `${csvField(r.id)},${csvField(r.agency)},${csvField(r.year)},${csvField(r.format)},${csvField(r.status)},${csvField(r.url)},${csvField(r.title)},${csvField(r.savedAt)},${r.pass},${r.fail},${r.skip}`,
      );
      for (const x of r.research) {
        out.byte(COMMA);
        if (typeof x === 'number') out.number(x);
        else if (x !== null) out.utf8(csvField(x));
      }
      const values = r.values;
      for (let c = 0; c < at.length; c++) {
        const i = at[c];
        out.byte(COMMA);
        if (i >= 0) {
          const v = values[i];
          if (!Number.isNaN(v)) out.number(v);
        }
      }
      out.byte(COMMA);
      out.utf8(csvField(failingChecks(r)));
      out.ascii(CRLF);
      if (out.length > 1 << 20) parts.push(decoder.decode(out.take()));
    },
    opts,
  );
  parts.push(decoder.decode(out.take()));
  return parts;
}

/** Long CSV of records, as one string (tests, small exports). */
export const toCsvLong = async (records: readonly ReportRecord[], opts?: ChunkOptions) =>
  (await csvLongParts(records.map(toExportRow), opts)).join('');
/** Wide CSV of records, as one string (tests, small exports). */
export const toCsvWide = async (records: readonly ReportRecord[], opts?: ChunkOptions) =>
  (await csvWideParts(records.map(toExportRow), opts)).join('');

import { keyInfo } from '../core/keys';
import { ByteWriter } from './byte-writer';
import { yieldToEventLoop, type ChunkOptions } from './chunked';
import { csvField, csvLine } from './csv';
import { failingChecks, keyList, type ExportRow } from './export-row';
import { WIDE_META, orderedKeys } from './rows';
import { FixedDeflate } from './fixed-deflate';
import { ZipWriter, crc32, crc32Shift } from './zip';

/**
 * The long export above Excel's row limit (SPEC §5, docs/decisions.md "The long CSV above Excel's row
 * limit"): a single long CSV of more than 1,048,576 data rows is one Excel cannot open and, at 10,000
 * realistic reports, ~450 MB. Instead: a ZIP of normalized tables that join on `report_id` (and `key`) back
 * into exactly the long CSV's rows, in its order:
 *
 * - `reports.csv` — `report_id, agency, year, format, url, status, title, savedAt, pass, fail, skip,
 *   failing_checks` (the wide CSV's metadata), one row per report;
 * - `values.csv` — `report_id, section, key, value, raw`, one row per report × key; `raw` is left empty when
 *   it is exactly the value's own digits (`String(value)`: most rows), and is `-` (bare, never otherwise
 *   written: a text starting with `-` always carries the formula guard `'`) when a value has no printed
 *   text at all (the reader never makes one; a hand-edited import can);
 * - `keys.csv` — `section, key, label`, every key used, in catalogue order;
 * - `README.txt` — how to join them.
 *
 * Same CSV rules as the long CSV (BOM, CRLF, RFC 4180, formula guard). The small entries go through zip.ts's
 * CompressionStream; `values.csv` through fixed-deflate.ts, told each line's repeats.
 */

/** Excel's row limit: a long export of up to this many data rows is the long CSV, byte for byte. */
export const LONG_CSV_MAX_ROWS = 1_048_576;

export const LONG_ZIP_REPORTS_HEADER = [...WIDE_META, 'failing_checks'];
export const LONG_ZIP_VALUES_HEADER = ['report_id', 'section', 'key', 'value', 'raw'];
export const LONG_ZIP_KEYS_HEADER = ['section', 'key', 'label'];
/** In `values.csv`'s `raw`: the value has no printed text (the long CSV's raw is empty, its value is not). */
export const NO_RAW = '-';

const BOM = '\uFEFF';
const CRLF = '\r\n';

export const LONG_ZIP_README = `年报透镜 — 长表导出（超过 Excel 行数上限时）
Nianbao Lens — the long export, above Excel's row limit

一份长表 CSV 超过 1,048,576 行时（Excel 打不开），长表改为三张表，按 report_id 与 key 连接即得长表的每一行：
Above 1,048,576 rows (more than Excel opens), the long CSV comes as three tables; joined on report_id
and key they give exactly the long CSV's rows (report_id, agency, year, format, url, section, key, label,
value, raw), in the same order:

  reports.csv  report_id, agency, year, format, url, status, title, savedAt, pass, fail, skip, failing_checks
  values.csv   report_id, section, key, value, raw        (one row per report × key)
  keys.csv     section, key, label

raw 为空：原文就是 value 的数字本身（raw = value）；value 也为空时两者皆空。raw 为单独的 "-"：该数值没有原文。
raw empty: the printed text is the value's own digits (read raw = value); both empty when value is empty.
raw "-" (bare; a text starting with - is always written '-…): the value has no printed text.

R:       v <- read.csv("values.csv"); r <- read.csv("reports.csv"); k <- read.csv("keys.csv")
         long <- merge(merge(v, r, by = "report_id", sort = FALSE), k, by = c("section", "key"), sort = FALSE)
pandas:  long = (pd.read_csv("values.csv", dtype={"raw": str}, encoding="utf-8-sig")
                   .merge(pd.read_csv("reports.csv", encoding="utf-8-sig"), on="report_id", how="left")
                   .merge(pd.read_csv("keys.csv", encoding="utf-8-sig"), on=["section", "key"], how="left"))
SQL:     SELECT v.report_id, r.agency, r.year, r.format, r.url, v.section, v.key, k.label, v.value,
                CASE WHEN v.raw = '' AND v.value <> '' THEN v.value WHEN v.raw = '-' THEN '' ELSE v.raw END AS raw
         FROM "values" v JOIN reports r USING (report_id) JOIN keys k USING (section, key);

CSV: UTF-8 with BOM, RFC 4180; a text cell starting with = + - @ (or tab/CR) starts with ' (formula guard).
`;

/** Data rows of the long export (one per report × key). */
export function longRowCount(rows: readonly ExportRow[]): number {
  let n = 0;
  for (const r of rows) n += keyList(r.keys).length;
  return n;
}

const encodeText = (text: string) => new TextEncoder().encode(text);

/** `reports.csv` in ~256 KB chunks, with a yield after each (the deflate of a chunk runs in the same task). */
async function* reportsCsv(rows: readonly ExportRow[], pause: () => Promise<void>): AsyncGenerator<Uint8Array> {
  const out = new ByteWriter(1 << 19);
  out.utf8(BOM + csvLine(LONG_ZIP_REPORTS_HEADER) + CRLF);
  for (const r of rows) {
    out.utf8(
      `${csvField(r.id)},${csvField(r.agency)},${csvField(r.year)},${csvField(r.format)},${csvField(r.url)},${csvField(r.status)},${csvField(r.title)},${csvField(r.savedAt)},${r.pass},${r.fail},${r.skip},${csvField(failingChecks(r))}${CRLF}`,
    );
    if (out.length > 1 << 18) {
      yield out.take();
      await pause();
    }
  }
  yield out.take();
}

/** `keys.csv`: the keys, in catalogue order. */
function keysCsv(keys: readonly string[]): Uint8Array {
  let text = BOM + csvLine(LONG_ZIP_KEYS_HEADER) + CRLF;
  for (const key of orderedKeys(keys)) {
    const info = keyInfo(key);
    text += csvLine([info?.section ?? null, key, info?.label ?? null]) + CRLF;
  }
  return encodeText(text);
}

/** A fixed run of bytes written again and again: its bytes, its CRC-32, the CRC's shift over its length. */
interface Fragment {
  bytes: Uint8Array;
  crc: number;
  shift: (prev: number) => number;
}
const fragmentOf = (bytes: Uint8Array): Fragment => ({ bytes, crc: crc32(bytes), shift: crc32Shift(bytes.length) });
const fragment = (text: string): Fragment => fragmentOf(encodeText(text));

/**
 * `values.csv`, deflated as it is written (fixed-deflate.ts), `slice` reports at a time with a yield between
 * (progress: reports done): ~2,000,000 lines, ~120 MB of text for 10,000 reports, never held as text. A line
 * is its report's id (a copy of the line before's, in one report), its key's `,section,key,` (a copy of
 * where that key's was last written: the report before, mostly) and the rest (value, raw, CRLF) as
 * literals; the CRC-32 goes over the id and the key's fragment in a few look-ups each (zip.ts crc32Shift).
 */
async function valuesCsv(zip: ZipWriter, rows: readonly ExportRow[], opts: ChunkOptions, slice: number): Promise<string[]> {
  const pause = opts.yieldFn ?? yieldToEventLoop;
  const deflate = new FixedDeflate();
  const body: Uint8Array[] = [];
  const tail = new ByteWriter(1 << 12);
  const header = encodeText(BOM + csvLine(LONG_ZIP_VALUES_HEADER) + CRLF);
  deflate.literals(header, 0, header.length);
  let crc = crc32(header);
  /** input bytes described so far */
  let pos = header.length;
  // per key (by number): its fragment and the input offset where it was last written (-1: not yet)
  const keyNo = new Map<string, number>();
  const fragments: Fragment[] = [];
  const lastAt: number[] = [];
  // the end of a line whose raw is the value's own digits, `<value>,CRLF`, by value (values repeat: most
  // are small counts)
  const plainTails = new Map<number, Fragment>();
  const plainTail = (v: number) => {
    let t = plainTails.get(v);
    if (t === undefined) {
      tail.clear();
      if (!Number.isNaN(v)) tail.number(v);
      tail.byte(44); // ,
      tail.ascii(CRLF);
      t = fragmentOf(tail.take());
      if (plainTails.size < 100_000) plainTails.set(v, t);
    }
    return t;
  };
  const orders = new Map<string, { keys: readonly string[]; at: Int32Array; nos: Int32Array }>();
  const orderOf = (json: string) => {
    let o = orders.get(json);
    if (o === undefined) {
      const keys = keyList(json);
      const at = Int32Array.from(orderedKeys(keys), (k) => keys.indexOf(k));
      const nos = Int32Array.from(at, (i) => {
        const key = keys[i];
        let no = keyNo.get(key);
        if (no === undefined) {
          no = fragments.length;
          keyNo.set(key, no);
          fragments.push(fragment(`,${csvField(keyInfo(key)?.section ?? null)},${csvField(key)},`));
          lastAt.push(-1);
        }
        return no;
      });
      o = { keys, at, nos };
      orders.set(json, o);
    }
    return o;
  };
  for (let start = 0; start < rows.length; start += slice) {
    const end = Math.min(rows.length, start + slice);
    for (let n = start; n < end; n++) {
      const r = rows[n];
      const id = fragment(csvField(r.id));
      const { keys, at, nos } = orderOf(r.keys);
      const { values, raws } = r;
      const plain = raws.size === 0;
      let prevLine = -1;
      for (let j = 0; j < at.length; j++) {
        const i = at[j];
        const no = nos[j];
        const f = fragments[no];
        // the id: a copy of the line before's
        const line = pos;
        if (!(prevLine >= 0 && deflate.copy(id.bytes.length, line - prevLine))) deflate.literals(id.bytes, 0, id.bytes.length);
        crc = id.shift(crc) ^ id.crc;
        pos += id.bytes.length;
        // `,section,key,`: a copy of where it was last written
        if (!(lastAt[no] >= 0 && deflate.copy(f.bytes.length, pos - lastAt[no]))) deflate.literals(f.bytes, 0, f.bytes.length);
        crc = f.shift(crc) ^ f.crc;
        lastAt[no] = pos;
        pos += f.bytes.length;
        // value, raw and the line end, as literals
        const v = values[i];
        const raw = plain ? undefined : raws.get(keys[i]);
        if (raw === undefined) {
          // printed as String(v): raw written empty
          const t = plainTail(v);
          deflate.literals(t.bytes, 0, t.bytes.length);
          crc = t.shift(crc) ^ t.crc;
          pos += t.bytes.length;
        } else {
          tail.clear();
          const present = !Number.isNaN(v);
          if (present) tail.number(v);
          tail.byte(44); // ,
          // null or '': nothing printed
          if (raw === null || raw === '') {
            if (present) tail.ascii(NO_RAW);
          } else tail.utf8(csvField(raw));
          tail.ascii(CRLF);
          const bytes = tail.view();
          deflate.literals(bytes, 0, tail.length);
          crc = crc32(bytes, crc, tail.length);
          pos += tail.length;
        }
        prevLine = line;
      }
      if (deflate.pending > 1 << 20) body.push(deflate.take());
    }
    opts.onProgress?.(end, rows.length);
    if (end < rows.length) await pause();
  }
  body.push(deflate.finish());
  if (rows.length === 0) opts.onProgress?.(0, 0);
  zip.addDeflated('values.csv', body, crc >>> 0, pos);
  return [...keyNo.keys()];
}

/** The normalized long export as a ZIP (README.txt, reports.csv, values.csv, keys.csv). */
export async function longZipBlob(rows: readonly ExportRow[], opts: ChunkOptions = {}): Promise<Blob> {
  const zip = new ZipWriter();
  await zip.add('README.txt', [encodeText(LONG_ZIP_README)]);
  await zip.add('reports.csv', reportsCsv(rows, opts.yieldFn ?? yieldToEventLoop));
  // a slice of 50 reports is ~10,000 lines: ~30 ms on a busy machine
  const keys = await valuesCsv(zip, rows, opts, Math.max(1, Math.floor((opts.chunkSize ?? 200) / 4)));
  await zip.add('keys.csv', [keysCsv(keys)]);
  return zip.blob();
}

import type { ReportRecord } from '../core/record';
import { yieldToEventLoop, type ChunkOptions } from './chunked';
import { toExportRow, type ExportRow } from './export-row';
import { CHECKS_HEADER, LONG_HEADER, WIDE_HEADER, escapeFormula, type CellValue } from './rows';
import { NS, Sheet, SharedStrings, TRUNCATED, XML_HEAD, writeChecks, writeLong, writeWide, type SheetWriter } from './xlsx-sheets';
import { ZipWriter, type Deflater } from './zip';

/**
 * XLSX export (SPEC §5): sheets `reports` (wide), `values` (long) and `checks`. Numbers are typed
 * numbers; text is written as shared strings (never formulas) and escaped like CSV text. Shared strings,
 * not inline ones: the `values` sheet repeats a report's id, agency and url and a key's section and
 * label on every row — inline, its XML was ~3× larger, and building and deflating it was most of the time.
 */

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEETS = ['reports', 'values', 'checks'] as const;
/** Excel's row limit; a longer `values` sheet is cut (the CSV export has no limit). */
export const MAX_ROWS = 1_048_576;
export { TRUNCATED };

function xmlText(text: string): string {
  // strip characters XML 1.0 forbids, then escape
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A sheet's XML in chunks: the rows of `slice` reports at a time, with a yield between slices so the
 * page stays responsive (the zip writer checksums and deflates each chunk as it comes).
 */
async function* sheetChunks(
  rows: readonly ExportRow[],
  sheet: Sheet,
  write: SheetWriter,
  progress: (done: number) => void,
  opts: ChunkOptions,
  slice: number,
): AsyncGenerator<Uint8Array> {
  const pause = opts.yieldFn ?? yieldToEventLoop;
  for (let start = 0; start < rows.length; start += slice) {
    const end = Math.min(rows.length, start + slice);
    for (let i = start; i < end && !sheet.cut; i++) write(rows[i], sheet);
    progress(end);
    yield sheet.out.take();
    await pause();
  }
  sheet.finish();
  yield sheet.out.take();
}

/** The shared strings part, in chunks. */
function* sharedStringChunks(sst: SharedStrings): Generator<Uint8Array> {
  const enc = new TextEncoder();
  let text = `${XML_HEAD}<sst xmlns="${NS}" count="${sst.count}" uniqueCount="${sst.list.length}">`;
  for (const s of sst.list) {
    text += `<si><t xml:space="preserve">${xmlText(escapeFormula(s))}</t></si>`;
    if (text.length > 1 << 20) {
      yield enc.encode(text);
      text = '';
    }
  }
  yield enc.encode(`${text}</sst>`);
}

function packageParts(): Record<string, string> {
  const sheetTypes = SHEETS.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheetTypes}</Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${SHEETS.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${SHEETS.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${SHEETS.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${SHEETS.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `maxRows`: the `values` sheet's row limit (tests lower it); `deflater`: where the parts are deflated (zip.ts). */
export type XlsxOptions = ChunkOptions & { maxRows?: number; deflater?: Deflater };

/**
 * Builds the workbook from export rows, sheet by sheet in slices (progress: reports done over the three
 * sheets, scaled to the report count), as a Blob.
 */
export async function xlsxBlob(rows: readonly ExportRow[], opts: XlsxOptions = {}): Promise<Blob> {
  const maxRows = opts.maxRows ?? MAX_ROWS;
  const sst = new SharedStrings();
  const zip = new ZipWriter(opts.deflater);
  const slice = Math.max(1, Math.floor((opts.chunkSize ?? 200) / 2));
  const enc = new TextEncoder();
  for (const [name, xml] of Object.entries(packageParts())) await zip.add(name, [enc.encode(xml)]);
  const sheets: Array<[CellValue[], SheetWriter]> = [
    [WIDE_HEADER, writeWide()],
    [LONG_HEADER, writeLong(sst)],
    [CHECKS_HEADER, writeChecks(sst)],
  ];
  const n = rows.length;
  for (const [i, [header, writer]] of sheets.entries()) {
    const progress = (done: number) => opts.onProgress?.(Math.floor((i * n + done) / sheets.length), n);
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetChunks(rows, new Sheet(sst, maxRows, header), writer, progress, opts, slice));
  }
  await zip.add('xl/sharedStrings.xml', sharedStringChunks(sst));
  if (n === 0) opts.onProgress?.(0, 0);
  return zip.blob(XLSX_TYPE);
}

/** The workbook's bytes, from records (tests, small exports). */
export async function toXlsx(records: readonly ReportRecord[], opts?: XlsxOptions): Promise<Uint8Array> {
  return new Uint8Array(await (await xlsxBlob(records.map(toExportRow), opts)).arrayBuffer());
}

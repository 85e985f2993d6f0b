import JSZip from 'jszip';
import mammoth from 'mammoth';
import { FILE_NOTES, htmlDocument, type FileKind, type FileOutcome } from './file-outcome';
import { repairTables } from './word-grid';
import { inflatesWithin, isZip, zipEntries } from './zip-entries';

/**
 * Which reader a file needs (SPEC §8): by its magic bytes first — a zip holding word/document.xml is a DOCX,
 * `%PDF-` (within the first KB, as PDF readers allow) a PDF, an OLE compound file (D0 CF 11 E0) an old
 * `.doc`/`.wps` — then by its extension. Null: not a file we read (an HTML page, a spreadsheet, …).
 */
export function fileKind(name: string, bytes: Uint8Array): FileKind | null {
  if (isZip(bytes) && zipEntries(bytes)?.some((e) => e.name === 'word/document.xml')) return 'docx';
  if (startsWithPdf(bytes)) return 'pdf';
  if (OLE.every((b, i) => bytes[i] === b)) return 'doc';
  const ext = /\.([a-z0-9]+)$/i.exec(name.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'doc' || ext === 'wps') return 'doc';
  return null;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWithPdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= limit; i++) if (PDF.every((b, j) => bytes[i + j] === b)) return true;
  return false;
}

/** Declared uncompressed size above which a DOCX is refused unread (a zip bomb; real reports are < 5 MB). */
export const DOCX_MAX_BYTES = 50 * 1024 * 1024;

/**
 * A `.doc`/`.wps`: an old binary Word/WPS file (OLE) cannot be read — the note says what to do. Many CMSs'
 * "export to Word" serve a web page under a `.doc` name, though (Word opens HTML): that is read as the page
 * it is, decoded by its declared charset (GBK on many gov.cn sites), with a note.
 */
export function readDoc(bytes: Uint8Array = new Uint8Array()): FileOutcome {
  if (!OLE.every((b, i) => bytes[i] === b) && looksLikeHtml(bytes))
    return { kind: 'doc', html: decodeHtml(bytes), notes: [FILE_NOTES.docIsHtml] };
  return { kind: 'doc', html: null, notes: [FILE_NOTES.doc] };
}

/** The first KB is markup: a doctype, `<html`, or Word's HTML namespaces, after an optional BOM and blanks. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  return /^\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html[\s>]|<!--[\s\S]*?-->\s*<html[\s>])/i.test(head);
}

/** An HTML page's bytes as text, by its declared charset (GBK/GB18030, Big5), else UTF-8, else GB18030. */
export function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  if (declared === 'big5') return new TextDecoder('big5').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * A DOCX as an HTML document for the core: mammoth turns paragraphs into `<p>` and tables into `<table>`,
 * Word's merged cells (gridSpan, vMerge) into colspan/rowspan, rows that skip grid columns (gridBefore/After)
 * padded with empty cells first so merges stay in their columns. Images are dropped (tables printed as images
 * leave the report without readable tables, as on an HTML page). The title is the document's first line that
 * names a report (else its first short line, else the file name). Bad input — not a zip, truncated, a zip
 * that is not a Word document, declared sizes over `DOCX_MAX_BYTES` — gives `html: null` and a note.
 */
export async function readDocx(bytes: Uint8Array, name = ''): Promise<FileOutcome> {
  const fail = (note: string): FileOutcome => ({ kind: 'docx', html: null, notes: [note] });
  const entries = zipEntries(bytes);
  if (!entries) return fail(FILE_NOTES.corruptZip);
  if (!entries.some((e) => e.name === 'word/document.xml')) return fail(FILE_NOTES.notDocx);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > DOCX_MAX_BYTES) return fail(FILE_NOTES.tooLarge(Math.round(declared / 1024 / 1024)));
  // a part that inflates past the size it declares is a bomb in disguise (or corrupt): stop it there
  for (const e of entries) if (!(await inflatesWithin(bytes, e, e.size))) return fail(FILE_NOTES.sizeLie(e.name));
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    const docx = await withRepairedTables(bytes);
    const arrayBuffer = docx.buffer.slice(docx.byteOffset, docx.byteOffset + docx.byteLength);
    // Node's mammoth reads `buffer`, its browser build `arrayBuffer`
    const input = { buffer: docx, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    result = await mammoth.convertToHtml(input, {
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
  } catch (e) {
    return fail(FILE_NOTES.unreadable(String((e as Error)?.message ?? e).slice(0, 200)));
  }
  // one line per paragraph, as a page's own markup has it: the text read between the tables (SPEC §10 text.*)
  // then keeps a heading apart from the sentence under it
  const body = result.value.replace(/<\/(p|h[1-6]|li|table|ul|ol)>(?=<(?:p|h[1-6]|table|ul|ol)[\s>])/g, '</$1>\n');
  const notes: string[] = [];
  if (result.messages.some((m) => /cell merging/i.test(m.message))) notes.push(FILE_NOTES.mergeDoubt);
  if (!/<table[\s>]/i.test(body)) notes.push(FILE_NOTES.noTables);
  return { kind: 'docx', html: htmlDocument(documentTitle(body, name), body), notes };
}

/** The DOCX with its tables repaired for mammoth (word-grid.ts); the bytes as they were when nothing needed it. */
async function withRepairedTables(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file('word/document.xml');
  if (!part) return bytes;
  const xml = await part.async('string');
  const fixed = repairTables(xml);
  if (fixed === xml) return bytes;
  zip.file('word/document.xml', fixed);
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/**
 * The report's name: the first line (before the first table) that names a report, else the first short line,
 * else the file's name. Word titles often break before the year ("岚皋县行政审批服务局" / "2021年政府信息公开工作
 * 年度报告"): a line that starts with the year takes the agency's name printed on the line right above it.
 */
function documentTitle(body: string, name: string): string {
  const head = body.split(/<table[\s>]/i)[0];
  const lines = [...head.matchAll(/<(p|h[1-6])[^>]*>([\s\S]*?)<\/\1>/gi)]
    .map((m) => decodeText(m[2]))
    .filter(Boolean)
    .slice(0, 12);
  const named = lines.findIndex((t) => t.length <= 80 && REPORT_NAME.test(t));
  if (named >= 0) {
    const above = named > 0 ? lines[named - 1] : '';
    return YEAR_FIRST.test(lines[named]) && AGENCY_LINE.test(above) && !NOT_AGENCY.test(above) ? above + lines[named] : lines[named];
  }
  const fileTitle = name.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  return REPORT_NAME.test(fileTitle) ? fileTitle : (lines.find((t) => t.length <= 80) ?? fileTitle);
}

const REPORT_NAME = /年度?报告|年报/;
const YEAR_FIRST = /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年/;
const AGENCY_LINE = /^[\u4e00-\u9fa5()（）]{2,30}(?:政府|局|委员会|委|办公室|办|院|中心|厅|署|会|所|站|队|处|街道|镇|乡)$/;
const NOT_AGENCY = /[我本该其]|现将|根据|按照|关于|报告|附件/;

function decodeText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a report PDF (SPEC §8) with pdf.js into one HTML document for the HTML core: the title, the text as
 * paragraphs and the tables rebuilt from ruling lines and text positions (lib/files/pdf-layout.ts). A PDF
 * with no extractable text (scanned pages, fonts without a Unicode mapping), a password-protected, corrupt,
 * truncated or non-PDF file gives `html: null` and a note in Chinese saying why — never zeros, never a throw.
 */
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { rulesOfPage, textOfPage, type PageFrame, type PdfTextItem, type Rule, type TextBit } from './pdf-geometry';
import { layoutHtml } from './pdf-layout';

export interface PdfReadResult {
  html: string | null;
  notes: string[];
}

export interface PdfReadOptions {
  /** folder of pdf.js's packed CJK CMaps (a path in Node, a packaged URL in the extension), ending in `/` */
  cMapUrl?: string;
  /** folder of pdf.js's standard font data, ending in `/` */
  standardFontDataUrl?: string;
  /** pages read at most (the rest is noted); a report is a few pages */
  maxPages?: number;
  /** the packaged pdf.js worker script (the extension's `pdf.worker.mjs` URL); Node needs none */
  workerSrc?: string;
  /** a larger file is not read at all (a report PDF with text is well under 10 MB; 50 MB is a scan) */
  maxBytes?: number;
}

export const NOTE_NO_TEXT = 'PDF 中没有可提取的文字（可能是扫描图片）';
export const NOTE_PASSWORD = 'PDF 有密码保护，无法读取';
export const NOTE_BROKEN = 'PDF 文件已损坏、不完整或不是 PDF，无法读取';

/** In Node (CLI, tests) the assets sit in node_modules beside this repository; the extension passes its own. */
function nodeAsset(folder: string): string | undefined {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  try {
    return decodeURIComponent(new URL(`../../node_modules/pdfjs-dist/${folder}/`, import.meta.url).pathname);
  } catch {
    return undefined;
  }
}

let sharedWorker: InstanceType<typeof PdfJs.PDFWorker> | undefined;

function failureNote(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return NOTE_PASSWORD;
  const message = err instanceof Error ? err.message : String(err);
  return `${NOTE_BROKEN}（${name || 'Error'}: ${message.slice(0, 120)}）`;
}

export async function readPdf(bytes: Uint8Array, opts: PdfReadOptions = {}): Promise<PdfReadResult> {
  const notes: string[] = [];
  if (!bytes.length) return { html: null, notes: [NOTE_BROKEN + '（空文件）'] };
  const maxBytes = opts.maxBytes ?? 30 * 1024 * 1024;
  if (bytes.length > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { html: null, notes: [`PDF 文件过大（${mb(bytes.length)} MB，上限 ${mb(maxBytes)} MB），未读取`] };
  }
  let pdfjs: typeof PdfJs;
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  } catch (err) {
    return { html: null, notes: [`无法加载 PDF 阅读器（${err instanceof Error ? err.message : String(err)}）`] };
  }
  if (opts.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = opts.workerSrc;
  // in a browser one pdf.js worker serves every file (starting one loads 1.3 MB of script); Node has none
  if (opts.workerSrc) sharedWorker ??= new pdfjs.PDFWorker();
  const task = pdfjs.getDocument({
    ...(sharedWorker ? { worker: sharedWorker } : {}),
    data: new Uint8Array(bytes), // a copy (Buffer.slice would share): pdf.js may transfer it to its worker
    isEvalSupported: false,
    cMapUrl: opts.cMapUrl ?? nodeAsset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: opts.standardFontDataUrl ?? nodeAsset('standard_fonts'),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    stopAtErrors: false,
    // nothing is drawn: the page's fonts need not become FontFaces (the text and its widths come from the worker)
    disableFontFace: true,
    fontExtraProperties: false,
  });
  try {
    const doc = await task.promise;
    const maxPages = opts.maxPages ?? 60;
    const count = Math.min(doc.numPages, maxPages);
    if (doc.numPages > maxPages) notes.push(`PDF 共 ${doc.numPages} 页，只读取了前 ${maxPages} 页`);
    const bits: TextBit[] = [];
    const rules: Rule[] = [];
    const pageTops: number[] = [];
    let top = 0;
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const frame: PageFrame = { page: n - 1, transform: viewport.transform, top };
      pageTops.push(top);
      const content = await page.getTextContent();
      const pageBits = textOfPage(
        content.items.filter((i): i is PdfTextItem & typeof i => 'str' in i),
        frame,
      );
      bits.push(...pageBits);
      if (pageBits.length) {
        const ops = await page.getOperatorList();
        rules.push(...rulesOfPage(ops.fnArray, ops.argsArray, pdfjs.OPS, frame));
      }
      top += viewport.height;
      page.cleanup();
    }
    pageTops.push(top);
    if (!bits.some((b) => /[\p{L}\p{N}]/u.test(b.str))) return { html: null, notes: [...notes, NOTE_NO_TEXT] };
    const { html, tables } = layoutHtml(bits, rules, pageTops);
    notes.push(tables ? `从 PDF 重建了 ${tables} 个表格（${count} 页）` : `PDF 中没有找到带表格线的表格（${count} 页）`);
    return { html, notes };
  } catch (err) {
    return { html: null, notes: [...notes, failureNote(err)] };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

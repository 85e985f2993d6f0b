import type { FileReaders } from './check-file';

/**
 * The file readers in a browser page (the offscreen document, Firefox's background page): the same readers
 * as the CLI's, with pdf.js's worker, CMaps and standard fonts taken from the extension's package (no remote
 * code). Each reader loads on first use, so pdf.js and mammoth stay out of every other page.
 */
export interface PdfAssets {
  /** the packaged `pdf.worker.min.mjs` */
  workerSrc: string;
  /** the packaged CMaps folder, ending in `/` */
  cMapUrl: string;
  /** the packaged standard fonts folder, ending in `/` */
  standardFontDataUrl: string;
}

export function browserReaders(assets: PdfAssets): FileReaders {
  return {
    docx: async (bytes, name) => (await import('./read-file')).readDocx(bytes, name),
    doc: async (bytes) => (await import('./read-file')).readDoc(bytes),
    pdf: async (bytes) => ({ kind: 'pdf', ...(await (await import('./pdf-read')).readPdf(bytes, assets)) }),
  };
}

/** Where `wxt.config.ts` packages pdf.js's files, under the extension's root. */
export const PDF_ASSET_PATHS = {
  workerSrc: '/pdfjs/pdf.worker.min.mjs',
  cMapUrl: '/pdfjs/cmaps/',
  standardFontDataUrl: '/pdfjs/standard_fonts/',
} as const;

/** The assets' URLs under the extension's root (`runtime.getURL`). */
export function pdfAssets(getURL: (path: string) => string): PdfAssets {
  return {
    workerSrc: getURL(PDF_ASSET_PATHS.workerSrc),
    cMapUrl: getURL(PDF_ASSET_PATHS.cMapUrl),
    standardFontDataUrl: getURL(PDF_ASSET_PATHS.standardFontDataUrl),
  };
}

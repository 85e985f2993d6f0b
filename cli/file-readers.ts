import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { canonicalUrl } from '../lib/core/canonical-url';
import { checkReports } from '../lib/core/check-page';
import { FILE_NOTES, htmlDocument, type FileKind, type FileOutcome } from '../lib/files/file-outcome';
import { fileKind, readDoc, readDocx } from '../lib/files/read-file';
import { readPdf } from '../lib/files/pdf-read';
import { parseHtml } from './dom';

/**
 * The CLI on report files (SPEC §6, §8): a `.docx`, `.doc`/`.wps` or `.pdf` gives the same JSON lines as an
 * HTML page, read by the file reader of its kind into HTML and then by the same core. `url` is the file's
 * path and `source` says where the tables came from; the reader's notes join the record's notes.
 */

/** The files the CLI reads as documents (in directories too). */
export const DOCUMENT_FILE = /\.(docx|doc|wps|pdf)$/i;

export type FileReader = (bytes: Uint8Array, name: string) => Promise<FileOutcome>;

/** One reader per kind (null: the kind is not read, and the line says so — never a silent skip). */
export const readers: Record<FileKind, FileReader | null> = {
  docx: readDocx,
  doc: async (bytes) => readDoc(bytes),
  pdf: async (bytes) => ({ kind: 'pdf', ...(await readPdf(bytes)) }),
};

type Line = Record<string, unknown>;

export async function checkDocument(file: string): Promise<Line[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    return [{ file, error: `无法读取文件：${(e as Error).message}` }];
  }
  const kind = fileKind(file, bytes) ?? 'docx';
  const reader = readers[kind];
  const read: FileOutcome = reader ? await reader(bytes, basename(file)) : { kind, html: null, notes: [FILE_NOTES.notRead] };
  // the schema has no `doc` kind: a .doc read as the web page it is has HTML tables; a binary one, none
  const source = read.kind !== 'doc' ? { kind: read.kind, url: file } : read.html ? { kind: 'html' as const, url: file } : undefined;
  // nothing readable: the file's name is all the text there is (a report's name gives a no-tables record)
  const title = basename(file).replace(/\.[a-z0-9]+$/i, '');
  const html = read.html ?? htmlDocument(title, `<h1>${title.replace(/[<&]/g, ' ')}</h1>`);
  try {
    const doc = parseHtml(html);
    // a web page saved under a .doc name may name its address; a converted file has none (url = the file)
    const results = checkReports(doc, canonicalUrl(doc, file));
    const reports = results.filter((r) => r.outcome.isReport).map((r) => r.outcome);
    return (reports.length ? reports : [results[0].outcome]).map((o) => {
      const line: Line = { file, ...o, notes: [...read.notes, ...(o.isReport ? o.notes : [])] };
      if (source) line.source = source;
      if (read.html === null && !o.isReport) line.reason = read.notes[0]; // why nothing was read, not the core's guess
      return line;
    });
  } catch (e) {
    return [{ file, error: `无法解析文件：${(e as Error).message}` }];
  }
}

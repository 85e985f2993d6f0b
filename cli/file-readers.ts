import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkFileBytes, type FileReaders } from '../lib/files/check-file';
import { readDoc, readDocx } from '../lib/files/read-file';
import { readPdf } from '../lib/files/pdf-read';
import { parseHtml } from './dom';

/**
 * The CLI on report files (SPEC §6, §8): a `.docx`, `.doc`/`.wps` or `.pdf` gives the same JSON lines as an
 * HTML page, read by the file reader of its kind into HTML and then by the same core. `url` is the file's
 * path and `source` says where the tables came from; the reader's notes join the record's notes.
 */

/** The files the CLI reads as documents (in directories too). */
export const DOCUMENT_FILE = /\.(docx|doc|wps|pdf)$/i;

/** One reader per kind (null: the kind is not read, and the line says so — never a silent skip). */
export const readers: FileReaders = {
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
  try {
    const read = await checkFileBytes(bytes, { name: basename(file), url: file, parse: parseHtml, readers });
    return read.outcomes.map((o) => {
      const line: Line = { file, ...o, notes: o.isReport ? o.notes : read.notes };
      if (read.html === null && !o.isReport) line.reason = read.notes[0]; // why nothing was read, not the core's guess
      return line;
    });
  } catch (e) {
    return [{ file, error: `无法解析文件：${(e as Error).message}` }];
  }
}

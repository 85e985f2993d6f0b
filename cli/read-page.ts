import { readFile } from 'node:fs/promises';
import { decodeHtml } from '../lib/files/read-file';

/**
 * Reads a saved HTML page as text, honouring its declared charset: many gov.cn pages are GBK/GB18030.
 * Without a declaration, UTF-8 is tried first and GB18030 used when UTF-8 does not fit (the same decoding
 * as a `.doc` that is really a web page: `decodeHtml`).
 */
export async function readPage(file: string): Promise<string> {
  return decodeHtml(new Uint8Array(await readFile(file)));
}

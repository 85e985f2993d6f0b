import { readFile } from 'node:fs/promises';

/**
 * Reads a saved HTML page as text, honouring its declared charset: many gov.cn pages are GBK/GB18030.
 * Without a declaration, UTF-8 is tried first and GB18030 used when UTF-8 does not fit.
 */
export async function readPage(file: string): Promise<string> {
  const bytes = await readFile(file);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  if (declared === 'big5') return new TextDecoder('big5').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

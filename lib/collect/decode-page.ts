/**
 * A fetched page's bytes as text (SPEC §9): the charset of the `Content-Type` header first, then the page's
 * own `<meta charset>`, else UTF-8, else GB18030 (many gov.cn pages are GBK and say so only in the page).
 */
const GB = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/;

function decoderFor(charset: string | undefined): TextDecoder | null {
  const c = charset?.trim().toLowerCase();
  if (!c) return null;
  if (GB.test(c)) return new TextDecoder('gb18030');
  if (c === 'big5') return new TextDecoder('big5');
  if (c === 'utf-8' || c === 'utf8') return new TextDecoder('utf-8');
  return null;
}

export function decodePage(bytes: Uint8Array, contentType = ''): string {
  const fromHeader = decoderFor(/charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1]);
  if (fromHeader) return fromHeader.decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta = decoderFor(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]);
  if (fromMeta) return fromMeta.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Whether the bytes start as a PDF (within the first KB, as readers allow), a zip (DOCX) or an OLE file (.doc). */
export function hasFileMagic(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-') || head.startsWith('PK\u0003\u0004') || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
}

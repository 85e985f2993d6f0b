/**
 * What a report file's address says (SPEC §8), without reading it: its name, and the kind of file it names.
 * Small and dependency-free: the popup and the background use it without loading any reader.
 */

/** The file name of an address or path, decoded (`…/P020220131%E5%B9%B4.pdf` → `P020220131年.pdf`). */
export function fileNameOf(url: string): string {
  const last = url
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .replace(/^.*[\\/]/, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The kind of report file an address names (its path, or a download script's file name in the query), on a
 * gov.cn host (the extension's host access): the popup offers "check this file" on such a tab (SPEC §7, §8).
 */
export function fileUrlKind(url: string | undefined): 'pdf' | 'docx' | 'doc' | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol) || !/(^|\.)gov\.cn$/i.test(u.hostname)) return null;
  const m = /\.(pdf|docx|doc|wps)(?=$|[?#&;])/i.exec(fileNameOf(u.pathname)) ?? /\.(pdf|docx|doc|wps)(?=$|[&;])/i.exec(u.search);
  const ext = m?.[1].toLowerCase();
  return ext === 'wps' ? 'doc' : ((ext as 'pdf' | 'docx' | 'doc' | undefined) ?? null);
}

import { siteOf } from '../core/listing';

/**
 * Which link on a report page is the report's own file (SPEC §8): link text or file name with 年报 / 年度报告 /
 * 政府信息公开, or the only readable file under a 附件 label. A 图解 or 解读 is never it; a file on another
 * site is never fetched. Reads the DOM only (the attachment reader calls it in the page).
 */

export type AttachmentKind = 'pdf' | 'docx' | 'doc' | 'wps' | 'xls' | 'xlsx' | 'ofd';

export interface AttachmentLink {
  url: string;
  /** what the page calls it: the link's text, else the file's name */
  name: string;
  kind: AttachmentKind;
}

export type AttachmentPick =
  /** `named`: the link names the report itself (年报/年度报告); `alone`: no other such file on the page */
  | { found: AttachmentLink; named?: boolean; alone?: boolean }
  /** the report's file is one we cannot read (an old .doc/.wps, a spreadsheet, an OFD) */
  | { unreadable: AttachmentLink }
  /** several files could be the report and none is named as it */
  | { ambiguous: AttachmentLink[] }
  /** no file link that could be the report */
  | { none: true; offSite?: AttachmentLink };

const FILE_EXT = /\.(pdf|docx|doc|wps|xlsx|xls|ofd)(?=$|[?#&;])/i;
const REPORT_WORDS = /年报|年度报告|政府信息公开|政务公开/;
const NOT_REPORT = /图解|解读|图片|一图|视频|附表说明|申请表|登记表/;
const READABLE = new Set<AttachmentKind>(['pdf', 'docx']);

function kindOf(href: URL, texts: string[]): AttachmentKind | null {
  let path = href.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it encoded */
  }
  // a download script names its file in the query (`downfile.jsp?filename=….pdf`), or only the link text does
  let m = FILE_EXT.exec(path) ?? FILE_EXT.exec(safeDecode(href.search));
  for (const t of texts) m ??= FILE_EXT.exec(t.trim());
  return m ? (m[1].toLowerCase() as AttachmentKind) : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Whether a 附件 label stands before the link: in its own block's text or in the block just before it. */
function underAttachmentLabel(a: Element): boolean {
  let el: Element | null = a;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    const text = el.textContent ?? '';
    const before = text.slice(0, Math.max(0, text.indexOf(a.textContent ?? '') + 1));
    if (/附\s*件/.test(before)) return true;
    const prev = el.previousElementSibling;
    if (prev && /附\s*件/.test(prev.textContent ?? '') && (prev.textContent ?? '').length < 40) return true;
  }
  return false;
}

export function findAttachment(doc: Document, pageUrl = doc.URL): AttachmentPick {
  const seen = new Set<string>();
  const candidates: Array<AttachmentLink & { named: number; labelled: boolean; offSite: boolean }> = [];
  let pageHost = '';
  try {
    pageHost = new URL(pageUrl).hostname;
  } catch {
    /* a page without an address: only relative links resolve */
  }
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (a.closest('[data-nianbao]')) continue;
    let href: URL;
    try {
      href = new URL(a.getAttribute('href')!.trim(), doc.baseURI || pageUrl);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(href.protocol)) continue;
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    const kind = kindOf(href, [text, a.getAttribute('title') ?? '']);
    if (!kind) continue;
    href.hash = '';
    if (seen.has(href.href)) continue;
    seen.add(href.href);
    const fileName = safeDecode(href.pathname.replace(/^.*\//, ''));
    const name = text || (a.getAttribute('title') ?? '').trim() || fileName;
    const words = `${name} ${fileName} ${safeDecode(href.search)} ${a.getAttribute('title') ?? ''}`;
    if (NOT_REPORT.test(words)) continue;
    // 2: named as the report itself; 1: names the disclosure work; 0: not named
    const named = /年报|年度报告/.test(words) ? 2 : REPORT_WORDS.test(words) ? 1 : 0;
    candidates.push({
      url: href.href,
      name,
      kind,
      named,
      labelled: underAttachmentLabel(a),
      offSite: !!pageHost && siteOf(href.hostname) !== siteOf(pageHost),
    });
  }
  const onSite = candidates.filter((c) => !c.offSite);
  const strip = ({ url, name, kind }: AttachmentLink): AttachmentLink => ({ url, name, kind });
  const best = Math.max(0, ...onSite.map((c) => c.named));
  const named = onSite.filter((c) => c.named === best && best > 0);
  // a report published as both DOCX and PDF: the DOCX keeps Word's merged cells exactly
  const rank = (k: AttachmentKind) => (k === 'docx' ? 0 : k === 'pdf' ? 1 : 2);
  if (named.length) {
    const readable = named.filter((c) => READABLE.has(c.kind)).sort((x, y) => rank(x.kind) - rank(y.kind));
    if (readable.length) {
      // one report in two formats is still one report: count the different names
      const reports = new Set(named.map((c) => c.name.replace(/\.[a-z]+$/i, '')));
      return { found: strip(readable[0]), named: best === 2, alone: reports.size === 1 };
    }
    return { unreadable: strip(named[0]) };
  }
  const labelled = onSite.filter((c) => c.labelled);
  const labelledReadable = labelled.filter((c) => READABLE.has(c.kind));
  if (labelledReadable.length === 1) return { found: strip(labelledReadable[0]) };
  if (labelledReadable.length > 1) return { ambiguous: labelledReadable.map(strip) };
  if (labelled.length === 1) return { unreadable: strip(labelled[0]) };
  const offSite = candidates.find((c) => c.offSite && (c.named || c.labelled));
  return offSite ? { none: true, offSite: strip(offSite) } : { none: true };
}

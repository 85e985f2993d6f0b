/**
 * TEMPORARY (branch collector): a minimal reader of a 年报 column with the API of the `listing` branch's
 * lib/core/listing.ts, which replaces this file when it lands. Pure: a DOM and its address in, data out.
 */
export interface ListingItem {
  url: string;
  title: string;
  date: string | null;
  year: number | null;
  isReport: boolean;
  kind: 'page' | 'pdf' | 'docx' | 'doc' | 'other';
  offSite: boolean;
}

export interface ListingPage {
  items: ListingItem[];
  nextPages: string[];
}

const REPORT = /(政府信息公开|政务公开).*(年度报告|工作报告)|年报/;
const NOT_REPORT = /解读|图解|一图|通知|要点|指南|目录/;
const site = (host: string) => host.toLowerCase().split('.').slice(-3).join('.');

function kindOf(u: URL): ListingItem['kind'] {
  const ext = /\.([a-z0-9]{2,5})$/i.exec(u.pathname)?.[1].toLowerCase();
  if (!ext || /^(html?|shtml|jsp|php|aspx?|do)$/.test(ext)) return 'page';
  return ext === 'pdf' || ext === 'docx' || ext === 'doc' ? ext : 'other';
}

export function readListing(doc: Document, pageUrl: string): ListingPage {
  const page = new URL(pageUrl);
  const items: ListingItem[] = [];
  const nextPages: string[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    let u: URL;
    try {
      u = new URL(a.getAttribute('href')!.trim(), pageUrl);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(u.protocol)) continue;
    u.hash = '';
    const title = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (/^(下一页|下页|\d{1,3})$/.test(title) && u.host === page.host && u.href !== page.href) {
      if (!nextPages.includes(u.href)) nextPages.push(u.href);
      continue;
    }
    if (seen.has(u.href) || !/年/.test(title)) continue;
    seen.add(u.href);
    const year = /((?:19|20)\d{2})\s*年/.exec(title)?.[1];
    const date = /((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(a.parentElement?.textContent ?? '')?.[0] ?? null;
    items.push({
      url: u.href,
      title,
      date,
      year: year ? Number(year) : null,
      isReport: REPORT.test(title) && !NOT_REPORT.test(title) && !!year,
      kind: kindOf(u),
      offSite: site(u.hostname) !== site(page.hostname),
    });
  }
  return { items, nextPages };
}

export function countReportLinks(doc: Document, pageUrl: string, stopAt = Infinity): number {
  let n = 0;
  for (const item of readListing(doc, pageUrl).items) if (item.isReport && ++n >= stopAt) break;
  return n;
}

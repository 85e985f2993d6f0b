import { readLinkTitle, titleNamesReport } from './detect';
import { httpUrl, linkBase, resolveLink, type LinkAddress, type LinkBase } from './link-address';
import { furtherPages, PAGER_TEXT, type PagerLink } from './listing-pages';
import { WHITESPACE_CHAR } from './text';

/**
 * An agency's 年报 column read as a listing (SPEC §9): the report links it lists, with title, date and year,
 * and the addresses of the listing's further pages. A link is listed when it names a report (detect.ts's
 * title rule and vetoes) or stands in the same list as one (a 解读, 图解 or news item among the reports,
 * listed unchecked); navigation, sidebars and footers list no report and are left out, as are pager links
 * and 上一篇 / 下一篇 article links. Pure: a DOM and its address in, plain data out.
 */

export interface ListingItem {
  /** absolute, fragment removed, de-duplicated within a page */
  url: string;
  /** the link's text (or its title attribute when the text is cut short with …), white space normalised */
  title: string;
  /** YYYY-MM-DD from the item's row (a span/em/td next to the link), else from the address (t20220128_…) */
  date: string | null;
  /** the report year the title names (2021年度 / 2021年 / 二〇二一年) */
  year: number | null;
  /** names an annual information-disclosure report with a year; false for 解读, 图解, 一图读懂, 通知, news … */
  isReport: boolean;
  kind: 'page' | 'pdf' | 'docx' | 'doc' | 'other';
  /** not on the listing's own site (the last three host labels, `qz.gov.cn`): listed, never fetched unless checked */
  offSite: boolean;
}

export interface ListingPage {
  items: ListingItem[];
  /** absolute addresses of the further pages of this listing: same host, in order, never the current one */
  nextPages: string[];
}

const SPACES = new RegExp(`${WHITESPACE_CHAR}+`, 'g');
const CUT_SHORT = /(?:…|\.{2,}|。{2,})$/;
/** more text than any title: a hostile page's 10,000-character link is cut here */
const TITLE_MAX = 300;
/** a node beside a link with more text than this is no date's */
const ROW_MAX = 400;
const ROW_TAGS = new Set(['LI', 'TR', 'DD', 'DT', 'P']);
const INLINE_TAGS = new Set(['SPAN', 'B', 'STRONG', 'EM', 'I', 'LABEL', 'FONT']);
const ARTICLE_NAV = /(?:上|下)一(?:篇|条|页)\s*[:：]?\s*$/;
const ROW_DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const URL_DATE = /[/_]t((?:19|20)\d{2})(\d{2})(\d{2})[_./]|\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//;
const FILE_EXT = /\.([a-z0-9]{2,5})$/i;
const PAGE_EXT = new Set(['html', 'htm', 'shtml', 'shtm', 'jhtml', 'xhtml', 'jsp', 'jspx', 'php', 'asp', 'aspx', 'do', 'action', 'cgi']);
const QUERY_FILE = /[?&][^=&]*=[^&]*\.(pdf|docx|doc)(?:&|$)/i;

/** A host's site: its last three labels (`www.lingchuan.gov.cn` → `lingchuan.gov.cn`), as attachments are judged (SPEC §8). */
export function siteOf(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '').split('.').slice(-3).join('.');
}

/** `siteOf` remembered per host: a column's thousands of links share a few hosts. */
function siteMemo(): (host: string) => string {
  const sites = new Map<string, string>();
  return (host) => {
    let site = sites.get(host);
    if (site === undefined) sites.set(host, (site = siteOf(host)));
    return site;
  };
}

function clean(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** The link's title: its text, or its title attribute when the text is empty or cut short (…), or an image's alt. */
function titleOf(a: Element): string {
  const text = clean(a.textContent ?? '');
  let title = text;
  if (!text || CUT_SHORT.test(text)) {
    const attr = clean(a.getAttribute('title') ?? '');
    if (attr && attr.length > text.length - 3) title = attr;
  }
  if (!title) title = clean(a.getElementsByTagName('img')[0]?.getAttribute('alt') ?? '');
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX)}…` : title;
}

/** The item's row: the nearest li / tr / dd / dt / p within three levels, else the link's parent. */
function rowOf(a: Element): Element | null {
  let el = a.parentElement;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) if (ROW_TAGS.has(el.tagName)) return el;
  return a.parentElement;
}

/** By the address's extension; a download script's page (`down.jsp?filename=….pdf`) by the file its query names. */
function kindOf(u: LinkAddress): ListingItem['kind'] {
  const ext = FILE_EXT.exec(u.pathname)?.[1].toLowerCase();
  if (!ext || PAGE_EXT.has(ext)) {
    const named = ext && u.href.includes('?') ? QUERY_FILE.exec(u.href)?.[1].toLowerCase() : undefined;
    return named === 'pdf' || named === 'docx' || named === 'doc' ? named : 'page';
  }
  return ext === 'pdf' || ext === 'docx' || ext === 'doc' ? ext : 'other';
}

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${m.length === 2 ? m : `0${m}`}-${d.length === 2 ? d : `0${d}`}`;
}

/** A date in one node's text, as YYYY-MM-DD. */
function dateIn(text: string | null): string | null {
  const m = text && text.length <= ROW_MAX ? ROW_DATE.exec(text) : null;
  return m && isoDate(m[1], m[2], m[3]);
}

/**
 * The item's date: in a node beside the link (a span/em after it, a td after its cell, or before), searched
 * from the link up to (not beyond) its row, never past another link; else in the address (t20220128_…, /2022/1/28/).
 */
function dateOf(a: Element, row: Element | null, u: LinkAddress): string | null {
  for (let n: Element | null = a, depth = 0; n && n !== row && depth < 4; n = n.parentElement, depth++) {
    for (let s = n.nextSibling; s && (s as Element).tagName !== 'A'; s = s.nextSibling) {
      const d = dateIn(s.textContent);
      if (d) return d;
    }
    for (let s = n.previousSibling; s && (s as Element).tagName !== 'A'; s = s.previousSibling) {
      const d = dateIn(s.textContent);
      if (d) return d;
    }
  }
  const m = URL_DATE.exec(u.pathname);
  return m ? (m[1] ? isoDate(m[1], m[2], m[3]) : isoDate(m[4], m[5], m[6])) : null;
}

/** 上一篇：… / 下一篇：… on an article page: the link's own label, just before it. */
function isArticleNav(a: Element): boolean {
  if (isNavLabel(a.previousSibling)) return true;
  const parent = a.parentElement;
  return !!parent && a === parent.firstElementChild && isNavLabel(parent.previousSibling);
}

/** A text or an inline element (never a block: a list's previous row) ending in 上一篇： / 下一篇： */
function isNavLabel(node: Node | null): boolean {
  if (!node || (node.nodeType !== 3 && !INLINE_TAGS.has((node as Element).tagName))) return false;
  return ARTICLE_NAV.test(node.textContent ?? '');
}

/** The address links resolve against: the page's `<base href>` when it has one (as the browser does), else the page. */
function baseOf(doc: Document, page: URL): LinkBase {
  const base = (doc.head ?? doc).getElementsByTagName('base')[0]?.getAttribute('href');
  return linkBase((base && httpUrl(base, page)) || page);
}

/** The listing's own address, when it is an http(s) URL. */
function pageAddressOf(pageUrl: string): URL | null {
  try {
    return httpUrl(pageUrl, new URL(pageUrl));
  } catch {
    return null;
  }
}

interface Link {
  a: Element;
  url: LinkAddress;
  title: string;
  isReport: boolean;
  year: number | null;
  row: Element | null;
}

export function readListing(doc: Document, pageUrl: string): ListingPage {
  const page = pageAddressOf(pageUrl);
  if (!page) return { items: [], nextPages: [] };
  const base = baseOf(doc, page);
  const site = siteOf(page.host);
  const siteOfHost = siteMemo();
  const links: Link[] = [];
  const pager: PagerLink[] = [];
  /** rows' parents that hold a report: the listing's own lists */
  const lists = new Set<Element | null>();
  const anchors = doc.getElementsByTagName('a');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    const url = resolveLink(a.getAttribute('href'), base);
    if (!url) continue;
    const title = titleOf(a);
    if (PAGER_TEXT.test(title) || /(?:^|\s)next(?:\s|$)/i.test(a.getAttribute('rel') ?? '')) {
      pager.push({ url: new URL(url.href), text: title, element: a });
      continue;
    }
    if (!title || url.href === page.href) continue;
    const { isReport, year } = readLinkTitle(title);
    if (isReport && isArticleNav(a)) continue;
    const row = rowOf(a);
    if (isReport) lists.add(row?.parentElement ?? null);
    links.push({ a, url, title, isReport, year, row });
  }
  const items: ListingItem[] = [];
  const seen = new Map<string, ListingItem>();
  for (const link of links) {
    if (!link.isReport && !lists.has(link.row?.parentElement ?? null)) continue;
    const href = link.url.href;
    const known = seen.get(href);
    if (known) {
      // the same report twice (an image link, then the title): one item, the better title
      if (link.isReport && !known.isReport) Object.assign(known, { title: link.title, isReport: true, year: link.year });
      continue;
    }
    const item: ListingItem = {
      url: href,
      title: link.title,
      date: dateOf(link.a, link.row, link.url),
      year: link.year,
      isReport: link.isReport,
      kind: kindOf(link.url),
      offSite: siteOfHost(link.url.host) !== site,
    };
    seen.set(href, item);
    items.push(item);
  }
  return { items, nextPages: furtherPages(doc, page, pager) };
}

/**
 * How many different report links the page holds, stopping at `stopAt` (cheap: the popup's "collect (N)" offer
 * on a page linking ≥ 2 reports). Counts what `readListing` would list as reports.
 */
export function countReportLinks(doc: Document, pageUrl: string, stopAt = Infinity): number {
  const page = pageAddressOf(pageUrl);
  if (!page) return 0;
  const base = baseOf(doc, page);
  const seen = new Set<string>();
  const anchors = doc.getElementsByTagName('a');
  for (let i = 0; i < anchors.length && seen.size < stopAt; i++) {
    const a = anchors[i];
    const href = a.getAttribute('href');
    if (!href) continue;
    const title = titleOf(a);
    if (!titleNamesReport(title) || isArticleNav(a)) continue;
    const url = resolveLink(href, base);
    if (url && url.href !== page.href) seen.add(url.href);
  }
  return seen.size;
}

import { httpUrl } from './link-address';

/**
 * The further pages of a 年报 column (SPEC §9): which addresses continue the listing the page shows. Read from
 * the pager's links — 下一页 / 下页 / >> (or `rel=next`), numbered pages in the CMSs' address styles
 * (`index_2.html`, `index_1.shtml`, `?pageNum=2`, `?page=2`, `&p=2` …) — and from the common TRS script call
 * `createPageHTML(total, current, 'index', 'html')` whose links exist only once the script has run (a fetched
 * page). Only pages after the current one, on the same host, of the same listing (the same folder and file
 * stem, or the same path and other query parameters), in page order, each once: a collector that follows them
 * can never loop back.
 */

/** the text of a link to the next page */
export const NEXT_TEXT = /^(?:下一?页|下一?頁|后页|後頁|>>?|»|›|next)$/i;
/** the text of any pager link (first, previous, next, last, a page number): never a listing's item */
export const PAGER_TEXT =
  /^(?:[[［]?\d{1,4}[\]］]?|第\s*\d{1,4}\s*页|首页|首頁|上一?页|上一?頁|前页|下一?页|下一?頁|后页|後頁|尾页|尾頁|末页|末頁|<<?|>>?|«|»|‹|›|next|prev(?:ious)?|first|last|跳转|GO)$/i;
/** query parameters that number a listing's pages */
const PAGE_PARAM = /^(?:pagenum|page|p|pageno|pageindex|curpage|currentpage|pn|pagenumber)$/i;
/** a file named `<stem>.html` or `<stem>_<n>.html` (TRS and most CMSs that write static pages; `-<n>`, `.shtml`, `.jhtml` too) */
const STEM_PAGE = /^(.*\/)([^/]*?)(?:[_-](\d{1,4}))?\.([sj]?html?)$/i;
/** more pages than any real column has: a hostile script's `createPageHTML(1e9, …)` stops here */
const MAX_PAGES = 500;

interface PageAddress {
  /** what a further page of the same listing shares with this one */
  listing: string;
  number: number;
  /** the address style numbers its first page 0 (`index.html` is page 0, `index_1.html` page 1) */
  style: 'stem' | 'query';
}

/** The listing an address belongs to and its page number in the address, or null when it names none. */
function pageAddress(u: URL, isCurrent: boolean): PageAddress | null {
  let found: { key: string; value: number } | null = null;
  for (const [key, value] of u.searchParams) {
    if (PAGE_PARAM.test(key) && /^\d{1,4}$/.test(value)) found = { key, value: Number(value) };
  }
  if (found) {
    const rest = new URLSearchParams(u.search);
    rest.delete(found.key);
    rest.sort();
    return { listing: `q ${u.origin}${u.pathname}?${rest}`, number: found.value, style: 'query' };
  }
  const m = STEM_PAGE.exec(u.pathname);
  if (m) return { listing: `s ${u.origin}${m[1]}${m[2]}`, number: m[3] ? Number(m[3]) : 0, style: 'stem' };
  // the column's folder itself (`…/zfxxgkndbg/`) is its first page, `index.html`
  if (isCurrent && u.pathname.endsWith('/')) return { listing: `s ${u.origin}${u.pathname}index`, number: 0, style: 'stem' };
  return null;
}

/**
 * Whether a candidate page continues the current one: the same listing and a higher number. A current
 * address without a page parameter is the first page, numbered 1 unless the pager numbers from 0.
 */
function isFurther(current: PageAddress | null, page: PageAddress, currentUrl: URL, zeroBased: boolean): boolean {
  if (current && current.listing === page.listing) return page.number > current.number;
  if (page.style !== 'query' || current?.style === 'query') return false;
  // this page has no page parameter: the same path with one (and otherwise the same query) continues it
  const rest = new URLSearchParams(currentUrl.search);
  rest.sort();
  return page.listing === `q ${currentUrl.origin}${currentUrl.pathname}?${rest}` && page.number > (zeroBased ? 0 : 1);
}

/** The link that names the next page (its text, or `rel="next"`). */
function isNextLink(a: Element, text: string): boolean {
  return NEXT_TEXT.test(text) || /(?:^|\s)next(?:\s|$)/i.test(a.getAttribute('rel') ?? '');
}

export interface PagerLink {
  url: URL;
  text: string;
  element: Element;
}

/**
 * The further pages of this listing, in page order: from the pager links the caller collected (links whose
 * text is a pager's, or that `rel=next`), the `<link rel="next">` in the head and a `createPageHTML` call.
 */
export function furtherPages(doc: Document, pageUrl: URL, links: PagerLink[]): string[] {
  const current = pageAddress(pageUrl, true);
  const candidates: Array<{ url: URL; page: PageAddress | null; next: boolean }> = [];
  let zeroBased = false;
  for (const link of links) {
    if (link.url.host !== pageUrl.host || link.url.href === pageUrl.href) continue;
    const page = pageAddress(link.url, false);
    const next = isNextLink(link.element, link.text);
    candidates.push({ url: link.url, page, next });
    // a pager that numbers from 0: a page=0 link, or 下一页 to page=1 from a page without the parameter
    if (page?.style === 'query' && (page.number === 0 || (next && page.number === 1 && current?.style !== 'query'))) zeroBased = true;
  }
  const numbered = new Map<string, number>();
  let next: string | null = null;
  for (const c of candidates) {
    if (c.page && isFurther(current, c.page, pageUrl, zeroBased)) {
      if (!numbered.has(c.url.href)) numbered.set(c.url.href, c.page.number);
    } else if (c.next && !(c.page && current && c.page.listing === current.listing)) {
      // 下一页 to an address that names no page of this listing's style: it is the page right after this one
      next ??= c.url.href;
    }
  }
  next ??= headNext(doc, pageUrl);
  for (const [href, n] of scriptPages(doc, pageUrl, current)) if (!numbered.has(href)) numbered.set(href, n);

  const ordered = [...numbered].sort((x, y) => x[1] - y[1]).map(([href]) => href);
  if (next && !numbered.has(next) && next !== pageUrl.href) ordered.unshift(next);
  return ordered.slice(0, MAX_PAGES);
}

function headNext(doc: Document, pageUrl: URL): string | null {
  const heads = (doc.head ?? doc).getElementsByTagName('link');
  for (let i = 0; i < heads.length; i++) {
    if (!/(?:^|\s)next(?:\s|$)/i.test(heads[i].getAttribute('rel') ?? '')) continue;
    const u = httpUrl(heads[i].getAttribute('href'), pageUrl);
    if (u && u.host === pageUrl.host) return u.href;
  }
  return null;
}

const CREATE_PAGE_HTML = /(^|[^\w.])createPageHTML\s*\(([^()]{0,300})\)/g;

/**
 * The pages a TRS `createPageHTML(total, current, 'index', 'html')` call would link — also in its newer form
 * `createPageHTML('page_div', total, current, 'index', 'html', records)`, and with its numbers in variables
 * (`var countPage = 3`). Page 0 is `index.html`, page n `index_n.html`, in the current page's folder.
 */
function scriptPages(doc: Document, pageUrl: URL, current: PageAddress | null): Array<[string, number]> {
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const code = scripts[i].textContent ?? '';
    if (code.indexOf('createPageHTML') === -1) continue;
    for (const m of code.matchAll(CREATE_PAGE_HTML)) {
      if (/function\s*$/.test(code.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + m[1].length))) continue;
      const call = readCall(m[2], code);
      if (!call) continue;
      const base = new URL(`./${call.name}.${call.ext}`, pageUrl);
      const stem = pageAddress(base, false);
      const here = current && stem && current.listing === stem.listing ? current.number : call.current;
      const pages: Array<[string, number]> = [];
      for (let n = here + 1; n < Math.min(call.total, MAX_PAGES); n++) {
        pages.push([new URL(`./${call.name}_${n}.${call.ext}`, pageUrl).href, n]);
      }
      return pages;
    }
  }
  return [];
}

function readCall(argText: string, code: string): { total: number; current: number; name: string; ext: string } | null {
  const args = argText.split(',').map((a) => a.trim());
  let extAt = -1;
  for (let i = args.length - 1; i > 0; i--) {
    if (/^(['"])(?:s?html?|jsp|php|aspx?)\1$/i.test(args[i])) {
      extAt = i;
      break;
    }
  }
  if (extAt < 1) return null;
  const name = /^(['"])([\w-]{1,40})\1$/.exec(args[extAt - 1])?.[2];
  if (!name) return null;
  const numbers = args
    .slice(0, extAt - 1)
    .map((a) => numberOf(a, code))
    .filter((n): n is number => n !== null);
  if (numbers.length < 2) return null;
  return { total: numbers[0], current: numbers[1], name, ext: args[extAt].slice(1, -1) };
}

/** A literal number, or a variable the script sets to one (`var countPage = 3;` / `countPage=3`). */
function numberOf(arg: string, code: string): number | null {
  if (/^\d{1,9}$/.test(arg)) return Number(arg);
  if (!/^[A-Za-z_$][\w$]{0,40}$/.test(arg)) return null;
  const m = new RegExp(`(?:^|[^\\w$.])${arg.replace(/\$/g, '\\$')}\\s*=\\s*['"]?(\\d{1,9})\\b`).exec(code);
  return m ? Number(m[1]) : null;
}

/**
 * A link's absolute address, without its fragment, as the URL parser gives it — quickly: a column lists
 * thousands of links and `new URL(href, base)` parses the base again for each (≈ 7 µs a link in a page's
 * main world). An href of plain ASCII without dot segments (`/a/t20220128_1.html`, `./202201/x.shtml`,
 * `?pageNum=2`) is joined to the base as text, which is what the parser would return; anything else goes
 * through the parser.
 */

export interface LinkAddress {
  /** absolute, fragment removed */
  href: string;
  host: string;
  pathname: string;
}

/** characters the URL parser leaves as they are in an http(s) path (no `\`, `'`, `"`, `<`, `>`, space, `^`, backtick, `{}|`) */
const PLAIN = /^[A-Za-z0-9\-._~!$&()*+,;=:@/%]*$/;
/** `.` / `..` segments, also written `%2e` (the parser resolves both) */
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)|%2e/i;
const SCRIPTISH = /^(?:javascript|mailto|tel|data|vbscript|about|blob|file):/i;

/** The base an item's links resolve against, prepared once per page. */
export interface LinkBase {
  url: URL;
  origin: string;
  /** origin + the folder of the base's path (up to its last `/`) */
  folder: string;
  /** a base with a user name or password: every link goes through the parser */
  parseAll: boolean;
}

export function linkBase(url: URL): LinkBase {
  const folder = url.origin + url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
  return { url, origin: url.origin, folder, parseAll: !!(url.username || url.password) };
}

/** An http(s) address resolved against a base, without its fragment, else null. */
export function httpUrl(href: string | null, base: URL): URL | null {
  if (href === null) return null;
  const trimmed = href.trim();
  if (!trimmed || trimmed[0] === '#' || SCRIPTISH.test(trimmed)) return null;
  try {
    const u = new URL(trimmed, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = ''; // also an empty fragment: `a#` is `a`
    return u;
  } catch {
    return null;
  }
}

export function resolveLink(raw: string | null, base: LinkBase): LinkAddress | null {
  if (raw === null) return null;
  const hash = raw.indexOf('#');
  const href = hash === -1 ? raw : raw.slice(0, hash);
  const query = href.indexOf('?');
  const path = query === -1 ? href : href.slice(0, query);
  const search = query === -1 ? '' : href.slice(query);
  if (
    !base.parseAll &&
    hash !== 0 &&
    path[1] !== '/' &&
    PLAIN.test(path) &&
    PLAIN.test(search.slice(1).replace(/\?/g, '')) &&
    !DOT_SEGMENT.test(path)
  ) {
    // a root-relative path, a relative one or a query alone: what the parser gives, joined as text
    if (path[0] === '/') return { href: base.origin + path + search, host: base.url.host, pathname: path };
    if (path && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) {
      const full = base.folder + path;
      return { href: full + search, host: base.url.host, pathname: full.slice(base.origin.length) };
    }
    if (!path && search) return { href: base.origin + base.url.pathname + search, host: base.url.host, pathname: base.url.pathname };
  }
  const u = httpUrl(raw, base.url);
  return u && { href: u.href, host: u.host, pathname: u.pathname };
}

/**
 * The page's canonical URL (SPEC §6, docs/spec.md §6): the one address a report is saved under, so the
 * record id (`r` + hash53(url)) is the same whether the content script, the CLI or a test read the page.
 *
 * - The first `<link rel~="canonical" i>` with an href, else the first `<meta property="og:url" i>`, when it
 *   resolves against `fallbackUrl` (or on its own, when the fallback is a file path) to an http(s) address.
 *   `<base href>` is not consulted: CMS templates often point it at the site root, and the CLI must agree.
 * - Else `fallbackUrl` (the tab's address, or the file path the CLI was given).
 * - The fragment is dropped (`#top` and a canonical's `#…` name the same page; `#part-<n>` is added later
 *   by the scan for the second and later reports of one page). Nothing else is rewritten: the path keeps or
 *   lacks its trailing slash as printed (`/a/` and `/a` are different pages on many CMSs), and the query stays.
 *   Scheme and host come out lower-case and an empty path as `/`, as the WHATWG URL parser serialises them.
 * - A fallback that is not an http(s) URL (a file path, `about:blank`) is returned unchanged.
 */
export function canonicalUrl(doc: Document, fallbackUrl: string): string {
  const base = httpUrl(fallbackUrl);
  for (const candidate of [canonicalLink(doc), ogUrl(doc)]) {
    const resolved = candidate === null ? null : httpUrl(candidate, base ?? undefined);
    if (resolved) return withoutFragment(resolved);
  }
  return base ? withoutFragment(base) : fallbackUrl;
}

function httpUrl(text: string, base?: URL): URL | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const u = new URL(trimmed, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function withoutFragment(u: URL): string {
  u.hash = '';
  return u.href;
}

// read by walking the few link and meta elements: in a fresh page this is cheaper than the selector engine,
// and it behaves the same in linkedom (the CLI), happy-dom (tests) and the browser

function canonicalLink(doc: Document): string | null {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) {
    const rel = links[i].getAttribute('rel');
    const href = links[i].getAttribute('href');
    if (rel !== null && href !== null && href.trim() && hasToken(rel.toLowerCase(), 'canonical')) return href;
  }
  return null;
}

const isHtmlSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/**
 * `token` among the white-space separated tokens of `list` (as `rel` is read). By index, not by a split
 * pattern: a regular expression's first run in a fresh page costs more than the whole walk.
 */
function hasToken(list: string, token: string): boolean {
  for (let at = list.indexOf(token); at !== -1; at = list.indexOf(token, at + 1)) {
    const end = at + token.length;
    if ((at === 0 || isHtmlSpace(list.charCodeAt(at - 1))) && (end === list.length || isHtmlSpace(list.charCodeAt(end)))) return true;
  }
  return false;
}

function ogUrl(doc: Document): string | null {
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const content = metas[i].getAttribute('content');
    if (content !== null && content.trim() && metas[i].getAttribute('property')?.toLowerCase() === 'og:url') return content;
  }
  return null;
}

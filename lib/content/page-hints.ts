/**
 * Cheap page-side look-ups that run before (and instead of) a scan: does the page hint at an annual report
 * at all, what is its canonical URL, is an element visible. They take the document or element as a
 * parameter and never touch extension APIs.
 */

const REPORT_HINT = /年度报告|年度報告|年报|年報|报告|報告/;

/** true when the title or text mentions 年度报告 / 年报 / 報告 at all (a native textContent read, no layout). */
export function hintsAtReport(doc: Document): boolean {
  if (REPORT_HINT.test(doc.title)) return true;
  return REPORT_HINT.test(doc.body?.textContent ?? '');
}

/** `<link rel=canonical>` href, else `og:url`, else the document URL without its hash. */
export function canonicalUrl(doc: Document): string {
  const base = doc.URL;
  const candidates = [
    doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector<HTMLMetaElement>('meta[property="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    if (!c || !c.trim()) continue;
    try {
      const u = new URL(c.trim(), base);
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        u.hash = '';
        return u.href;
      }
    } catch {
      /* a malformed canonical falls through to the document URL */
    }
  }
  const u = new URL(base);
  u.hash = '';
  return u.href;
}

type Visible = Element & { checkVisibility?: (o?: { visibilityProperty?: boolean }) => boolean };

/** true when the element is not rendered (display:none anywhere up the tree, visibility:hidden, no boxes). */
export function isHidden(el: Element): boolean {
  const v = el as Visible;
  if (typeof v.checkVisibility === 'function') return !v.checkVisibility({ visibilityProperty: true });
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  if (el.getClientRects().length === 0) return true;
  return view.getComputedStyle(el).visibility === 'hidden';
}

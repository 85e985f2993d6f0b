import { PINYIN_SYLLABLE } from '../core/chinese';
import { WHITESPACE_CHAR } from '../core/text';

/**
 * Cheap page-side look-ups that run before (and instead of) a scan: does the page hint at an annual report
 * at all, is an element visible. They take the document or element as a
 * parameter and never touch extension APIs.
 */

/**
 * 报告 or 年报 (traditional forms too), allowing between the two characters what title normalisation
 * removes: white space and converter pinyin runs (`報(bào)告(gào)`).
 */
const GAP = `(?:${WHITESPACE_CHAR}|${PINYIN_SYLLABLE})*`;
const REPORT_HINT = new RegExp(`[报報]${GAP}告|[年\\uf98e]${GAP}[报報]`);

/**
 * true when the title, og:title / ArticleTitle or the body text mentions 报告 / 年报 at all (one native
 * textContent read, no layout). Every title candidate detection looks at is among these, so a page
 * turned down here is one detection would turn down (tested over every fixture).
 */
export function hintsAtReport(doc: Document): boolean {
  if (REPORT_HINT.test(doc.title)) return true;
  // og:title / ArticleTitle: one walk over the (few) meta elements rather than two selector queries
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (
      (m.getAttribute('property') === 'og:title' || m.getAttribute('name') === 'ArticleTitle') &&
      REPORT_HINT.test(m.getAttribute('content') ?? '')
    )
      return true;
  }
  return REPORT_HINT.test(doc.body?.textContent ?? '');
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

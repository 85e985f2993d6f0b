/**
 * Cheap page-side look-ups that run before (and instead of) a scan: does the page hint at an annual report
 * at all, is an element visible. They take the document or element as a
 * parameter and never touch extension APIs.
 */

/**
 * The words that can make a page a report (SPEC §1): 报告 / 年报 (traditional forms too), or — on pages
 * whose title names none — the section 三 table's 勾稽 note and row labels (本年新收…, 结转…). Each is a
 * pair: the second character, found with `indexOf`, and the characters that may precede it, allowing
 * between the two what normalisation removes (white space, converter pinyin runs: `報(bào)告(gào)`).
 * No regular expression runs: on a fresh page a regex's first compilation costs more than the scans.
 */
const SECONDS = '告报報稽收转轉';
const FIRSTS = ['报報', '年\uf98e', '年\uf98e', '勾', '新', '结結', '结結'];
const PINYIN_LETTERS = 'abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';

/** White space as normalisation removes it (`WHITESPACE_CHAR` of lib/core/text.ts), tested by code. */
function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x206f);
}

/** `(jié)` ending at index `close` ( the `)` ): the index of its `(`, else -1. */
function pinyinOpen(text: string, close: number): number {
  for (let i = close - 1; i >= 0 && close - i <= 8; i--) {
    const ch = text[i];
    if (ch === '(') return i < close - 1 ? i : -1;
    if (!PINYIN_LETTERS.includes(ch)) return -1;
  }
  return -1;
}

/** The character before `at`, white space and pinyin runs skipped (at most a few steps back). */
function previousChar(text: string, at: number): string {
  let i = at - 1;
  for (let steps = 0; i >= 0 && steps < 24; steps++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i--;
    else if (c === 0x29) {
      const open = pinyinOpen(text, i);
      if (open === -1) break;
      i = open - 1;
    } else break;
  }
  return i >= 0 ? text[i] : '';
}

/**
 * true when `text` names a report or holds the section 三 table's words: one native `indexOf` pass per
 * second character (seven over the text), each occurrence judged by the character before it — a first
 * character right there (the usual case), or white space or `)` to look back past. Plain index loops: on a
 * fresh page this code runs unoptimised.
 */
export function textHintsAtReport(text: string): boolean {
  for (let k = 0; k < SECONDS.length; k++) {
    const second = SECONDS[k];
    const firsts = FIRSTS[k];
    for (let at = text.indexOf(second, 1); at > 0; at = text.indexOf(second, at + 1)) {
      const c = text.charCodeAt(at - 1);
      if (c > 0x3000 && c !== 0xfeff) {
        // CJK before it: the pair as usually written, or another word (most occurrences)
        if (firsts.includes(text[at - 1])) return true;
      } else if (c === 0x29 || isSpace(c)) {
        const before = previousChar(text, at);
        if (before && firsts.includes(before)) return true;
      }
    }
  }
  return false;
}

/**
 * true when the title, og:title / ArticleTitle or the body text mentions 报告 / 年报, or the body holds the
 * section 三 table's note or labels (one native text read, no layout). Every title candidate and body signal
 * detection looks at is among these, so a page turned down here is one detection would turn down (tested
 * over every fixture, by both routes below).
 */
export function hintsAtReport(doc: Document): boolean {
  if (textHintsAtReport(doc.title)) return true;
  const xpath = byXPath(doc);
  return textHintsAtReport(xpath ? xpath.metas : titleMetas(doc)) || textHintsAtReport(xpath ? xpath.body : (doc.body?.textContent ?? ''));
}

/** XPathResult's STRING_TYPE and ORDERED_NODE_SNAPSHOT_TYPE (the constants, without touching the interface). */
const STRING = 2;
const SNAPSHOT = 7;
/** every og:title and ArticleTitle <meta> (detection reads the first of each, lib/core/detect.ts), anywhere */
const TITLE_METAS = "//meta[@property='og:title' or @name='ArticleTitle']/@content";

/**
 * The metas' and the body's text by XPath, in a browser's HTML document: two native reads that make no
 * element wrapper. On a fresh page the content script's world has none yet, and making the first one (the
 * whole HTMLElement → Element → Node prototype chain) costs more than reading a 300 KB page's text. null
 * where XPath is missing or fails (test DOMs): the DOM route then reads the same.
 */
function byXPath(doc: Document): { metas: string; body: string } | null {
  if (typeof doc.evaluate !== 'function' || doc.contentType !== 'text/html') return null;
  try {
    const found = doc.evaluate(TITLE_METAS, doc, null, SNAPSHOT, null);
    let metas = '';
    for (let i = 0; i < found.snapshotLength; i++) metas += `${found.snapshotItem(i)?.nodeValue ?? ''}\n`;
    return { metas, body: doc.evaluate('string(/html/body)', doc, null, STRING, null).stringValue };
  } catch {
    return null;
  }
}

/** The DOM route to the same metas: one walk over the meta elements. */
function titleMetas(doc: Document): string {
  let out = '';
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (m.getAttribute('property') === 'og:title' || m.getAttribute('name') === 'ArticleTitle')
      out += `${m.getAttribute('content') ?? ''}\n`;
  }
  return out;
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

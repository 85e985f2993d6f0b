import type { Check } from '../core/record';

/**
 * The sentence a failing `text.*` check read (its `evidence`, SPEC §10), found in the page: the block that
 * holds it is outlined like a cell (`data-nianbao-cell="text"`), shows the check in the cell tooltip, and a
 * click on it brings the table cell it disagrees with into view. A sentence the page does not print as
 * quoted (converted characters, text split oddly) is simply not marked.
 */

const compact = (s: string) => s.replace(/\s+/g, '');
/** the blocks a report's sentences stand in (a section or article holds them in one of these) */
const BLOCK = 'p,li,td,div';

/** The smallest block element of `root` whose text holds the start of `sentence`, or null. */
export function findEvidence(root: Element, sentence: string): Element | null {
  const probe = compact(sentence).slice(0, 16);
  if (probe.length < 6) return null;
  const head = probe.slice(0, 6);
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!compact(n.nodeValue ?? '').includes(head)) continue;
    for (let el = n.parentElement?.closest(BLOCK); el; el = el.parentElement?.closest(BLOCK)) {
      if (el.closest('[data-nianbao]')) break;
      if (compact(el.textContent ?? '').includes(probe)) return el;
    }
  }
  return null;
}

/** Evidence elements of the failing text checks, each with its check. */
export function evidenceMarks(root: Element, checks: readonly Check[]): Map<Element, Check> {
  const out = new Map<Element, Check>();
  for (const c of checks) {
    if (c.status !== 'fail' || !c.evidence || !c.id.startsWith('text.')) continue;
    const el = findEvidence(root, c.evidence);
    if (el && !out.has(el)) out.set(el, c);
  }
  return out;
}

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

/**
 * The block element of `root` that holds the start of `sentence` (its paragraph, list item or cell), or null.
 * Only a text node's own block is taken, and only when it is about the sentence's size: a sentence whose
 * opening words stand in another paragraph too ("2020年全县…") never marks the article around both.
 */
export function findEvidence(root: Element, sentence: string): Element | null {
  const whole = compact(sentence);
  const probe = whole.slice(0, 16);
  if (probe.length < 6) return null;
  // the sentence may run over inline elements (<span>新收</span>): its first characters start the search
  const head = probe.slice(0, 2);
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!compact(n.nodeValue ?? '').includes(head)) continue;
    const el = n.parentElement?.closest(BLOCK);
    const text = el && !el.closest('[data-nianbao]') ? compact(el.textContent ?? '') : '';
    if (text.includes(probe) && text.length <= whole.length * 3 + 200) return el!;
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

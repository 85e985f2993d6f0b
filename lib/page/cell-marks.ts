import { CELL_STYLE_ID } from './overlay-hosts';
import type { CellMark } from '../core/verdict';

/**
 * Outlines of failing totals (red) and their parts (dashed orange): a `data-nianbao-cell` attribute on the
 * page's own cell plus ONE <style> in the document head. Outlined cells become focusable (tabindex=0).
 * Everything is undone by the returned function, restoring any tabindex the page had.
 */

/** written compactly (one rule a line): the string ships as is in every page's content script */
const CELL_CSS = `
html body [data-nianbao-cell="fail"]{outline:3px solid #d93025 !important;outline-offset:-3px !important;background-color:#fce8e6 !important}
html body [data-nianbao-cell="part"]{outline:2px dashed #e37400 !important;outline-offset:-2px !important}
html body [data-nianbao-cell="text"]{outline:2px dotted #d93025 !important;background-color:#fef7e0 !important;cursor:pointer}
html body [data-nianbao-cell]:focus{outline-color:#1a73e8 !important}
`;

function ensureStyle(doc: Document): void {
  if (doc.getElementById(CELL_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = CELL_STYLE_ID;
  style.setAttribute('style', 'display: none !important');
  style.textContent = CELL_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

export function markCells(doc: Document, marks: Map<Element, CellMark>): () => void {
  if (!marks.size) return () => {};
  ensureStyle(doc);
  const previousTabindex = new Map<Element, string | null>();
  for (const [el, mark] of marks) {
    el.setAttribute('data-nianbao-cell', mark);
    previousTabindex.set(el, el.getAttribute('tabindex'));
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
  }
  return () => {
    for (const [el, tabindex] of previousTabindex) {
      el.removeAttribute('data-nianbao-cell');
      if (tabindex === null) el.removeAttribute('tabindex');
      else el.setAttribute('tabindex', tabindex);
    }
  };
}

// PLACEHOLDER — replaced by the real pipeline (being written now). Signature is the contract.
import type { ScanOutcome } from './record';

export interface ScanOptions {
  /** true when an element is not visible; default: `hidden` attribute and inline display/visibility */
  isHidden?: (el: Element) => boolean;
}

export interface AnnotatedTable {
  /** index among report tables (Cell.table) */
  index: number;
  element: Element;
  section: 'active' | 'apply' | 'review';
}

export interface ScanResult {
  outcome: ScanOutcome;
  /** report tables in document order, for in-page annotation */
  tables: AnnotatedTable[];
  /** the DOM cell (td/th) of each key that was read */
  cellElements: Map<string, Element>;
}

export function scanPage(_root: ParentNode, _url: string, _opts: ScanOptions = {}): ScanResult {
  throw new Error('not yet');
}

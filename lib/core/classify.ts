import { activeColumn, activeRow, applicantColumn, applyRow, articleOf, reviewBlock, reviewColumn } from './labels';
import type { Grid } from './grid';
import { memo, normalizeLabel } from './text';

export type SectionKind = 'active' | 'apply' | 'review';

interface LabelVerdict {
  jigou: boolean;
  apply: boolean;
  block: boolean;
  review: boolean;
  active: boolean;
}

const NONE: LabelVerdict = { jigou: false, apply: false, block: false, review: false, active: false };

/**
 * true when the text may hold a CJK character: every label the core knows does; numbers and blanks do
 * not. From U+2E80 on, so that Kangxi radicals (⼀, as PDF conversions leave them; NFKC → 一) count.
 */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/** What a label says about its table, memoised: labels repeat across tables and pages. */
const verdictOf = memo((label: string): LabelVerdict => {
  if (!hasCjk(label)) return NONE;
  const block = reviewBlock(label) !== undefined;
  return {
    jigou: label.includes('勾稽关系'),
    apply: applyRow([label]) !== undefined || (applicantColumn(label) ?? 'total') !== 'total',
    block,
    review: block || reviewColumn(label) !== undefined,
    active: activeRow(label) !== undefined || activeColumn(label) !== undefined || articleOf(label) !== undefined,
  };
});

/**
 * Which report section a table holds, judged from its own short cell labels (never from prose, so a
 * layout table wrapping the article is not mistaken for a report table). Undefined: not a report table.
 * `continuesApply`: section 三 has started and is not complete, so a short header-less tail counts.
 */
export function classify(grid: Grid, continuesApply = false): SectionKind | undefined {
  let apply = 0;
  let review = 0;
  let active = 0;
  let jigou = false;
  let blocks = 0;
  {
    const cells = grid.cells;
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i].text;
      if (!text || text.length > 120 || !hasCjk(text)) continue;
      const v = verdictOf(normalizeLabel(text));
      if (v.jigou) jigou = true;
      if (v.apply) apply++;
      if (v.block) blocks++;
      if (v.review) review++;
      if (v.active) active++;
    }
  }
  if (jigou || apply >= 4) return 'apply';
  // a page break can leave only the last rows of section 三 in a table of their own (no header)
  if (continuesApply && apply >= 1 && blocks === 0 && active === 0) return 'apply';
  if (blocks >= 2 && review >= 5) return 'review';
  if (active >= 2) return 'active';
  return undefined;
}

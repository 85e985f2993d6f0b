import { ACTIVE_ITEMS, APPLY_ROWS, type RowDef } from './keys';
import { applyGroup } from './labels';
import { normalizeLabel, stripOrdinal } from './text';

/**
 * Damaged row labels (issue 8 item 5): a printed label that matches no row by meaning — characters
 * dropped or swapped, an OCR-like typo — is read as the template row expected at its position when
 * its wording is close to that row's label and clearly closer than to the neighbouring rows' labels.
 * Only the expected row and its two neighbours are compared (never every label), so it stays cheap.
 * The caller adds the other half of the rule: the rows around it map as the template says.
 */

/** Dice coefficient over the longest common subsequence: 2·LCS / (|a| + |b|), in [0, 1]. */
export function labelSimilarity(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  if (a.length > 200 || b.length > 200) return 0;
  let prev = new Uint8Array(b.length + 1);
  let cur = new Uint8Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ch = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ch === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : cur[j - 1] > prev[j] ? cur[j - 1] : prev[j];
    }
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[b.length]) / (a.length + b.length);
}

/** Close enough to be the expected label (a dropped 3 of 12 characters scores 0.86; a swap 0.83). */
export const NEAR = 0.72;
/** …and this much closer to it than to a neighbouring row's label. */
const MARGIN = 0.15;
/** Labels shorter than this carry too little wording to be read through damage. */
const MIN_LENGTH = 3;

const ORDINAL = /^(?:[(（]?([一二三四五六七八九十]+)[)）、.．]|[(（](\d+)[)）]|(\d+)[.．、](?!\d))/;

function ordinalOf(label: string): string | undefined {
  const m = ORDINAL.exec(label);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

const bare = (label: string) => stripOrdinal(normalizeLabel(label));

interface TemplateRow {
  key: string;
  label: string;
}
type Sequence = readonly TemplateRow[];

const APPLY_SEQUENCES = [APPLY_ROWS['2019'], APPLY_ROWS['2021']];
const ACTIVE_SEQUENCES = [ACTIVE_ITEMS['2019'], ACTIVE_ITEMS['2021']];

/** How close a printed label is to a template row: its full label, or the head before a bracketed gloss. */
function closeness(printed: string, row: TemplateRow): number {
  const full = bare(row.label);
  const score = labelSimilarity(printed, full);
  const cut = full.indexOf('(');
  return cut >= MIN_LENGTH ? Math.max(score, labelSimilarity(printed, full.slice(0, cut))) : score;
}

/** The rows that may come after `previousKey` in any of the sequences (the first rows without one); a key may
 * come twice, with each edition's label. */
function nextIn<T extends TemplateRow>(sequences: readonly (readonly T[])[], previousKey: string | undefined): T[] {
  const out: T[] = [];
  for (const rows of sequences) {
    const i = previousKey === undefined ? -1 : rows.findIndex((r) => r.key === previousKey);
    if (previousKey !== undefined && i < 0) continue;
    const next = rows[i + 1];
    if (next && !out.includes(next)) out.push(next);
  }
  return out;
}

function neighboursIn(sequences: readonly Sequence[], key: string): TemplateRow[] {
  const out: TemplateRow[] = [];
  for (const rows of sequences) {
    const i = rows.findIndex((r) => r.key === key);
    for (const j of [i - 1, i + 1]) if (i >= 0 && rows[j] && rows[j].key !== key && !out.includes(rows[j])) out.push(rows[j]);
  }
  return out;
}

/** The template rows of section 三 that may come after `previousKey` (both editions agree except around （六）). */
export function expectedAfter(previousKey: string | undefined): RowDef[] {
  return nextIn(APPLY_SEQUENCES, previousKey);
}

/** The section 二 items that may come after `previousItem` (规章 first). */
export function itemsAfter(previousItem: string | undefined): string[] {
  return [...new Set(nextIn(ACTIVE_SEQUENCES, previousItem).map((r) => r.key))];
}

/** true for the last item of section 二 in either edition (行政事业性收费, 政府集中采购). */
export function isLastItem(item: string): boolean {
  return ACTIVE_SEQUENCES.some((rows) => rows[rows.length - 1].key === item);
}

/**
 * The expected row a damaged label stands for, or undefined when in doubt: too far from the expected
 * label, about as close to a neighbouring row's label, or a printed ordinal that is not the template's.
 */
function nearest<T extends TemplateRow>(own: string, sequences: readonly (readonly T[])[], previousKey: string | undefined): T | undefined {
  const printed = stripOrdinal(own);
  if (printed.length < MIN_LENGTH) return undefined;
  let best: T | undefined;
  let bestScore = 0;
  for (const row of nextIn(sequences, previousKey)) {
    const score = closeness(printed, row);
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  if (!best || bestScore < NEAR) return undefined;
  const printedOrdinal = ordinalOf(own);
  const templateOrdinal = ordinalOf(normalizeLabel(best.label));
  if (printedOrdinal && templateOrdinal && printedOrdinal !== templateOrdinal) return undefined;
  for (const other of neighboursIn(sequences, best.key)) if (closeness(printed, other) > bestScore - MARGIN) return undefined;
  return best;
}

/**
 * The section 三 row key a damaged label stands for at this position, or undefined when in doubt
 * (`nearest`), or when a group label above it is not the row's group.
 * @param path the row's label path (group labels first, its own label last), normalised
 */
export function nearRow(path: readonly string[], previousKey: string | undefined): string | undefined {
  const own = path[path.length - 1];
  if (!own) return undefined;
  const best = nearest(own, APPLY_SEQUENCES, previousKey);
  if (!best) return undefined;
  const group = best.group ? applyGroup(normalizeLabel(best.group)) : undefined;
  for (let i = 0; i < path.length - 1; i++) {
    const g = applyGroup(path[i]);
    if (g && g !== 'result' && g !== group) return undefined;
  }
  return best.key;
}

/** The section 二 item a damaged row label stands for after `previousItem`, or undefined when in doubt. */
export function nearItem(label: string, previousItem: string | undefined): string | undefined {
  return label ? nearest(label, ACTIVE_SEQUENCES, previousItem)?.key : undefined;
}

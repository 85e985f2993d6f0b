/**
 * The text of one table cell from a PDF's text runs: runs on several lines (a wrapped label) joined in reading
 * order, and runs that pdf.js merged across cell borders cut back into one piece per cell.
 */
import type { TextBit } from './pdf-geometry';

/** Text runs of one cell, in reading order: lines top to bottom, runs left to right, wrapped lines joined. */
export function joinRuns(bits: TextBit[]): string {
  const sorted = [...bits].sort((a, b) => a.y - b.y || a.x - b.x);
  let text = '';
  let prev: TextBit | undefined;
  for (const b of sorted) {
    if (prev) {
      const sameLine = Math.abs(b.y - prev.y) <= Math.max(b.size, prev.size) * 0.4;
      const gap = b.x - (prev.x + prev.w);
      const latin = /[A-Za-z0-9.,%]$/.test(text) && /^[A-Za-z0-9]/.test(b.str);
      if (sameLine ? gap > b.size * 0.25 && latin : latin) text += ' ';
    }
    text += b.str;
    prev = b;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Estimated advance of a character in ems: CJK and full-width forms are square, the rest about half. */
const advance = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.55);

/**
 * pdf.js joins the runs of one printed line into one item, with a space for each wide gap: an item that
 * crosses cell borders is cut at those spaces. When there are as many pieces as cells crossed, piece i goes
 * to cell i; otherwise each piece is placed by estimated character widths with the gaps shared evenly.
 */
export function splitAcross(b: TextBit, cellAt: (x: number) => object | undefined): TextBit[] {
  const first = cellAt(b.x + b.size * 0.3);
  const last = cellAt(b.x + b.w - b.size * 0.3);
  const pieces = b.str.trim().split(/\s+/);
  if (first === last) return [b];
  if (pieces.length < 2) return byCharacters(b, cellAt);
  const widths = pieces.map((p) => [...p].reduce((s, ch) => s + advance(ch) * b.size, 0));
  const gap = Math.max(0, (b.w - widths.reduce((s, w) => s + w, 0)) / (pieces.length - 1));
  const crossed: object[] = [];
  for (let x = b.x + b.size * 0.3; x <= b.x + b.w; x += b.size * 0.25) {
    const cell = cellAt(x);
    if (cell && cell !== crossed[crossed.length - 1]) crossed.push(cell);
  }
  let x = b.x;
  return pieces.map((str, i) => {
    const piece = { ...b, str, x, w: widths[i] };
    x += widths[i] + gap;
    if (crossed.length !== pieces.length) return piece;
    // as many pieces as cells: centre piece i in cell i, whatever the estimate says
    const span: number[] = [];
    for (let px = b.x; px <= b.x + b.w; px += b.size * 0.25) if (cellAt(px) === crossed[i]) span.push(px);
    const mid = (span[0] + span[span.length - 1]) / 2;
    return { ...piece, x: mid - piece.w / 2 };
  });
}

/**
 * A run that crosses a cell border with no space in it (two cells printed too close for pdf.js to put one
 * in): each character is placed by its estimated width, scaled to the run's width, and consecutive
 * characters in the same cell make one piece.
 */
function byCharacters(b: TextBit, cellAt: (x: number) => object | undefined): TextBit[] {
  const chars = [...b.str];
  const est = chars.map((ch) => advance(ch) * b.size);
  const scale = b.w / (est.reduce((s, w) => s + w, 0) || 1);
  const out: { cell: object | undefined; bit: TextBit }[] = [];
  let x = b.x;
  chars.forEach((ch, i) => {
    const w = est[i] * scale;
    const cell = cellAt(x + w / 2);
    const last = out[out.length - 1];
    if (last && last.cell === cell) {
      last.bit.str += ch;
      last.bit.w = x + w - last.bit.x;
    } else out.push({ cell, bit: { ...b, str: ch, x, w } });
    x += w;
  });
  return out.map((p) => ({ ...p.bit, str: p.bit.str.trim() })).filter((p) => p.str);
}

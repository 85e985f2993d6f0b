/**
 * What a PDF page holds, as plain geometry in one top-down coordinate space for the whole document (page 2
 * starts where page 1 ends): the text runs pdf.js extracts (string, left x, baseline y, width, font size) and
 * the ruling lines of tables — the thin filled rectangles and stroked line segments of the page's operator
 * list, with the current transformation matrix applied. Pure: it takes pdf.js outputs, never loads a file.
 */

/** One text run of a page. `y` is the baseline, top-down, in document space. */
export interface TextBit {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  page: number;
}

/** A ruling line as its bounding box (x0 ≤ x1, y0 ≤ y1, top-down, document space). */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  page: number;
}

/** Where a page sits in document space. */
export interface PageFrame {
  page: number;
  /**
   * user space → the page as shown, top-down (pdf.js `page.getViewport({ scale: 1 }).transform`): it carries
   * the page's /Rotate, so a landscape page stored rotated reads left to right like any other
   */
  transform: number[];
  /** the offset of the page's top edge in document space */
  top: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** pdf.js OPS codes used here (pdfjs-dist 5: `constructPath` carries [paint op, [path data], min/max]). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** A line thinner than this (points) is a ruling; a longer side shorter than MIN_LENGTH is a dot. */
const MAX_THICKNESS = 2.5;
const MIN_LENGTH = 3;

/** pdf.js DrawOPS path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6 numbers, 3 quadraticCurveTo 4, 4 closePath. */
function strokeSegments(data: ArrayLike<number>): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === 0) {
      cx = sx = data[i++];
      cy = sy = data[i++];
    } else if (op === 1) {
      const x = data[i++];
      const y = data[i++];
      out.push([cx, cy, x, y]);
      cx = x;
      cy = y;
    } else if (op === 2) {
      cx = data[i + 4];
      cy = data[i + 5];
      i += 6;
    } else if (op === 3) {
      cx = data[i + 2];
      cy = data[i + 3];
      i += 4;
    } else if (op === 4) {
      out.push([cx, cy, sx, sy]);
      cx = sx;
      cy = sy;
    } else break;
  }
  return out;
}

/** The bounding box [x0, y0, x1, y1] of each subpath (from one moveTo to the next) of a path. */
function subpathBoxes(data: ArrayLike<number>): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = [];
  let box: [number, number, number, number] | undefined;
  const add = (x: number, y: number) => {
    if (!box) box = [x, y, x, y];
    else box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    const n = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : op === 4 ? 0 : -1;
    if (n < 0) break;
    if (op === 0 && box) {
      boxes.push(box);
      box = undefined;
    }
    for (let k = 0; k < n; k += 2) add(data[i + k], data[i + k + 1]);
    i += n;
  }
  if (box) boxes.push(box);
  return boxes;
}

/**
 * The ruling lines of one page from its operator list. Filled paths count when their box is thin (how
 * Chromium, Word and WPS draw cell borders); stroked paths give one rule per straight segment.
 */
export function rulesOfPage(fnArray: number[], argsArray: unknown[], ops: OpCodes, frame: PageFrame): Rule[] {
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const strokes = new Set([ops.stroke, ops.closeStroke]);
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const page = frame.transform as Matrix;
  const toDoc = (x: number, y: number): [number, number] => {
    const [ux, uy] = apply(ctm, x, y);
    const [px, py] = apply(page, ux, uy);
    return [px, frame.top + py];
  };
  const push = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = toDoc(ax, ay);
    const [x1, y1] = toDoc(bx, by);
    const r = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1), page: frame.page };
    const thin = Math.min(r.x1 - r.x0, r.y1 - r.y0);
    const long = Math.max(r.x1 - r.x0, r.y1 - r.y0);
    if (thin <= MAX_THICKNESS && long >= MIN_LENGTH) rules.push(r);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === ops.constructPath) {
      const [paint, paths, minMax] = argsArray[i] as [number, (ArrayLike<number> | null)[], ArrayLike<number> | null];
      if (strokes.has(paint)) {
        for (const data of paths ?? []) if (data) for (const s of strokeSegments(data)) push(...s);
      } else if (fills.has(paint)) {
        // one fill may paint many boxes (`re re re … f`, as Word and WPS write borders): each subpath counts
        for (const data of paths ?? []) if (data) for (const box of subpathBoxes(data)) push(...box);
        if (!paths?.length && minMax && minMax.length >= 4) push(minMax[0], minMax[1], minMax[2], minMax[3]);
      }
    }
  }
  return rules;
}

/** A pdf.js text item, as much of it as is read here. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

/** The horizontal, non-blank text runs of a page in document space. */
export function textOfPage(items: PdfTextItem[], frame: PageFrame): TextBit[] {
  const out: TextBit[] = [];
  for (const it of items) {
    if (!it.str || !it.str.trim()) continue;
    const [a, b, , , e, f] = multiply(frame.transform as Matrix, it.transform as Matrix);
    if (a <= 0 || Math.abs(b) > a * 0.1) continue; // rotated or vertical text as shown: not part of a table row
    const size = Math.hypot(a, b) || 1;
    out.push({ str: it.str, x: e, y: frame.top + f, w: it.width, size, page: frame.page });
  }
  return out;
}

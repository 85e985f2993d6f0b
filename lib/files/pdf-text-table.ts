/**
 * Report tables printed without ruling lines (a web page's table with no borders, a Word table with borders
 * turned off), rebuilt from text positions and the known templates: a header whose words are a template's
 * columns (section 三's 自然人 … 总计, section 四's 结果维持 … 总计 under 行政复议 / 未经复议直接起诉 / 复议后起诉,
 * section 二's 本年制发件数 … or 本年新制作数量 …) gives each column an x-range (between the gaps of
 * neighbouring header words); every following line with numbers becomes a row, each number in the column whose
 * range holds it, so an empty cell stays empty. Its label is the rightmost label block beside it. Never a
 * guess: a number astride two ranges, two numbers in one range or a row without one label leaves that row
 * out, and a header that is not a template's leaves the text as paragraphs.
 */
import { activeColumn, applicantColumn, reviewBlock, reviewColumn } from '../core/labels';
import { normalizeLabel } from '../core/text';
import type { TextBit } from './pdf-geometry';
import type { PdfCell, PdfTable } from './pdf-grid';

/** A line of text (as pdf-layout's `toLines` gives it). */
export interface TextLine {
  bits: TextBit[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

/** Runs of one line that touch (closer than `gap` ems): one piece of text, one cell's words. */
interface Piece {
  bits: TextBit[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

const NUMBER = /^([-+]?\d[\d,，]*(\.\d+)?(万元|万|元|件|个|项|条)?|[-—–－]+)$/;
const TABLE_WORDS = /^(申请人情况|法人或其他组织|信息内容)$/;
const APPLY_ORDER = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const REVIEW_ORDER = ['upheld', 'corrected', 'other', 'pending', 'total'];
const REVIEW_BLOCKS = ['review', 'suit.direct', 'suit.after_review'];
const BLOCK_TEXT = ['行政复议', '未经复议直接起诉', '复议后起诉'];

const known = (text: string) => {
  const t = normalizeLabel(text);
  return !!(applicantColumn(t) || reviewColumn(t) || reviewBlock(t) || activeColumn(t) || TABLE_WORDS.test(t));
};

export function piecesOf(line: Pick<TextLine, 'bits'>, gap = 0.05): Piece[] {
  const out: Piece[] = [];
  for (const b of line.bits) {
    const last = out[out.length - 1];
    if (last && b.x - last.x1 <= b.size * gap) {
      last.bits.push(b);
      last.text += b.str;
      last.x1 = Math.max(last.x1, b.x + b.w);
    } else out.push({ bits: [b], text: b.str, x0: b.x, x1: b.x + b.w, y: b.y, size: b.size });
  }
  for (const p of out) p.text = p.text.replace(/\s+/g, '');
  return out.filter((p) => p.text);
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) / Math.max(a.x1 - a.x0, b.x1 - b.x0, 1);

/** Header pieces stacked in one cell (a wrapped header word) joined, top to bottom. */
function headerWords(lines: TextLine[]): Piece[] {
  const words: Piece[] = [];
  for (const line of lines) {
    for (const p of piecesOf(line)) {
      const above = words.find(
        (w) => overlap(w, p) >= 0.5 && p.y - w.y <= p.size * 1.8 && p.y > w.y && (!known(w.text) || known(w.text + p.text)),
      );
      if (above) {
        above.bits.push(...p.bits);
        above.text += p.text;
        [above.x0, above.x1, above.y] = [Math.min(above.x0, p.x0), Math.max(above.x1, p.x1), p.y];
      } else words.push({ ...p, bits: [...p.bits] });
    }
  }
  return words;
}

/** A template header: the leaf column words left to right, the header rows to print, the words it used. */
interface Header {
  kind: 'apply' | 'review' | 'active';
  leaves: Piece[];
  rows: string[][];
  used: Piece[];
}

function templateHeader(lines: TextLine[]): Header | undefined {
  const words = headerWords(lines);
  const label = (w: Piece) => normalizeLabel(w.text);
  const apply = words.filter((w) => applicantColumn(label(w))).sort((a, b) => a.x0 - b.x0);
  if (apply.map((w) => applicantColumn(label(w))).join() === APPLY_ORDER.join())
    return { kind: 'apply', leaves: apply, rows: [['', ...apply.map((w) => w.text)]], used: words };
  const review = words.filter((w) => reviewColumn(label(w))).sort((a, b) => a.x0 - b.x0);
  if (review.length === 15 && review.every((w, i) => reviewColumn(label(w)) === REVIEW_ORDER[i % 5])) {
    const blocks = REVIEW_BLOCKS.map((block, i) => {
      const group = review.slice(i * 5, i * 5 + 5);
      const centre = (w: Piece) => (w.x0 + w.x1) / 2;
      return words.find((w) => reviewBlock(label(w)) === block && centre(w) >= group[0].x0 - 2 && centre(w) <= group[4].x1 + 2);
    });
    if (blocks.every(Boolean)) return { kind: 'review', leaves: review, rows: [BLOCK_TEXT, review.map((w) => w.text)], used: words };
    return undefined;
  }
  // section 二: one header line, a label word first, the rest the columns of the edition's table
  const last = lines[lines.length - 1];
  const line = last ? piecesOf(last) : [];
  const active = line.slice(1);
  if (line.length >= 2 && !activeColumn(label(line[0])) && active.every((w) => activeColumn(label(w))))
    return { kind: 'active', leaves: active, rows: [[line[0].text, ...active.map((w) => w.text)]], used: line };
  return undefined;
}

/** Column ranges: borders halfway across the gaps between neighbouring header words, as wide again outside. */
function columnEdges(leaves: Piece[]): number[] {
  const inner = leaves.slice(1).map((w, i) => (leaves[i].x1 + w.x0) / 2);
  const first = leaves[0].x0 - (inner.length ? inner[0] - leaves[0].x1 : leaves[0].size * 2);
  const lastLeaf = leaves[leaves.length - 1];
  const end = lastLeaf.x1 + (inner.length ? lastLeaf.x0 - inner[inner.length - 1] : lastLeaf.size * 2);
  return [first, ...inner, end];
}

/** The values of one line by column, or undefined when one cannot be placed for sure. */
function placeValues(pieces: Piece[], edges: number[]): (Piece | undefined)[] | undefined {
  const cells: (Piece | undefined)[] = Array.from({ length: edges.length - 1 }, () => undefined);
  for (const p of pieces) {
    const col = edges.findIndex((e, i) => i < edges.length - 1 && p.x0 >= e && p.x1 <= edges[i + 1]);
    if (col < 0 || cells[col]) return undefined;
    cells[col] = p;
  }
  return cells;
}

const ORDINAL = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])/;

/** Label pieces stacked into label blocks: a wrapped label continues until a line opens with an ordinal. */
function labelBlocks(pieces: Piece[], rowYs: number[]): Piece[] {
  const blocks: Piece[] = [];
  const onRow = (y: number) => rowYs.some((r) => Math.abs(r - y) < 1);
  for (const p of [...pieces].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const above = blocks.find(
      (b) =>
        Math.max(0, Math.min(b.x1, p.x1) - Math.max(b.x0, p.x0)) > 0 &&
        p.y > b.y &&
        p.y - b.y <= p.size * 1.6 &&
        !ORDINAL.test(p.text) &&
        !(onRow(p.y) && onRow(b.y)),
    );
    if (above) {
      above.bits.push(...p.bits);
      above.text += p.text;
      [above.x0, above.x1, above.y] = [Math.min(above.x0, p.x0), Math.max(above.x1, p.x1), p.y];
    } else blocks.push({ ...p, bits: [...p.bits] });
  }
  return blocks;
}

export interface TextTable {
  top: number;
  table: PdfTable;
  used: Set<TextBit>;
}

/** The body rows under a header, from line `start` on, while lines stay close (a page break aside). */
function readBody(lines: TextLine[], start: number, header: Header, used: Set<TextBit>): PdfCell[][] {
  const edges = columnEdges(header.leaves);
  const left = edges[0];
  const rows: { y: number; values: (Piece | undefined)[]; bits: TextBit[] }[] = [];
  const labels: Piece[] = [];
  let prev = lines[start - 1];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (line.page === prev.page && line.y - prev.y > line.size * 2.2) break;
    const pieces = piecesOf(line);
    const data = pieces.filter((p) => p.x1 > left + p.size * 0.5);
    // words in the columns end the table; numbers that cannot be placed for sure leave their row unread
    if (data.some((p) => !NUMBER.test(p.text))) break;
    const values = data.length ? placeValues(data, edges) : undefined;
    if (values) rows.push({ y: line.y, values, bits: data.flatMap((p) => p.bits) });
    // a label's runs may stand a little apart (punctuation, a number in it): half an em still joins them
    labels.push(...piecesOf({ bits: pieces.filter((p) => !data.includes(p)).flatMap((p) => p.bits) }, 0.5));
    prev = line;
    if (header.kind === 'review' && rows.length) break;
  }
  const blocks = labelBlocks(
    labels,
    rows.map((r) => r.y),
  );
  const out: PdfCell[][] = [];
  for (const row of rows) {
    const nearest = (b: Piece) => {
      const centre = (b.bits[0].y + b.y) / 2;
      return rows.reduce((best, r) => (Math.abs(r.y - centre) < Math.abs(best.y - centre) ? r : best));
    };
    const beside = blocks.filter((b) => b.bits[0].y - b.size * 0.5 <= row.y && b.y + b.size * 0.5 >= row.y);
    const own = beside.sort((a, b) => b.x1 - a.x1)[0];
    if (header.kind !== 'review' && (!own || nearest(own) !== row)) continue;
    if (own) own.bits.forEach((b) => used.add(b));
    row.bits.forEach((b) => used.add(b));
    const values = row.values.map((v) => v?.text ?? '');
    const cells = header.kind === 'review' ? values : [own?.text ?? '', ...values];
    out.push(cells.map((text, col) => ({ row: 0, col, rowspan: 1, colspan: 1, text })));
  }
  return out;
}

/** Every template table among `lines` (text left over by the ruled tables), with the text runs it used. */
export function textTables(lines: TextLine[]): TextTable[] {
  const out: TextTable[] = [];
  const taken = new Set<TextBit>();
  const numeric = (l: TextLine) => piecesOf(l).some((p) => NUMBER.test(p.text));
  for (let i = 1; i < lines.length; i++) {
    if (!numeric(lines[i]) || numeric(lines[i - 1]) || lines[i].bits.some((b) => taken.has(b))) continue;
    let top = i;
    while (top > 0 && i - top < 8 && !numeric(lines[top - 1])) {
      const [a, b] = [lines[top - 1], lines[top]];
      if (a.page === b.page && b.y - a.y > b.size * 3) break;
      top--;
    }
    const band = lines.slice(top, i);
    const header = band.length ? templateHeader(band) : undefined;
    if (!header) continue;
    const used = new Set<TextBit>();
    const body = readBody(lines, i, header, used);
    if (!body.length) continue;
    const headBits = header.used.filter((w) => known(w.text)).flatMap((w) => w.bits);
    const first = Math.min(...headBits.map((b) => b.y));
    for (const l of band) if (l.y >= first) l.bits.forEach((b) => used.add(b));
    const head = header.rows.map((texts, r) =>
      texts.map((text, col): PdfCell => {
        const span = header.kind === 'review' && r === 0 ? 5 : 1;
        return { row: r, col: col * span, rowspan: 1, colspan: span, text };
      }),
    );
    const rows = [...head, ...body].map((row, r) => row.map((c) => ({ ...c, row: r })));
    const bits = [...used];
    const table: PdfTable = {
      top: Math.min(...bits.map((b) => b.y - b.size)),
      bottom: Math.max(...bits.map((b) => b.y)),
      left: Math.min(...bits.map((b) => b.x)),
      right: Math.max(...bits.map((b) => b.x + b.w)),
      rows,
    };
    used.forEach((b) => taken.add(b));
    out.push({ top: table.top, table, used });
  }
  return out;
}

/**
 * A PDF's geometry → one HTML document the HTML core reads: the title line (the largest type near the top of
 * page 1) as `<title>` and `<h1>`, the running text as paragraphs (lines joined back across their wraps), and
 * every ruled table rebuilt with its rowspans/colspans, in reading order. A table broken by a page break is
 * stitched to its first part when nothing but a page number stands between them.
 */
import type { Rule, TextBit } from './pdf-geometry';
import { buildTable, columnsAlign, isVertical, tableShapes, type PdfTable, type TableShape } from './pdf-grid';
import { piecesOf, textTables } from './pdf-text-table';

export interface Line {
  bits: TextBit[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

const PAGE_NUMBER = /^[\s\-—–第页共/\d]*$|^Page \d+/i;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const inBox = (b: TextBit, s: { top: number; bottom: number; left: number; right: number }) => {
  const cx = b.x + b.w / 2;
  const cy = b.y - b.size * 0.35;
  return cx >= s.left && cx <= s.right && cy >= s.top && cy <= s.bottom;
};

/** Text runs → lines: same page, baselines within 40% of the type size, ordered left to right. */
export function toLines(bits: TextBit[]): Line[] {
  const sorted = [...bits].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const b of sorted) {
    const line = lines.find((l) => l.page === b.page && Math.abs(l.y - b.y) <= Math.max(l.size, b.size) * 0.4);
    if (line) line.bits.push(b);
    else lines.push({ bits: [b], text: '', x0: 0, x1: 0, y: b.y, size: b.size, page: b.page });
  }
  for (const l of lines) {
    l.bits.sort((a, b) => a.x - b.x);
    l.x0 = l.bits[0].x;
    l.x1 = Math.max(...l.bits.map((b) => b.x + b.w));
    l.size = Math.max(...l.bits.map((b) => b.size));
    let text = '';
    let prev: TextBit | undefined;
    for (const b of l.bits) {
      const gap = prev ? b.x - (prev.x + prev.w) : 0;
      const latin = /[A-Za-z0-9.,%]$/.test(text) && /^[A-Za-z0-9]/.test(b.str);
      if (prev && (gap > b.size * 1.5 || (latin && gap > b.size * 0.25))) text += ' ';
      text += b.str;
      prev = b;
    }
    l.text = text.replace(/\s+/g, ' ').trim();
  }
  return lines.filter((l) => l.text).sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

/** x of every column border of `shape` (snapped, its outer edges left out): the columns of a table part. */
function columnsOf(shape: TableShape, edges = shape): number[] {
  const xs = shape.rules
    .filter((r) => isVertical(r) && r.x0 > edges.left + 2 && r.x1 < edges.right - 2)
    .map((r) => (r.x0 + r.x1) / 2)
    .sort((a, b) => a - b);
  return xs.filter((x, i) => i === 0 || x - xs[i - 1] > 2);
}

/**
 * Joins each table shape that opens a page to the one that closed the page before, when they have the same
 * width, column borders that line up and only page-number lines between them: the later part (its rules and text) moves up to touch
 * the first, and the join is remembered so that a repeated header row can be dropped.
 */
export function stitch(shapes: TableShape[], bits: TextBit[], pageTops: number[]): TableShape[] {
  const out: TableShape[] = [];
  for (const shape of shapes) {
    const prev = out[out.length - 1];
    const between = (b: TextBit) => b.y > (prev?.bottom ?? 0) && b.y - b.size < shape.top;
    const joinable =
      prev &&
      shape.firstPage === prev.lastPage + 1 &&
      // the same left edge, or one of the first part's column borders (a rowspan column left undrawn)
      prev.rules.some((r) => r.y1 - r.y0 > r.x1 - r.x0 && Math.abs((r.x0 + r.x1) / 2 - shape.left) <= 3) &&
      Math.abs(prev.right - shape.right) <= 3 &&
      toLines(bits.filter(between)).every((l) => PAGE_NUMBER.test(l.text)) &&
      shape.top - pageTops[shape.firstPage] < (pageTops[shape.firstPage + 1] ?? Infinity) - shape.top &&
      columnsAlign(columnsOf(prev), columnsOf(shape, prev));
    if (!joinable) {
      out.push(shape);
      continue;
    }
    const dy = prev.bottom - shape.top;
    for (const b of bits) if (b.page === shape.firstPage && inBox(b, shape)) b.y += dy;
    const moved: Rule[] = shape.rules.map((r) => ({ ...r, y0: r.y0 + dy, y1: r.y1 + dy }));
    out[out.length - 1] = {
      ...prev,
      rules: [...prev.rules, ...moved],
      left: Math.min(prev.left, shape.left),
      bottom: shape.bottom + dy,
      lastPage: shape.lastPage,
      joins: [...prev.joins, prev.bottom],
    };
  }
  return out;
}

/** The title: the run of consecutive largest-type lines among the first lines of page 1, else the first line. */
function titleOf(lines: Line[]): Line[] {
  const head = lines.filter((l) => l.page === lines[0]?.page).slice(0, 15);
  if (!head.length) return [];
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)];
  const max = Math.max(...head.map((l) => l.size));
  if (max < median * 1.15) return [head[0]];
  const start = head.findIndex((l) => l.size >= max - 0.5);
  let end = start + 1;
  while (end < head.length && head[end].size >= max - 0.5) end++;
  return head.slice(start, end);
}

const joinText = (a: string, b: string) => (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);

/** Lines → paragraphs: a new one after a short line, a wider gap, an indented start or a change of type size. */
function paragraphs(lines: Line[]): { top: number; text: string }[] {
  const lefts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
  const left = lefts[Math.floor(lefts.length * 0.1)] ?? 0;
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  const out: { top: number; text: string }[] = [];
  let prev: Line | undefined;
  for (const l of lines) {
    const goesOn =
      prev &&
      prev.page === l.page &&
      Math.abs(prev.size - l.size) < 0.5 &&
      l.y - prev.y <= l.size * 1.9 &&
      prev.x1 >= right - l.size * 2 &&
      l.x0 <= left + l.size * 1.2;
    if (goesOn) out[out.length - 1].text = joinText(out[out.length - 1].text, l.text);
    else out.push({ top: l.y - l.size, text: l.text });
    prev = l;
  }
  return out;
}

function tableHtml(t: PdfTable): string {
  const rows = t.rows.map((row) => {
    const cells = row.map((c) => {
      const span = (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '') + (c.colspan > 1 ? ` colspan="${c.colspan}"` : '');
      return `<td${span}>${escapeHtml(c.text)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1">\n${rows.join('\n')}\n</table>`;
}

/** The whole document as HTML, and how many tables were rebuilt. */
export function layoutHtml(bits: TextBit[], rules: Rule[], pageTops: number[]): { html: string; tables: number } {
  const shapes = stitch(tableShapes(rules), bits, pageTops);
  const used = new Set<TextBit>();
  const blocks: { top: number; html: string }[] = [];
  for (const shape of shapes) {
    const built = buildTable(shape, bits);
    if (!built.table.rows.length) continue;
    built.used.forEach((b) => used.add(b));
    blocks.push({ top: shape.top, html: tableHtml(built.table) });
  }
  // tables printed without ruling lines: read from text positions where a template's header stands
  // (a line of numbers alone is a table row there; a page number is one piece)
  const loose = toLines(bits.filter((b) => !used.has(b))).filter((l) => !PAGE_NUMBER.test(l.text) || piecesOf(l).length > 1);
  for (const t of textTables(loose)) {
    t.used.forEach((b) => used.add(b));
    blocks.push({ top: t.top, html: tableHtml(t.table) });
  }
  const lines = toLines(bits.filter((b) => !used.has(b))).filter((l) => !PAGE_NUMBER.test(l.text));
  const title = titleOf(lines);
  const titleText = title.map((l) => l.text).reduce(joinText, '');
  const body = lines.filter((l) => !title.includes(l));
  for (const p of paragraphs(body)) blocks.push({ top: p.top, html: `<p>${escapeHtml(p.text)}</p>` });
  blocks.sort((a, b) => a.top - b.top);
  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(titleText)}</title>`,
    '</head><body>',
    titleText ? `<h1>${escapeHtml(titleText)}</h1>` : '',
    ...blocks.map((b) => b.html),
    '</body></html>',
  ];
  return { html: html.filter(Boolean).join('\n'), tables: blocks.filter((b) => b.html.startsWith('<table')).length };
}

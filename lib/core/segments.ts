import { normalizeText } from './text';

/**
 * Segmentation of a page that holds several reports one after another (a 年报汇编, SPEC §5): a new report
 * starts where a report title line stands on its own AND the section headings then restart at 一、总体情况.
 * A title quoted in prose, a title repeated in the page chrome, or a heading sequence that never restarts
 * gives no split. Pure: reads only the DOM it is given.
 */

export interface Segment {
  /** the report's title line as printed; '' for a first part whose title is the page's own */
  title: string;
  /** the element holding the title line (where the part starts); null: the first part starts at the top */
  start: Element | null;
}

/** the cheap gate: a page with several reports repeats the 勾稽 note or the 一、总体情况 heading */
const GATES = [/勾稽关系/g, /[一1]\s*[、.．]\s*(?:总体情况|總體情況)/g];
/** a section heading of the national format (SPEC §1), numbered 一 … 六 */
const SECTION_HEADING =
  /^([一二三四五六七])[、.．,，](?:总体情况|概[述况]|主动公开|收到和处理|依申请|.{0,8}行政复议|.{0,8}存在的主要问题|其[他它]需要报告)/;
const NUMERALS = '一二三四五六七';
const TITLE_LINE =
  /^[^《》“”"]{0,60}?((?:19|20)\d{2})年度?[^《》。，,；;：:]{0,30}?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)[。.]?$/;
const NOT_A_REPORT_TITLE = /汇编|格式|通知|解读|图解|目录|根据|按照|现将|附件/;
const CANDIDATES = 'h1,h2,h3,h4,p,div,td,center,strong,b,font,span';
/** containers with more children than this are not a title line (and their text is never read) */
const MAX_CHILDREN = 6;

/**
 * The reports of a page, in document order: two or more segments, or `[]` when the page holds one
 * report (or none). A later report starts at a title line after which the section headings restart
 * (a heading numbered no higher than the previous one, normally 一、总体情况). `text` is the body's text
 * when the caller already has it.
 */
export function segmentReports(body: ParentNode, text?: string): Segment[] {
  const all = text ?? body.textContent ?? '';
  if (!GATES.some((g) => occursTwice(all, g))) return [];

  const parts: Segment[] = [];
  let pending: Segment | null = null;
  let lastSection = 0;
  let last: Element | null = null;
  for (const el of Array.from(body.querySelectorAll(CANDIDATES))) {
    if (last && last.contains(el)) continue; // inside a line already read
    if (el.childElementCount > MAX_CHILDREN) continue;
    const raw = (el.textContent ?? '').trim();
    if (!raw || raw.length > 120) continue;
    const line = normalizeText(raw);
    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      last = el;
      const section = NUMERALS.indexOf(heading[1]) + 1;
      if (!parts.length) parts.push(pending ?? { title: '', start: null });
      else if (pending && section <= lastSection) parts.push(pending);
      pending = null; // a title line inside a report's sequence was a quotation
      lastSection = section;
    } else if (isTitleLine(line)) {
      last = el;
      pending = { title: raw.replace(/[。.]$/, ''), start: el };
    }
  }
  return parts.length >= 2 ? parts : [];
}

function occursTwice(text: string, re: RegExp): boolean {
  re.lastIndex = 0;
  return !!re.exec(text) && !!re.exec(text);
}

function isTitleLine(line: string): boolean {
  return TITLE_LINE.test(line) && !NOT_A_REPORT_TITLE.test(line);
}

/** `url` for the first report of a page, `url#part-<n>` for the n-th (n ≥ 2) */
export function partUrl(url: string, n: number): string {
  return n <= 1 ? url : `${url.replace(/#.*$/, '')}#part-${n}`;
}

/**
 * The tables of each part: those after the part's start and before the next part's. Document order comes
 * from one walk of the body (not `compareDocumentPosition`, which some DOMs answer wrongly).
 */
export function splitByStarts(body: ParentNode, tables: Element[], starts: Array<Element | null>): Element[][] {
  const out: Element[][] = starts.map(() => []);
  const wanted = new Set<Element>(tables);
  const startIndex = new Map<Element, number>();
  starts.forEach((s, i) => s && startIndex.set(s, i));
  let part = 0;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const k = startIndex.get(el);
    if (k !== undefined) part = k;
    if (wanted.has(el)) out[part].push(el);
  }
  return out;
}

/** The body text of each segment: cut where each later segment's title line first appears after the previous cut. */
export function segmentTexts(text: string, segments: Segment[]): string[] {
  const cuts = [0];
  for (let i = 1; i < segments.length; i++) {
    const line = (segments[i].start?.textContent ?? '').trim();
    const at = line ? text.indexOf(line, cuts[i - 1]) : -1;
    cuts.push(at === -1 ? cuts[i - 1] : at);
  }
  return cuts.map((c, i) => text.slice(c, cuts[i + 1] ?? text.length));
}

/** A detached document whose only title is a part's title line: detection reads that part's title, not the page's. */
export function titledDocument(doc: Document, title: string): Document {
  const d = doc.cloneNode(false) as Document;
  const [html, head, t] = ['html', 'head', 'title'].map((tag) => d.createElement(tag));
  t.textContent = title;
  head.append(t);
  html.append(head, d.createElement('body'));
  d.append(html);
  return d;
}

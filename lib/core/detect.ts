import { stripPinyin } from './chinese';
import {
  agencyBesideTitle,
  agencyFromBody,
  agencyFromByline,
  agencyFromTitle,
  cleanAgency,
  crossCheckAgency,
  yearFromBody,
  yearFromTitle,
  yearOfNormalized,
} from './metadata';
import { compactText, normalizeText } from './text';
import { firstMetas } from './metas';
import { candidateTitles, type Rank, type TitleLine } from './title-lines';

/**
 * Is this page an annual report of government information disclosure (SPEC §1 Detection)? Either a
 * title, heading or lead line names one and the body shows a section heading (or a table anchor), or —
 * whatever the title says, as CMS titles are often the site's or column's name — the body carries the
 * unmistakable structure: section 三 row labels with numbers (the 勾稽关系 note helps) under numbered
 * section headings. A page whose own title is a 解读 / notice / 格式 … is never one. Also reads the
 * metadata (lib/core/metadata.ts): agency (simplified) and report year.
 */

export interface Detection {
  isReport: boolean;
  reason: string;
  title: string;
  agency: string | null;
  year: number | null;
  /** what was inferred (an agency taken from the byline rather than the title …), for the record's notes */
  notes?: string[];
}

export { agencyFromTitle, yearFromTitle };

const NOT_TITLED = '标题不是政府信息公开工作年度报告';
/** why a page whose title names a report is not one: its body lacks the report's sections (SPEC §1) */
export const NO_STRUCTURE = '正文没有年度报告的结构';

const TITLE_RE =
  /(政府信息公开|政务信息公开|政务公开|信息公开)(工作)?(情况)?(的)?((?:19|20)\d{2}年)?(年度|度)?(工作)?(报告|年报)|政府信息公开年报/;
/**
 * Words by which a page says it is something else (a 解读, a notice, half-year statistics …): on the page's
 * own title they veto it even without a report's name (`PAGE_VETO`); on a candidate naming a report, before
 * any hit, too. Written once for both patterns (this file ships in every page's content script).
 */
const SAYS_OTHERWISE = '解读|一图|图说|看懂|图读|图解|上半年|季度|数据统计|统计表|工作要点|格式|编制|编写|印发|模板|样表|范本';
const NEGATIVE_TITLE = new RegExp(`${SAYS_OTHERWISE}|通知|指南|目录|制度|考核|统计报表|申请表|发布|公布|转发|栏目|专题|列表|汇总表`);
/** a CMS column's name glued to a page title ("…年度报告-通知公告-某县人民政府") */
const COLUMN_WORDS = /通知公告|栏目|列表|专题|目录/g;
const DUPLICATE_MARK = /\(文字版[^)]*\)|\(图解[^)]*\)/g;
/**
 * The page's own words that veto it (`SAYS_OTHERWISE`, a notice). Column words a CMS appends (通知公告, 栏目,
 * 列表) only keep a candidate from naming the report.
 */
const PAGE_VETO = new RegExp(`${SAYS_OTHERWISE}|的通知|通知$`);
/** a line of the body is a title only when it is the report's name alone (with its year): no quotation, no sentence, no label (相关链接：), no breadcrumb */
const LEAD_IS_TITLE = /^[^《》〈〉。，,；;:>»]*(?:报告|年报)(?:\([^)]*\))?$/;
const MAY_NAME_REPORT = /[报報][告吿]|年[报報]|公[开開]/;
const HAS_YEAR = /(?:19|20)\d{2}\s*年/;

/** section 三 row labels that are also table anchors */
const NEW_ROW = '本年新收政府信息公开申请数量';
const FORWARD_ROW = '结转下年度继续办理';
/** Table anchors (SPEC §1): any one of them with a title naming a report is enough. */
const ANCHORS = ['本列数据的勾稽关系', NEW_ROW, FORWARD_ROW, '未经复议直接起诉', '第二十条第'];
/** The six section headings' words (variants of DOMAIN-NOTES §1.6), loose (legacy reports) … */
const HEADING_WORDS = [
  '(?:总体情况|概述|概况)',
  '主动公开政府信息(?:的)?情况',
  '(?:收到和处理政府信息公开申请|依申请公开政府信息|依申请公开)(?:的)?情况',
  '行政复议.{0,12}行政诉讼',
  '存在(?:的)?(?:主要)?问题',
  '其[他它]需要报告的事项',
];
const HEADINGS = HEADING_WORDS.map((w) => new RegExp(w));
/** … and with their ordinals, as a report prints them (四 and 五 may put words before: 四、因政府信息公开工作被申请…) */
const NUMBERED = HEADING_WORDS.map(
  (w, i) => new RegExp(`${'一二三四五六'[i]}${i === 3 || i === 4 ? '[、.．][\\u4e00-\\u9fa5]{0,16}?' : '[、.．]?'}${w}`),
);
/** Section 三 row labels; each counts only when a number follows it (a blank template has none). */
const APPLY_LABELS = [NEW_ROW, '上年结转政府信息公开申请数量', FORWARD_ROW, '七）总计', '七)总计'];
/** a number, not the ordinal of the next row ("2.重复申请"); or a row of zero marks (— / 无: a filled-in zero, never a blank template's empty cell) */
const NUMBER_AFTER = /^(?:[-—/／无]*[0-9０-９](?![.．、])|[-—–/／无]{3})/;
/** cheap test on the raw body before compacting it for the body route */
const BODY_GATE = /勾|[新結结][\s\u3000]*(?:\([a-zü\u00e0-\u01dc]{1,7}\))?[\s\u3000]*[收轉转]/;

interface Candidate {
  raw: string;
  norm: string;
  rank: Rank;
}

/** What a link's text (a listing's item, SPEC §9) says: whether it names a report, and the year it names. */
export interface LinkTitle {
  isReport: boolean;
  year: number | null;
}

/**
 * A link's text names a report when it names an annual report of government information disclosure with its
 * year and none of the words by which a title says it is something else (解读, 图解, 一图读懂, a notice, 发布
 * news …) — also in brackets: a listed "(图解)" copy is not the report.
 */
export function readLinkTitle(raw: string): LinkTitle {
  const text = stripPinyin(raw);
  const norm = normalizeText(text);
  const year = yearOfNormalized(norm);
  return { isReport: year !== null && MAY_NAME_REPORT.test(text) && TITLE_RE.test(norm) && !NEGATIVE_TITLE.test(norm), year };
}

/** `readLinkTitle(raw).isReport`, with a cheap test first (most links name no report). */
export function titleNamesReport(raw: string): boolean {
  return MAY_NAME_REPORT.test(stripPinyin(raw)) && readLinkTitle(raw).isReport;
}

function isNegative(norm: string): boolean {
  return NEGATIVE_TITLE.test(norm.replace(DUPLICATE_MARK, ''));
}

interface Titles {
  /** the first candidate naming a report with a year, else the first naming one */
  hit?: Candidate;
  /** a later title of the same year that names the agency the hit does not */
  named?: Candidate;
  /** a candidate naming a report that is a 解读 / notice / …, met before any hit */
  veto?: Candidate;
  /** the first non-empty candidate (the title shown for a non-report) */
  first: string;
}

function pickTitle(lines: Iterable<TitleLine>): Titles {
  let first = '';
  let hit: Candidate | undefined;
  let veto: Candidate | undefined;
  let dated: Candidate | undefined;
  for (const [raw0, rank] of lines) {
    const raw = raw0.trim();
    if (!raw || raw.length > 300) continue;
    first ||= raw;
    if (!MAY_NAME_REPORT.test(stripPinyin(raw))) continue; // cheap test before normalising
    const norm = normalizeText(raw);
    const vetoes = PAGE_VETO.test(norm.replace(DUPLICATE_MARK, ''));
    if (rank === 0 && vetoes && !hit && !dated) veto ??= { raw, norm, rank };
    if (!TITLE_RE.test(norm)) continue;
    if (rank === 2 && !(LEAD_IS_TITLE.test(norm) && HAS_YEAR.test(norm))) continue;
    if (isNegative(norm)) {
      if (!hit && !dated && (vetoes || (rank === 0 && isNegative(norm.replace(COLUMN_WORDS, ''))))) veto ??= { raw, norm, rank };
      continue;
    }
    if (!HAS_YEAR.test(norm)) hit ??= { raw, norm, rank };
    // the first dated title; when it names no agency ("2021年政府信息公开工作年度报告"), a later one may
    else if (!dated) {
      dated = { raw, norm, rank };
      if (agencyFromTitle(norm)) return { hit: dated, veto, first };
    } else if (agencyFromTitle(norm) && yearFromTitle(norm) === yearFromTitle(dated.norm))
      return { hit: dated, named: { raw, norm, rank }, veto, first };
  }
  return { hit: dated ?? hit, veto, first };
}

/**
 * `metas`: the page's first `<meta>` of each name (lib/core/metas.ts `firstMetas`), when the caller has them
 * already (the scan reads the `<meta>`s once for this and for the date metas).
 */
export function detect(root: ParentNode, readBody: () => string, metas: Map<string, string | null> = firstMetas(root)): Detection {
  return detectFrom(candidateTitles(root, metas), readBody, () => tablesText(root), metas.get('name=ContentSource') ?? null);
}

/**
 * What detection reads of a page, as plain data (the lens sends it; the background decides, `detectFromInput`,
 * with code compiled and warm there): the title lines — every candidate of `candidateTitles` except the lines
 * near the top that cannot name a report (no 报/報: a hit or a veto must match `TITLE_RE`) once a first line
 * is kept — the body's text, the tables' text and the byline `<meta>`. Gives what `detect` gives on the page.
 */
export interface DetectInput {
  lines: TitleLine[];
  body: string;
  tables: string;
  source: string | null;
}

export function detectInput(root: ParentNode, body: string, metas: Map<string, string | null>, tables: readonly string[]): DetectInput {
  const lines: TitleLine[] = [];
  let first = false;
  // after a first line, a line near the top without 报/報 can be no title (normalizeText makes 报 of no other character)
  const wanted = (text: string) => !first || text.indexOf('报') !== -1 || text.indexOf('報') !== -1;
  for (const [text, rank] of candidateTitles(root, metas, wanted)) {
    const line = text.trim();
    if (!line || line.length > 300) continue; // what pickTitle skips
    first = true;
    lines.push([line, rank]);
  }
  return { lines, body, tables: tables.join(''), source: metas.get('name=ContentSource') ?? null };
}

export function detectFromInput(input: DetectInput): Detection {
  return detectFrom(
    input.lines,
    () => input.body,
    () => compactText(input.tables),
    input.source,
  );
}

function detectFrom(lines: Iterable<TitleLine>, readBody: () => string, readTables: () => string, source: string | null): Detection {
  const { hit, named, veto, first } = pickTitle(lines);
  const base = { title: hit?.raw ?? first, agency: null, year: null };
  // the page's own title is a 解读 / notice / 格式 …: nothing in its body makes it a report
  if (veto && (!hit || veto.rank === 0)) return { ...base, title: veto.raw, isReport: false, reason: NOT_TITLED };

  const bodyText = readBody();
  // only white space, pinyin runs and 繁→简 matter for anchors and headings; most reports print an
  // anchor as is, so the compacted copy of the body is made only when needed
  let compacted: string | undefined;
  const text = () => (compacted ??= compactText(bodyText));
  if (!hit) {
    if (!BODY_GATE.test(bodyText) || !hasReportBody(text()) || !labelsWithNumbers(readTables()))
      return { ...base, isReport: false, reason: NOT_TITLED };
  } else if (!hasTitledBody(bodyText, text, yearFromTitle(hit.norm))) {
    return { ...base, isReport: false, reason: NO_STRUCTURE };
  } else if (yearFromTitle(hit.norm) === null && isBlankTemplate(text())) {
    return { ...base, isReport: false, reason: NO_STRUCTURE };
  }
  return { isReport: true, reason: '', ...metadataOf(source, hit, named, base.title, bodyText, text) };
}

/** With a report title: a table anchor, a numbered section heading, or (legacy) loose headings. */
function hasTitledBody(bodyText: string, text: () => string, titleYear: number | null): boolean {
  if (countAnchors(bodyText) || countAnchors(text()) || numberedInOrder(text()) >= 1) return true;
  const headings = headingCount(text());
  const year = titleYear ?? yearFromBody(text());
  return headings >= 3 || (year !== null && year <= 2018 && headings + (text().includes('政府信息公开条例') ? 1 : 0) >= 2);
}

/** Without one: section 三 labels with numbers (one is enough beside the 勾稽 note) under ≥ 2 numbered headings. */
function hasReportBody(text: string): boolean {
  const labels = labelsWithNumbers(text);
  const note = text.includes('本列数据的勾稽关系');
  return (labels >= 2 || (note && labels >= 1)) && numberedInOrder(text) >= 2;
}

/**
 * The text of the page's tables, compacted: without a title, the section 三 labels must stand with their
 * numbers in a table — an explainer or news item that retells the report in sentences is not one.
 */
function tablesText(root: ParentNode): string {
  let t = '';
  for (const table of Array.from(root.querySelectorAll('table'))) t += table.textContent ?? '';
  return compactText(t);
}

/** The format's blank template (under a yearless title): the section 三 labels without a single number, and no year in the text. */
function isBlankTemplate(text: string): boolean {
  if (labelsWithNumbers(text) > 0) return false;
  let labels = 0;
  for (const label of APPLY_LABELS) if (text.includes(label)) labels++;
  return labels >= 2 && yearFromBody(text) === null;
}

function metadataOf(
  source: string | null,
  hit: Candidate | undefined,
  named: Candidate | undefined,
  title: string,
  bodyText: string,
  text: () => string,
) {
  const notes: string[] = [];
  const year = (hit && yearFromTitle(hit.norm)) ?? yearFromBody(text());
  const byline = (source ? cleanAgency(source) : null) ?? agencyFromByline(bodyText);
  const fromTitle = (hit && agencyFromTitle(hit.norm)) || (named && agencyFromTitle(named.norm)) || null;
  const checked = crossCheckAgency(fromTitle, byline);
  let agency = checked.agency;
  if (checked.note) notes.push(checked.note);
  const beside = !fromTitle && hit ? agencyBesideTitle(text(), compactText(hit.raw)) : null;
  if (beside) {
    agency = beside;
    notes.push(`机构取自标题旁的署名：${beside}`);
  } else if (!fromTitle) {
    const fromBody = agencyFromBody(text());
    // the body's own words beat a portal's byline when they name the same body more fully
    if (fromBody && (!agency || (fromBody.length > agency.length && fromBody.includes(agency)))) agency = fromBody;
    if (agency) notes.push(`机构取自正文或发布信息：${agency}`);
  }
  if (!hit) notes.push('标题未写报告名称，按正文结构认定');
  return { title, agency, year, notes };
}

function countAnchors(text: string): number {
  let n = 0;
  for (let i = 0; i < ANCHORS.length; i++) if (text.includes(ANCHORS[i])) n++;
  return n;
}

function headingCount(text: string): number {
  let n = 0;
  for (let i = 0; i < HEADINGS.length; i++) if (HEADINGS[i].test(text)) n++;
  return n;
}

/** How many numbered headings appear one after another in their order (the first occurrence after the previous). */
function numberedInOrder(text: string): number {
  let n = 0;
  let from = 0;
  for (let i = 0; i < NUMBERED.length; i++) {
    const m = NUMBERED[i].exec(text.slice(from));
    if (!m) continue;
    n++;
    from += m.index + m[0].length;
  }
  return n;
}

function labelsWithNumbers(text: string): number {
  let n = 0;
  for (const label of APPLY_LABELS) {
    for (let at = text.indexOf(label); at !== -1; at = text.indexOf(label, at + 1)) {
      if (NUMBER_AFTER.test(text.slice(at + label.length, at + label.length + 8))) {
        n++;
        break;
      }
    }
  }
  return n;
}

import { stripPinyin, toSimplified } from './chinese';
import { compactText, normalizeText } from './text';

/**
 * Is this page an annual report of government information disclosure (SPEC §1)? Its own title or
 * main heading must name one, and its body must have the report's structure. Also reads the
 * metadata: agency (simplified), report year and whether the era is legacy (≤ 2018).
 */

export interface Detection {
  isReport: boolean;
  reason: string;
  title: string;
  agency: string | null;
  year: number | null;
}

const TITLE_RE = /(政府信息公开|政务信息公开|信息公开|政府信息公开工作)(工作)?(情况)?(的)?(年度)?(报告|年报)|政府信息公开年报/;
const NEGATIVE_TITLE =
  /格式|通知|印发|编制|编写|解读|一图读懂|图读|上半年|季度|数据统计|工作要点|指南|目录|制度|考核|统计报表|申请表|发布|公布|转发|目录|栏目|专题|列表|汇总表/;
const MAY_NAME_REPORT = /[报報][告吿]|年[报報]|公[开開]/;
const YEAR_TITLE = /((?:19|20)\d{2})\s*年(?:度)?/;

const ANCHORS = ['本列数据的勾稽关系', '本年新收政府信息公开申请数量', '结转下年度继续办理', '未经复议直接起诉', '第二十条第'];
const HEADINGS = [
  /[一1][、.]?(总体情况|概述|概况)/,
  /主动公开政府信息(的)?情况/,
  /(收到和处理政府信息公开申请|依申请公开政府信息|依申请公开)(的)?情况/,
  /行政复议.{0,12}行政诉讼/,
  /存在的主要问题/,
  /其他需要报告的事项|其它需要报告的事项/,
];

/**
 * The page's own title and main headings, cheapest first: `<title>` (without a site suffix such as
 * "_某某网"), then og:title / ArticleTitle, then h1/h2 and title-like elements — the DOM is queried only
 * when `<title>` does not already name a report of a given year.
 */
function* candidateTitles(root: ParentNode): Generator<string> {
  const doc = (root as Document).documentElement ? (root as Document) : root.ownerDocument;
  const title = (doc?.getElementsByTagName('title')[0]?.textContent ?? '').trim();
  if (title) {
    const main = title.split(/\s*[_|｜]\s*|\s+[-—–]\s+/)[0];
    if (main && main !== title) yield main;
    yield title;
  }
  yield root.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  yield root.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content') ?? '';
  const els = root.querySelectorAll('h1, h2, .title, .article-title, #title, .tit, .bt, [class*="title"]');
  for (let i = 0; i < els.length && i < 30; i++) yield els[i].textContent ?? '';
}

interface Candidate {
  raw: string;
  norm: string;
}

function isReportTitle(norm: string): boolean {
  return TITLE_RE.test(norm) && !NEGATIVE_TITLE.test(norm.replace(/\(文字版[^)]*\)|\(图解[^)]*\)/, ''));
}

/** The first candidate naming a report with a year, else the first naming one, else the page title. */
function pickTitle(root: ParentNode): { hit?: Candidate; first: string } {
  let first = '';
  let hit: Candidate | undefined;
  for (const raw0 of candidateTitles(root)) {
    const raw = raw0.trim();
    if (!raw || raw.length > 300) continue;
    first ||= raw;
    if (!MAY_NAME_REPORT.test(stripPinyin(raw))) continue; // cheap test before normalising
    const norm = normalizeText(raw);
    if (!isReportTitle(norm)) continue;
    if (YEAR_TITLE.test(norm)) return { hit: { raw, norm }, first };
    hit ??= { raw, norm };
  }
  return { hit, first };
}

function agencyFromTitle(t: string): string | null {
  let m = /^(.*?)(?:关于)?((?:19|20)\d{2})\s*年/.exec(t);
  let a = m?.[1] ?? '';
  if (!a) {
    m = /^(?:19|20)\d{2}\s*年(?:度)?(.+?)(?:政府信息公开|政务信息公开|信息公开)/.exec(t);
    a = m?.[1] ?? '';
  }
  a = a
    .replace(/【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/关于$/, '')
    .replace(/^[\s:：、,，.。"]+|[\s:：、,，.。"]+$/g, '');
  return a.length >= 2 && a.length <= 60 && !/^(政府|政务|本机关|我局|我委|我办)$/.test(a) ? a : null;
}

const BYLINE = /(?:发布机构|信息来源|来源|发文机关|发布单位)\s*[:：]\s*([^\s:：|,，。;；<>]{2,40})/;
const INTRO = [
  /特向社会公布([\u4e00-\u9fa5]{2,40}?)(?:19|20)\d{2}年/,
  /由([\u4e00-\u9fa5]{2,40}?)(?:编制|编写|组织编制|综合)/,
  /现将([\u4e00-\u9fa5]{2,40}?)(?:19|20)\d{2}年度?政府信息公开/,
];

export function detect(root: ParentNode, readBody: () => string): Detection {
  const { hit, first } = pickTitle(root);
  const title = hit?.raw ?? first;
  const base = { title, agency: null, year: null };
  if (!hit) return { ...base, isReport: false, reason: '标题不是政府信息公开工作年度报告' };

  const bodyText = readBody();
  // the body is long: only white space, pinyin runs and 繁→简 matter for the anchors and headings.
  // Most reports print an anchor as is, so the compacted copy of the body is made only when needed.
  let compacted: string | undefined;
  const text = () => (compacted ??= compactText(bodyText));
  const anchors = countAnchors(bodyText) || countAnchors(text());
  const titleYear = Number(YEAR_TITLE.exec(hit.norm)?.[1] ?? NaN) || null;
  const year = titleYear ?? yearFromText(text());
  const legacy = year !== null && year <= 2018;
  const headings = anchors >= 1 ? 0 : headingCount(text());
  const structured = anchors >= 1 || headings >= 3 || (legacy && headings + (text().includes('政府信息公开条例') ? 1 : 0) >= 2);
  if (!structured) return { ...base, title: hit.raw, isReport: false, reason: '正文没有年度报告的结构' };

  let agency = agencyFromTitle(hit.norm);
  if (!agency) {
    const source = root.querySelector('meta[name="ContentSource"]')?.getAttribute('content');
    const spaced = toSimplified(stripPinyin(bodyText)).normalize('NFKC');
    const m = (source ? null : BYLINE.exec(spaced)) ?? INTRO.map((re) => re.exec(text())).find(Boolean);
    agency = source ? normalizeText(source) : m ? normalizeText(m[1]).replace(/(发布|发布时间|时间|日期).*$/, '') || null : null;
  }
  return { isReport: true, reason: '', title: hit.raw, agency, year };
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

function yearFromText(text: string): number | null {
  const m =
    /统计(?:期限|时限|时间|期间)[^。]{0,12}?((?:19|20)\d{2})年1月1日/.exec(text) ??
    /((?:19|20)\d{2})年度?(?:，|,)?(?:我局|我委|我办|我县|我区|我市|我镇|我乡|全市|全县|全区)/.exec(text);
  return m ? Number(m[1]) : null;
}

import type { Check } from '../core/record';
import { beyondTables } from '../core/verdict';
import { APPLICANT_COLUMN_LABELS, APPLY_ROWS, REVIEW_BLOCK_LABELS, keyInfo, type ApplicantColumn, type ReviewBlock } from '../core/keys';
import { OVERLAY_TEXT, type OverlayLang, type OverlayText } from './overlay';
import { checkFamily, type CheckFamily } from '../core/check-family';

/** A check as words: its equation with the report's own row and column names, and its values. */

const SEP = ' · ';
const label = (key: string) => (keyInfo(key)?.label ?? key).replace(/（区分处理的[^）]*）/, '');

/** Drops the part every label shares with the total (the row, or the column), e.g. "复议后起诉 · 结果维持" → "结果维持". */
function shortParts(total: string, parts: string[]): string[] {
  const [tRow, tCol] = total.split(SEP);
  const split = parts.map((p) => p.split(SEP));
  if (split.every((s) => s.length === 2 && s[0] === tRow)) return split.map((s) => s[1]);
  if (split.every((s) => s.length === 2 && s[1] === tCol)) return split.map((s) => s[0]);
  return parts;
}

function joinParts(parts: string[], t: OverlayText): string {
  if (parts.length <= 7) return parts.join(' + ');
  return `${parts.slice(0, 4).join(' + ')} + … + ${parts[parts.length - 1]}（${t.count(parts.length)}）`;
}

const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));

export interface CheckText {
  equation: string;
  /** e.g. "报告值 4 · 计算值 0 · 差 4" */
  values: string;
  /** xyear.*: the other year's saved record */
  ref?: string;
}

/** text.* (SPEC §10): what the text states (…数), and the table's total (…总计) it is compared with. */
const TEXT_WORDS: Record<string, [said: string, table: string]> = {
  'apply.new': ['本年新收申请', '本年新收'],
  'apply.carried_over': ['上年结转申请', '上年结转'],
  'apply.result.total': ['办结申请', '办理结果'],
  'apply.carried_forward': ['结转下年度申请', '结转下年度'],
  'review.total': ['行政复议', '行政复议'],
  'suit.total': ['行政诉讼', '两类行政诉讼'],
};
const META_WORDS: Record<string, string> = { deadline: '按时发布', template: '表格格式与年度相符' };

/** The equation of a text.* or meta.* check in words (the extension pages'; the overlay shows the check's evidence). */
function beyondEquation(c: Check): string | undefined {
  const m = /^(text|meta)\.(.+)$/.exec(c.id);
  if (!m) return undefined;
  if (m[1] === 'meta') return META_WORDS[m[2]] ?? m[2];
  const w = TEXT_WORDS[m[2]];
  return w ? `文字所述${w[0]}数 = 表中${w[1]}总计` : `文字所述 = 表中${c.rhsKeys.map(label).join(' + ') || m[2]}`;
}

const itemLabel = (item: string) => (keyInfo(`active.${item}.in_force`)?.label ?? item).split(SEP)[0];
const colLabel = (c: string) => APPLICANT_COLUMN_LABELS[c as ApplicantColumn] ?? c;

function xyearEquation(rest: string): string {
  const x = /^(carried_over|in_force)\.(.+)$/.exec(rest);
  if (x?.[1] === 'carried_over') return `${colLabel(x[2])}：本年上年结转 = 上年报告结转下年度继续办理`;
  if (x) return `${itemLabel(x[2])}：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数`;
  return `本年 = 上年：${rest}`;
}

/** `describeCheck` for the extension pages: every family in words. */
export function describeAnyCheck(c: Check, t: OverlayText = OVERLAY_TEXT.zh_CN): CheckText {
  const values = t.sides(fmt(c.lhs), fmt(c.rhs), fmt(c.diff));
  if (c.id.startsWith('xyear.')) return { equation: xyearEquation(c.id.slice(6)), values };
  const beyond = beyondEquation(c);
  return beyond === undefined ? describeCheck(c, t) : { equation: beyond, values };
}

/** "复议后起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结" and "报告值 4 · 计算值 0 · 差 4". */
export function describeCheck(c: Check, t: OverlayText = OVERLAY_TEXT.zh_CN): CheckText {
  // a check beyond the tables (SPEC §10) is shown by what it read: the sentence, the dates, last year's figure
  const beyond = beyondTables(c) ? (c.evidence ?? c.id) : undefined;
  const lhs = c.lhsKeys.map(label);
  const rhs = c.rhsKeys.map(label);
  if (beyond === undefined && rhs.length === 1) {
    const total = rhs[0];
    const equation = `${total.replace(SEP, ' ')} = ${joinParts(shortParts(total, lhs), t)}`;
    const diff = c.rhs !== null && c.lhs !== null ? c.rhs - c.lhs : null;
    return { equation, values: t.values(fmt(c.rhs), fmt(c.lhs), fmt(diff)) };
  }
  const cols = new Set([...lhs, ...rhs].map((l) => l.split(SEP)[1]));
  const col = cols.size === 1 ? [...cols][0] : undefined;
  const rows = (ls: string[]) => joinParts(col ? ls.map((l) => l.split(SEP)[0]) : ls, t);
  const equation = beyond ?? `${col ? `${col}：` : ''}${rows(lhs)} = ${rows(rhs)}`;
  return { equation, values: t.sides(fmt(c.lhs), fmt(c.rhs), fmt(c.diff)), ref: c.ref };
}

const NAME_WORDS = {
  zh_CN: {
    parts: '各项之和',
    total: '总计',
    applicants: '各类申请人之和',
    results: '办理结果',
    resultTotal: '（七）总计',
    resultParts: '（一）至（六）之和',
    balance: '勾稽关系',
    ne: '≠',
    eq: '=',
  },
  en: {
    parts: 'sum of items',
    total: 'total',
    applicants: 'sum of applicant types',
    results: 'Results',
    resultTotal: '(7) total',
    resultParts: 'sum of (1)–(6)',
    balance: 'Balance',
    ne: '≠',
    eq: '=',
  },
} as const;

function rowLabel(rowKey: string): string | undefined {
  for (const edition of ['2021', '2019'] as const) {
    const row = APPLY_ROWS[edition].find((r) => r.key === rowKey);
    if (row) return (row.group ? `${row.group}·${row.label}` : row.label).replace(/（区分处理的[^）]*）/, '');
  }
  return undefined;
}

/**
 * A check's name from its id alone, as people read it: "行政诉讼·复议后起诉：总计 ≠ 各项之和" (a failing
 * check; `failing: false` writes "="). Row and column names stay as the report prints them; an unknown id
 * of a family beyond the tables gets its family's name; any other id is returned as is.
 */
export function checkName(id: string, lang: OverlayLang = 'zh_CN', failing = true): string {
  const w = NAME_WORDS[lang] ?? NAME_WORDS.zh_CN;
  const rel = failing ? w.ne : w.eq;
  const col = (c: string) => APPLICANT_COLUMN_LABELS[c as ApplicantColumn];
  let m = /^apply\.row\.(.+)$/.exec(id);
  if (m && rowLabel(m[1])) return `${rowLabel(m[1])}：${w.total} ${rel} ${w.applicants}`;
  m = /^apply\.results\.(\w+)$/.exec(id);
  if (m && col(m[1])) return `${w.results}·${col(m[1])}：${w.resultTotal} ${rel} ${w.resultParts}`;
  m = /^apply\.balance\.(\w+)$/.exec(id);
  if (m && col(m[1])) return `${w.balance}·${col(m[1])}：一 + 二 ${rel} 三 + 四`;
  m = /^(review|suit\.direct|suit\.after_review)\.sum$/.exec(id);
  if (m) return `${REVIEW_BLOCK_LABELS[m[1] as ReviewBlock]}：${w.total} ${rel} ${w.parts}`;
  return beyondName(id, lang === 'en' ? 'en' : 'zh_CN', failing) ?? id;
}

/** The families' names (the detail view's headings). */
export const FAMILY_NAMES: Record<OverlayLang, Record<CheckFamily, string>> = {
  zh_CN: { table: '表内勾稽', text: '文字与表格', xyear: '跨年度', meta: '发布与格式' },
  en: { table: 'Within the tables', text: 'Text vs tables', xyear: 'Across years', meta: 'Publication and format' },
};

const TEXT_EN: Record<string, string> = {
  'apply.new': 'new requests',
  'apply.carried_over': 'requests carried over',
  'apply.result.total': 'requests handled',
  'apply.carried_forward': 'requests carried forward',
  'review.total': 'administrative reviews',
  'suit.total': 'lawsuits',
};

/** Names of text.*, xyear.* and meta.* checks (SPEC §10); a later id of these families gets its family's name. */
function beyondName(id: string, lang: OverlayLang, failing: boolean): string | undefined {
  const family = checkFamily(id);
  if (family === 'table') return undefined;
  const rest = id.slice(id.indexOf('.') + 1);
  const rel = failing ? '≠' : '=';
  const en = lang === 'en';
  const x = /^(carried_over|in_force)\.(.+)$/.exec(rest);
  if (family === 'text' && TEXT_WORDS[rest]) {
    const [said, table] = TEXT_WORDS[rest];
    return en
      ? `Text vs tables · ${TEXT_EN[rest]}: the text's number ${rel} the table's total`
      : `文字所述${said}数 ${rel} 表中${table}总计`;
  }
  if (family === 'xyear' && x?.[1] === 'carried_over') {
    const col = colLabel(x[2]);
    return en
      ? `Across years·${col}: carried over this year ${rel} carried forward last year`
      : `跨年度·${col}：本年上年结转 ${rel} 上年报告结转下年度继续办理`;
  }
  if (family === 'xyear' && x) {
    const item = itemLabel(x[2]);
    return en
      ? `Across years·${item}: in force ${rel} last year's in force + issued − repealed`
      : `跨年度·${item}：本年现行有效件数 ${rel} 上年现行有效 + 本年制发 − 本年废止`;
  }
  if (id === 'meta.deadline') return en ? (failing ? 'Not published on time' : 'Published on time') : failing ? '未按时发布' : '按时发布';
  if (id === 'meta.template') {
    if (en) return failing ? 'Table format does not fit the year' : 'Table format fits the year';
    return failing ? '表格格式与年度不符' : '表格格式与年度相符';
  }
  return `${FAMILY_NAMES[lang][family]}${en ? ': ' : '：'}${rest}`;
}

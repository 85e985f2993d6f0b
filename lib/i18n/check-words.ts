import type { Check } from '../core/record';
import { APPLICANT_COLUMN_LABELS, APPLY_ROWS, REVIEW_BLOCK_LABELS, keyInfo, type ApplicantColumn, type ReviewBlock } from '../core/keys';
import { OVERLAY_TEXT, type OverlayLang, type OverlayText } from './overlay';

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
}

/** "复议后起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结" and "报告值 4 · 计算值 0 · 差 4". */
export function describeCheck(c: Check, t: OverlayText = OVERLAY_TEXT.zh_CN): CheckText {
  const lhs = c.lhsKeys.map(label);
  const rhs = c.rhsKeys.map(label);
  if (rhs.length === 1) {
    const total = rhs[0];
    const equation = `${total.replace(SEP, ' ')} = ${joinParts(shortParts(total, lhs), t)}`;
    const diff = c.rhs !== null && c.lhs !== null ? c.rhs - c.lhs : null;
    return { equation, values: t.values(fmt(c.rhs), fmt(c.lhs), fmt(diff)) };
  }
  const cols = new Set([...lhs, ...rhs].map((l) => l.split(SEP)[1]));
  const col = cols.size === 1 ? [...cols][0] : undefined;
  const rows = (ls: string[]) => joinParts(col ? ls.map((l) => l.split(SEP)[0]) : ls, t);
  const equation = `${col ? `${col}：` : ''}${rows(lhs)} = ${rows(rhs)}`;
  return { equation, values: t.sides(fmt(c.lhs), fmt(c.rhs), fmt(c.diff)) };
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
 * check; `failing: false` writes "="). Row and column names stay as the report prints them; an id this
 * module does not know (a later family) is returned as is.
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
  return id;
}

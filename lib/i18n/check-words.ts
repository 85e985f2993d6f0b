import type { Check } from '../core/record';
import { keyInfo } from '../core/keys';
import { OVERLAY_TEXT, type OverlayText } from './overlay';

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

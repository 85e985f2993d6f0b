import { keyInfo } from '@/lib/core/keys';
import type { Check } from '@/lib/core/record';

/**
 * A check's identity in words, factored: `三、… · 自然人 + 商业企业 … = 总计` becomes
 * `三、…：自然人 + 商业企业 + … = 总计` when every cell is in one row (or one column).
 */
export function checkEquation(check: Pick<Check, 'lhsKeys' | 'rhsKeys'>): string {
  const split = (key: string): [string, string] => {
    const label = keyInfo(key)?.label ?? key;
    const at = label.lastIndexOf(' · ');
    return at < 0 ? [label, ''] : [label.slice(0, at), label.slice(at + 3)];
  };
  const lhs = check.lhsKeys.map(split);
  const rhs = check.rhsKeys.map(split);
  const all = [...lhs, ...rhs];
  if (all.length === 0) return '';
  const same = (i: 0 | 1) => all.every((p) => p[i] === all[0][i] && p[i] !== '');
  const side = (parts: [string, string][], i: 0 | 1) => parts.map((p) => p[i]).join(' + ') || '—';
  if (same(0)) return `${all[0][0]}：${side(lhs, 1)} = ${side(rhs, 1)}`;
  if (same(1)) return `${all[0][1]}：${side(lhs, 0)} = ${side(rhs, 0)}`;
  const full = (parts: [string, string][]) => parts.map((p) => (p[1] ? `${p[0]} · ${p[1]}` : p[0])).join(' + ') || '—';
  return `${full(lhs)} = ${full(rhs)}`;
}

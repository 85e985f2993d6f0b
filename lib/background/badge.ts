import { tally, type ScanOutcome } from '../core/record';

/** What the toolbar shows for a tab (SPEC §7). Pure: the background applies it. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = { fail: '#d93025', pass: '#188038', unknown: '#80868b' } as const;
export const DEFAULT_TITLE = '年报透镜 Nianbao Lens';

export function badgeFor(outcome: ScanOutcome | null): BadgeView {
  if (!outcome || !outcome.isReport) return { text: '', color: BADGE_COLORS.unknown, title: DEFAULT_TITLE };
  const title = `年报透镜 — ${outcome.agency ?? '未知机关'} ${outcome.year ?? '?'}年`;
  if (outcome.status === 'no-tables') return { text: '?', color: BADGE_COLORS.unknown, title };
  const fail = tally(outcome.checks).fail;
  if (fail > 0) return { text: String(fail), color: BADGE_COLORS.fail, title };
  // ✓ only when every check passes: a partial verdict (some could not be assessed, or none apply as in
  // legacy reports) must not look like a clean bill of health
  if (outcome.status === 'partial') return { text: '?', color: BADGE_COLORS.unknown, title: `${title} · 部分无法核验` };
  return { text: '✓', color: BADGE_COLORS.pass, title };
}

import { tally, type ReportRecord, type ScanOutcome } from '../core/record';
import { errorWords } from '../i18n/errors';
import type { Language } from '../protocol/settings';

/** What the toolbar shows for a tab (SPEC §7). Pure: the background applies it. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = { fail: '#d93025', pass: '#188038', unknown: '#80868b' } as const;
export const DEFAULT_TITLE = '年报透镜 Nianbao Lens';

/** `more`: the page's further reports (a 年报汇编): the badge sums their failing checks with the first's. */
export function badgeFor(outcome: ScanOutcome | null, lang: Language = 'zh_CN', more: ReportRecord[] = []): BadgeView {
  const w = errorWords(lang);
  if (!outcome || !outcome.isReport) return { text: '', color: BADGE_COLORS.unknown, title: DEFAULT_TITLE };
  const reports = [outcome, ...more];
  const named = `${outcome.agency ?? w.unknownAgency} ${w.yearSuffix(String(outcome.year ?? '?'))}`;
  const title = `${w.brand} — ${named}${more.length ? ` (+${more.length})` : ''}`;
  if (reports.every((r) => r.status === 'no-tables')) return { text: '?', color: BADGE_COLORS.unknown, title };
  const fail = reports.reduce((n, r) => n + tally(r.checks).fail, 0);
  if (fail > 0) return { text: String(fail), color: BADGE_COLORS.fail, title };
  // ✓ only when every check passes: a partial verdict (some could not be assessed, or none apply as in
  // legacy reports) must not look like a clean bill of health
  if (reports.some((r) => r.status !== 'ok')) return { text: '?', color: BADGE_COLORS.unknown, title: `${title} · ${w.partlyUnchecked}` };
  return { text: '✓', color: BADGE_COLORS.pass, title };
}

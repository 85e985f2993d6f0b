import { tally, type ScanOutcome } from '../core/record';
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

export function badgeFor(outcome: ScanOutcome | null, lang: Language = 'zh_CN'): BadgeView {
  const w = errorWords(lang);
  if (!outcome || !outcome.isReport) return { text: '', color: BADGE_COLORS.unknown, title: DEFAULT_TITLE };
  const title = `${w.brand} — ${outcome.agency ?? w.unknownAgency} ${w.yearSuffix(String(outcome.year ?? '?'))}`;
  if (outcome.status === 'no-tables') return { text: '?', color: BADGE_COLORS.unknown, title };
  const fail = tally(outcome.checks).fail;
  if (fail > 0) return { text: String(fail), color: BADGE_COLORS.fail, title };
  // ✓ only when every check passes: a partial verdict (some could not be assessed, or none apply as in
  // legacy reports) must not look like a clean bill of health
  if (outcome.status === 'partial') return { text: '?', color: BADGE_COLORS.unknown, title: `${title} · ${w.partlyUnchecked}` };
  return { text: '✓', color: BADGE_COLORS.pass, title };
}

import type { Check } from '@/lib/core/record';
import { CHECK_FAMILIES, checkFamily } from '@/lib/core/check-family';
import { FAMILY_NAMES, checkName, describeAnyCheck } from '@/lib/i18n/check-words';
import { historyWords } from '@/lib/i18n/history-words';
import type { Translate } from '@/lib/i18n/ui';
import { num } from './format';
import { useT } from './i18n-context';

const ORDER = { fail: 0, skip: 1, pass: 2 } as const;

interface Props {
  checks: Check[];
  /** opens the record a check compared with (xyear.* `ref`); without it the reference is shown as text */
  onOpenReport?: (id: string) => void;
}

/**
 * Every check of a report, grouped by family (表内勾稽 / 文字与表格 / 跨年度 / 发布与格式; a heading only when there
 * is more than one), failing first: status, name (id in its tooltip), equation, the sentence a text check read,
 * the report a cross-year check compared with, both sides and the difference.
 */
export function CheckTable({ checks, onOpenReport }: Props) {
  const t = useT();
  const w = historyWords(t.lang);
  const groups = CHECK_FAMILIES.map((f) => ({
    family: f,
    checks: checks.filter((c) => checkFamily(c.id) === f).sort((a, b) => ORDER[a.status] - ORDER[b.status]),
  })).filter((g) => g.checks.length > 0);
  return (
    <table class="check-table" data-testid="check-table">
      <thead>
        <tr>
          <th>{t('status')}</th>
          <th>{t('check')}</th>
          <th class="num">{t('computed')}</th>
          <th class="num">{t('reported')}</th>
          <th class="num">{t('diff')}</th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.family} data-family={g.family}>
          {groups.length > 1 && (
            <tr class="family-head">
              <th colSpan={2}>{FAMILY_NAMES[t.lang][g.family]}</th>
              <th class="num">{g.family === 'table' ? t('computed') : w.sides[g.family][0]}</th>
              <th class="num">{g.family === 'table' ? t('reported') : w.sides[g.family][1]}</th>
              <th class="num">{t('diff')}</th>
            </tr>
          )}
          {g.checks.map((c) => (
            <tr key={c.id} class={`check-${c.status}`} data-check={c.id}>
              <td>
                <span class={`pill pill-${c.status}`}>{t(c.status)}</span>
              </td>
              <td>
                <div class="check-name" title={c.id}>
                  {checkName(c.id, t.lang, c.status === 'fail')}
                </div>
                <Equation check={c} lang={t.lang} />
                {c.id === 'meta.deadline' && c.status !== 'skip' && c.diff !== null && <div class="check-reason">{w.daysLate(c.diff)}</div>}
                {c.evidence && (
                  <blockquote class="check-evidence" data-testid="check-evidence">
                    {w.evidence}：{c.evidence}
                  </blockquote>
                )}
                {c.ref &&
                  (onOpenReport ? (
                    <button type="button" class="link" data-testid="check-ref" data-ref={c.ref} onClick={() => onOpenReport(c.ref!)}>
                      {w.openRef}
                    </button>
                  ) : (
                    <div class="muted">{c.ref}</div>
                  ))}
                {c.reason && <div class="check-reason">{c.reason}</div>}
              </td>
              <td class="num">{num(c.lhs)}</td>
              <td class="num">{num(c.rhs)}</td>
              <td class="num">{c.status === 'fail' ? <b>{num(c.diff)}</b> : num(c.diff)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

/** The identity in words, unless it says no more than the name (text.* and meta.* name themselves by it). */
function Equation({ check, lang }: { check: Check; lang: Translate['lang'] }) {
  const { equation } = describeAnyCheck(check);
  if (equation === checkName(check.id, lang, false)) return null;
  return (
    <div class="check-eq" title={equation}>
      {equation}
    </div>
  );
}

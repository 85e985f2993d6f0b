import type { Check } from '@/lib/core/record';
import { checkName, describeAnyCheck } from '@/lib/i18n/check-words';
import { checkFamily } from '@/lib/core/check-family';
import { historyWords } from '@/lib/i18n/history-words';
import { num } from './format';
import { useT } from './i18n-context';

/**
 * One check: its name in words (the id in its tooltip), the identity spelled with labels, the reported total (right-hand side), the
 * computed sum (left-hand side) and their difference.
 */
export function CheckRow({ check }: { check: Check }) {
  const t = useT();
  // a check beyond the tables names its own sides (文字所述 / 表中, 本年 / 上年) and shows what it read
  const family = checkFamily(check.id);
  const [left, right] = family === 'table' ? [t('computed'), t('reported')] : historyWords(t.lang).sides[family];
  return (
    <li class={`check check-${check.status}`} data-check={check.id}>
      <div class="check-id">
        <span class="check-name" title={check.id}>
          {checkName(check.id, t.lang, check.status === 'fail')}
        </span>
        {check.status === 'fail' && (
          <span class="check-diff">
            {t('diff')} {check.diff !== null && check.diff > 0 ? '+' : ''}
            {num(check.diff)}
          </span>
        )}
      </div>
      <div class="check-eq" title={describeAnyCheck(check).equation}>
        {describeAnyCheck(check).equation}
      </div>
      {check.evidence && (
        <div class="check-evidence" data-testid="check-evidence" title={check.evidence}>
          {check.evidence}
        </div>
      )}
      <div class="check-nums">
        {left} <b>{num(check.lhs)}</b> · {right} <b>{num(check.rhs)}</b>
        {check.reason && <span class="check-reason"> · {check.reason}</span>}
      </div>
    </li>
  );
}

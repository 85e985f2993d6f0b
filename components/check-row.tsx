import type { Check } from '@/lib/core/record';
import { checkName, describeAnyCheck } from '@/lib/i18n/check-words';
import { num } from './format';
import { useT } from './i18n-context';

/**
 * One check: its name in words (the id in its tooltip), the identity spelled with labels, the reported total (right-hand side), the
 * computed sum (left-hand side) and their difference.
 */
export function CheckRow({ check }: { check: Check }) {
  const t = useT();
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
      <div class="check-nums">
        {t('computed')} <b>{num(check.lhs)}</b> · {t('reported')} <b>{num(check.rhs)}</b>
        {check.reason && <span class="check-reason"> · {check.reason}</span>}
      </div>
    </li>
  );
}

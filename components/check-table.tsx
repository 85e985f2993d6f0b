import type { Check } from '@/lib/core/record';
import { checkName, describeAnyCheck } from '@/lib/i18n/check-words';
import { num } from './format';
import { useT } from './i18n-context';

const ORDER = { fail: 0, skip: 1, pass: 2 } as const;

/** Every check of a report, failing first: status, name (id in its tooltip), identity, both sides and the difference. */
export function CheckTable({ checks }: { checks: Check[] }) {
  const t = useT();
  const sorted = [...checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
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
      <tbody>
        {sorted.map((c) => (
          <tr key={c.id} class={`check-${c.status}`} data-check={c.id}>
            <td>
              <span class={`pill pill-${c.status}`}>{t(c.status)}</span>
            </td>
            <td>
              <div class="check-name" title={c.id}>
                {checkName(c.id, t.lang, c.status === 'fail')}
              </div>
              <div class="check-eq" title={describeAnyCheck(c).equation}>
                {describeAnyCheck(c).equation}
              </div>
              {c.reason && <div class="check-reason">{c.reason}</div>}
            </td>
            <td class="num">{num(c.lhs)}</td>
            <td class="num">{num(c.rhs)}</td>
            <td class="num">{c.status === 'fail' ? <b>{num(c.diff)}</b> : num(c.diff)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

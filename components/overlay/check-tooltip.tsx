import type { CheckText } from '../../lib/i18n/check-words';

/** The tooltip of an outlined cell: each failing check it takes part in, as an equation with values. */
export function CheckTooltip({ items }: { items: CheckText[] }) {
  return (
    <div class="nl tip" role="tooltip">
      {items.map((t) => (
        <div class="item">
          <div class="eq">{t.equation}</div>
          <div class="v">{t.values}</div>
        </div>
      ))}
    </div>
  );
}

import type { CheckText } from '../../lib/i18n/check-words';
import { h } from './dom';

/** The tooltip of an outlined cell: each failing check it takes part in, as an equation with values. */
export function CheckTooltip({ items }: { items: CheckText[] }): HTMLElement {
  return h(
    'div',
    { class: 'nl tip', role: 'tooltip' },
    items.map((t) => h('div', { class: 'item' }, h('div', { class: 'eq' }, t.equation), h('div', { class: 'v' }, t.values))),
  );
}

import { createHost } from './overlay-hosts';

/**
 * One tooltip per document, shown while an outlined cell (`[data-nianbao-cell]`) is hovered or focused,
 * positioned absolutely just below the cell. Listeners are delegated from the document and removed by the
 * returned function.
 */

export function attachCellTooltip(doc: Document, render: (mount: HTMLElement, cell: Element) => boolean): () => void {
  const { host, mount } = createHost(doc, 'tooltip', { hidden: '' });
  doc.documentElement.append(host);
  let current: Element | null = null;

  const show = (cell: Element) => {
    if (cell === current) return;
    if (!render(mount, cell)) return hide();
    current = cell;
    const view = doc.defaultView!;
    const r = cell.getBoundingClientRect();
    const top = r.bottom + view.scrollY + 6;
    const left = Math.max(view.scrollX + 4, Math.min(r.left + view.scrollX, view.scrollX + view.innerWidth - 540));
    host.style.setProperty('--nl-top', `${top}px`);
    host.style.setProperty('--nl-left', `${left}px`);
    host.removeAttribute('hidden');
  };
  const hide = () => {
    current = null;
    host.setAttribute('hidden', '');
  };
  const cellOf = (t: EventTarget | null) => (t && (t as Node).nodeType === 1 ? (t as Element).closest('[data-nianbao-cell]') : null);
  const onOver = (e: Event) => {
    const cell = cellOf(e.target);
    if (cell) show(cell);
    else if (current && doc.activeElement !== current) hide();
  };
  const onOut = (e: Event) => {
    const to = cellOf((e as FocusEvent).relatedTarget);
    if (!to && (e.type === 'focusout' || doc.activeElement !== current)) hide();
  };
  const onKey = (e: Event) => {
    if ((e as KeyboardEvent).key === 'Escape') hide();
  };
  // capturing listeners on the document, as a table: added here, removed by the returned function
  const listeners: [string, (e: Event) => void][] = [
    ['mouseover', onOver],
    ['focusin', onOver],
    ['mouseout', onOut],
    ['focusout', onOut],
    ['keydown', onKey],
  ];
  for (const [type, fn] of listeners) doc.addEventListener(type, fn, true);
  return () => {
    for (const [type, fn] of listeners) doc.removeEventListener(type, fn, true);
    host.remove();
  };
}

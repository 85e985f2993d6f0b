/**
 * The overlay's element builder: `h('div', {class: 'x', onClick}, ...children)` makes real DOM nodes. The
 * three overlay pieces are small and static, so they are built directly instead of through Preact, which
 * would add ~10 KB to the content script every gov.cn page loads (budget: 60 KB). `false`, `null` and
 * `undefined` children are skipped, arrays are flattened, text is always set as text (never parsed as HTML).
 */

export type Child = Node | string | number | false | null | undefined | Child[];
type Props = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h(tag: string, props: Props | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v != null && v !== false) el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: HTMLElement, children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.append(c);
    else if (c != null && c !== false) el.append(String(c));
  }
}

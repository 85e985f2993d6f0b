import { OVERLAY_CSS } from '../../components/overlay/overlay-styles';

/**
 * Shadow-DOM hosts of the overlay (SPEC §7): `<nianbao-lens data-nianbao="summary|table|tooltip">` with an
 * open shadow root (so tests and users' scripts can look inside) holding all of its CSS, including the
 * `:host` rules that keep page rules like `* { all: unset }` from hiding or moving the host itself.
 */

export const HOST_TAG = 'nianbao-lens';
export type HostKind = 'summary' | 'table' | 'tooltip';

export interface OverlayHost {
  host: HTMLElement;
  /** where the Preact tree is rendered, after the <style> */
  mount: HTMLElement;
}

export function createHost(doc: Document, kind: HostKind, attrs: Record<string, string | number> = {}): OverlayHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-nianbao', kind);
  for (const [k, v] of Object.entries(attrs)) host.setAttribute(k, String(v));
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const mount = doc.createElement('div');
  root.append(style, mount);
  return { host, mount };
}

export function overlayHosts(doc: Document, kind?: HostKind): HTMLElement[] {
  const sel = kind ? `${HOST_TAG}[data-nianbao="${kind}"]` : HOST_TAG;
  return [...doc.querySelectorAll<HTMLElement>(sel)];
}

/** true for our own hosts (and anything inside them): mutations there are not the page changing. */
export function isOverlayNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  return el.localName === HOST_TAG || el.id === CELL_STYLE_ID || !!el.closest(HOST_TAG);
}

export const CELL_STYLE_ID = 'nianbao-lens-cell-style';

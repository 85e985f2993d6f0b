/** Same-origin iframes of a document: the ones whose contentDocument the top frame can read and annotate. */

export function frameElements(doc: Document): HTMLIFrameElement[] {
  return Array.from(doc.getElementsByTagName('iframe'));
}

/** The frame's document when it is same-origin and has loaded a body; null for cross-origin frames. */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  let d: Document | null;
  try {
    d = frame.contentDocument;
  } catch {
    return null;
  }
  if (!d || !d.body || d.URL === 'about:blank') return null;
  return d;
}

/** true when a frame may become readable: same-origin by src (or srcdoc / no src yet). */
export function mayBeSameOrigin(frame: HTMLIFrameElement, doc: Document): boolean {
  if (frame.hasAttribute('srcdoc')) return true;
  const src = frame.getAttribute('src');
  if (!src) return true;
  try {
    return new URL(src, doc.URL).origin === new URL(doc.URL).origin;
  } catch {
    return false;
  }
}

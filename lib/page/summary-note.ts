import { h } from '../../components/overlay/dom';
import { overlayHosts } from './overlay-hosts';

/**
 * A line added under the page summary (SPEC §8): where the verdicts come from — the report's attached file,
 * linked — or why no file was read. The attachment reader adds it; it is not part of the content script
 * every gov.cn page loads, so it carries its own style.
 */
export interface SummaryNote {
  text: string;
  /** the file, linked (http(s) only) */
  href?: string;
  name?: string;
}

const STYLE = 'margin-top:4px;color:#3c4043;word-break:break-all';

/**
 * Adds `note` to the first summary; `source` (the record's `source.kind`) is set on the host as `data-source`.
 * The lens shows its summary once the background has completed the page's checks: a note that comes first
 * waits for it (up to `waitMs`).
 */
export function addSummaryNote(doc: Document, note: SummaryNote, source?: string, waitMs = 5000): void {
  const turn = (latest.get(doc) ?? 0) + 1;
  latest.set(doc, turn);
  put(doc, note, source, waitMs, turn);
}

/** the newest note asked for, per document: a note still waiting for the summary never replaces a later one */
const latest = new WeakMap<Document, number>();

function put(doc: Document, note: SummaryNote, source: string | undefined, waitMs: number, turn: number): void {
  if (latest.get(doc) !== turn) return;
  const host = overlayHosts(doc, 'summary')[0];
  const panel = host?.shadowRoot?.querySelector('.panel');
  if (!panel) {
    if (waitMs > 0) setTimeout(() => put(doc, note, source, waitMs - 100, turn), 100);
    return;
  }
  panel.querySelector('[data-testid="summary-source"]')?.remove();
  const link =
    note.href && /^https?:/i.test(note.href)
      ? h('a', { href: note.href, target: '_blank', rel: 'noopener' }, note.name ?? note.href)
      : null;
  panel.append(h('div', { class: 'src', style: STYLE, 'data-testid': 'summary-source' }, note.text, link));
  if (source) host.setAttribute('data-source', source);
}

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

/** Adds `note` to the first summary; `source` (the record's `source.kind`) is set on the host as `data-source`. */
export function addSummaryNote(doc: Document, note: SummaryNote, source?: string): void {
  const host = overlayHosts(doc, 'summary')[0];
  const panel = host?.shadowRoot?.querySelector('.panel');
  if (!panel) return;
  panel.querySelector('[data-testid="summary-source"]')?.remove();
  const link =
    note.href && /^https?:/i.test(note.href)
      ? h('a', { href: note.href, target: '_blank', rel: 'noopener' }, note.name ?? note.href)
      : null;
  panel.append(h('div', { class: 'src', style: STYLE, 'data-testid': 'summary-source' }, note.text, link));
  if (source) host.setAttribute('data-source', source);
}

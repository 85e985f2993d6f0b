import { readReports } from '@/lib/core/read';
import { LENS_FLAG as FLAG, startLens, type Lens } from '@/lib/page/start-lens';
import { overlayLanguage, runtime, sendReads, sendToBackground } from '@/lib/page/extension-api';
import { readData } from '@/lib/page/read-data';

/**
 * Wiring only: runs on every *.gov.cn page (declared in wxt.config.ts's manifest as `lens.js`), and the same
 * bundle is injected by the context menu ("用年报透镜检查此页") into any other page. The page logic lives in
 * lib/page/. Same-origin frames are read by the top document's lens; a frame on another origin runs its own.
 * An unlisted script rather than WXT's content-script entry: WXT's content-script runtime (≈3.3 KB of every
 * page's bundle) only stopped an orphaned lens; here its timers check that its extension is still there.
 */

type Flagged = Window & { [FLAG]?: Lens };

export default defineUnlistedScript({
  main() {
    // a frame the top document can read is the top lens's to scan: its report is the page's (SPEC §5)
    if (window !== window.top && topIsReadable()) return;
    const win = window as Flagged;
    const existing = win[FLAG];
    if (existing) {
      // injected again on top of a running copy: the user asked for a check now
      existing.rescan(true);
      return;
    }
    // outside *.gov.cn we only run because the user injected us: skip the pre-check
    const forced = !/(^|\.)gov\.cn$/i.test(location.hostname);
    const lens = startLens(
      document,
      {
        read: readReports,
        // the reads are finished by the background (lib/core/finish.ts); a page that is not a report says so
        send: (page, scanMs) =>
          'reads' in page
            ? sendReads({ type: 'page-read', reads: page.reads.map(readData), scanMs })
            : void sendToBackground({ type: 'scan-result', outcome: page.outcome, scanMs }),
        // a lens whose extension was reloaded or removed (its runtime has no id) lets its timers do nothing
        setTimeout: (fn, ms) => window.setTimeout(() => runtime.id && fn(), ms),
        clearTimeout: (id) => clearTimeout(id),
        log: console.warn,
        openReport: (id) => void runtime.sendMessage({ type: 'open-report', id }).catch(() => undefined),
      },
      { forced },
    );
    win[FLAG] = lens;
    // the overlay's language, read off the scan's path: an English UI re-renders the overlay, no re-scan
    void overlayLanguage().then((language) => language !== 'zh_CN' && lens.setLanguage(language));
    const onMessage = (msg: unknown) => {
      // only the extension itself can message a content script; a plain shape test keeps zod off the page
      if ((msg as { type?: unknown } | null)?.type === 'rescan') lens.rescan(true);
    };
    runtime.onMessage.addListener(onMessage);
  },
});

function topIsReadable(): boolean {
  try {
    return !!window.top?.document;
  } catch {
    return false;
  }
}

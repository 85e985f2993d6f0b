import { scanReports } from '@/lib/core/scan';
import { LENS_FLAG as FLAG, startLens, type Lens } from '@/lib/page/start-lens';
import { overlayLanguage, runtime, sendToBackground } from '@/lib/page/extension-api';

/**
 * Wiring only: runs on every *.gov.cn page, and the same bundle is injected by the context menu
 * ("用年报透镜检查此页") into any other page. The page logic lives in lib/page/. Same-origin frames are read
 * by the top document's lens; a frame on another origin runs its own.
 */

type Flagged = Window & { [FLAG]?: Lens };

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  // frames too: a cross-origin frame (a 信息公开 platform on another gov.cn host) is checked as a page of its own
  allFrames: true,
  main(ctx) {
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
        scan: scanReports,
        send: ([outcome, ...rest], scanMs) => {
          // the protocol carries at most 50 further reports (a larger 汇编 is saved up to its 51st report)
          const more = rest.filter((o) => o.isReport).slice(0, 50);
          void sendToBackground({ type: 'scan-result', outcome, ...(more.length ? { more } : {}), scanMs });
        },
        setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
        clearTimeout: (id) => clearTimeout(id),
        log: (...args) => console.warn(...args),
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
    ctx.onInvalidated(() => {
      runtime.onMessage.removeListener(onMessage);
      lens.stop();
      delete win[FLAG];
    });
  },
});

function topIsReadable(): boolean {
  try {
    return !!window.top?.document;
  } catch {
    return false;
  }
}

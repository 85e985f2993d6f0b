import type { ReportRecord, ScanOutcome } from '../core/record';
import type { PageFacts } from '../core/page-facts';
import type { ScanOptions, ScanResult } from '../core/scan';
import { annotate, type Annotation } from './annotate';
import type { OverlayLang } from '../i18n/overlay';
import { canonicalUrl } from '../core/canonical-url';
import { hintsAtReport, isHidden } from './page-hints';
import { frameDocument, frameElements, mayBeSameOrigin } from './frames';
import { watchForChanges, type Scheduler } from './rescan-scheduler';

/**
 * The content script's page logic: pre-check, scan the top document and its same-origin frames, annotate
 * each in place, report the page's reports (or its one non-report outcome) to the background, and re-scan late-rendered content. Extension APIs
 * come in through `deps`, so this runs the same under tests.
 */

/** The window property a running lens sits under (the attachment reader finds it there). */
export const LENS_FLAG = '__nianbaoLens';

export interface LensDeps {
  /** one result per report on the page (several for a 年报汇编), or the one non-report outcome */
  scan: (root: ParentNode, url: string, opts: ScanOptions) => ScanResult[];
  /**
   * the page's reports in order (the top document's, then its frames'), or its one non-report outcome, with
   * what the checks beyond the tables read; the background may answer with the reports completed by those
   * checks (SPEC §10), which the overlay then shows (nothing returned: the scan's own records are shown)
   */
  send: (outcomes: ScanOutcome[], scanMs: number, facts: PageFacts[]) => Promise<ReportRecord[] | undefined> | void;
  /** opens a saved record in the history (the overlay's link to the year a cross-year check compared with) */
  openReport?: (id: string) => void;
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => number;
  clearTimeout?: (id: number) => void;
  log?: (...args: unknown[]) => void;
}

export interface Lens {
  /** scan everything again now; `force` skips the pre-check (the user asked for it) */
  rescan(force: boolean): void;
  /** the overlay's words in another UI language: re-renders what is shown, without scanning again */
  setLanguage(language: OverlayLang): void;
  stop(): void;
}

interface DocState {
  annotation: Annotation | null;
  results: ScanResult[];
  scanMs: number;
}

/** How long the overlay waits for the background's completed records before it shows the scan's own. */
export const REPLY_WAIT_MS = 3000;

const reportsOf = (st: DocState | undefined): ScanOutcome[] => st?.results.filter((r) => r.outcome.isReport).map((r) => r.outcome) ?? [];

export function startLens(doc: Document, deps: LensDeps, opts: { forced?: boolean } = {}): Lens {
  const now = deps.now ?? (() => performance.now());
  const states = new Map<Document, DocState>();
  const watchedFrames = new WeakSet<HTMLIFrameElement>();
  let scheduler: Scheduler | null = null;
  let lastSent = '';
  let stopped = false;
  let language: OverlayLang = 'zh_CN';
  // the background's completed records (the checks beyond the tables), by id; used while the content is the same
  const completed = new Map<string, ReportRecord>();
  const withCompleted = (r: ScanResult): ScanResult => {
    const o = r.outcome;
    const c = o.isReport ? completed.get(o.id) : undefined;
    return c && c.contentHash === (o as ReportRecord).contentHash ? { ...r, outcome: c } : r;
  };
  const show = (d: Document, st: DocState) => {
    st.annotation?.dispose();
    st.annotation = annotate(d, st.results.map(withCompleted), st.scanMs, language, deps.openReport);
  };
  const showAll = () => {
    for (const [d, st] of states) show(d, st);
  };
  const setLanguage = (next: OverlayLang) => {
    language = next;
    showAll();
  };

  // a frame's report is the page's (SPEC §5): the top's address, the frame named in frameUrl, parts numbered on
  const scanDoc = (d: Document, force: boolean) => {
    if (!force && !hintsAtReport(d)) return;
    try {
      const t0 = now();
      const opts: ScanOptions = { isHidden };
      if (d !== doc) {
        opts.frameUrl = d.URL.replace(/#.*$/, ''); // the frame's address, as the CLI resolves its src
        opts.firstPart = 1 + [...states].reduce((n, [o, st]) => n + (o === d ? 0 : reportsOf(st).length), 0);
      }
      const results = deps.scan(d, canonicalUrl(doc, doc.URL), opts);
      const scanMs = now() - t0;
      states.get(d)?.annotation?.dispose();
      // shown by report(), once the background has completed the checks (or at once when nothing changed)
      states.set(d, { annotation: null, results, scanMs });
    } catch (e) {
      deps.log?.('年报透镜: scan failed', e);
    }
  };

  const report = () => {
    for (const d of states.keys()) if (d !== doc && !d.defaultView) states.delete(d); // frames navigated away
    const top = states.get(doc);
    const frames = [...states].filter(([d]) => d !== doc).map(([, st]) => st);
    const reports = [top, ...frames].flatMap(reportsOf);
    const sent = reports.length ? reports : top ? [top.results[0].outcome] : [];
    const sig = sent.map((o) => (o.isReport ? `${o.url}|${o.contentHash}|${o.status}` : `no|${o.url}`)).join(' ');
    if (!sent.length || sig === lastSent) return showAll();
    lastSent = sig;
    // every report's scan carries its facts (lib/core/scan.ts)
    const facts = [top, ...frames].flatMap((st) => st?.results.filter((r) => r.outcome.isReport).map((r) => r.facts!) ?? []);
    const reply = deps.send(sent, Math.max(...[top, ...frames].map((st) => st?.scanMs ?? 0)), facts);
    if (!reply) return showAll();
    // shown when the background answers, or after REPLY_WAIT_MS without it (shown again if it answers later)
    const timer = (deps.setTimeout ?? ((fn: () => void, ms: number) => window.setTimeout(fn, ms)))(showAll, REPLY_WAIT_MS);
    void reply.then((records) => {
      for (const r of records ?? []) completed.set(r.id, r);
      (deps.clearTimeout ?? clearTimeout)(timer);
      if (!stopped) showAll();
    }, showAll);
  };

  const scanFrames = (force: boolean) => {
    for (const f of frameElements(doc)) {
      if (!watchedFrames.has(f) && mayBeSameOrigin(f, doc)) {
        watchedFrames.add(f);
        f.addEventListener('load', () => {
          if (stopped) return;
          const fd = frameDocument(f);
          if (fd) scanDoc(fd, opts.forced ?? false);
          report();
        });
      }
      const fd = frameDocument(f);
      if (fd && (force || !states.has(fd))) scanDoc(fd, force || (opts.forced ?? false));
    }
  };

  const scanAll = (force: boolean) => {
    scanDoc(doc, force);
    scanFrames(force);
    report();
    scheduler?.flush();
  };

  const preStart = performance.now();
  const topHint = opts.forced || hintsAtReport(doc);
  const skip = !topHint && !frameElements(doc).some((f) => mayBeSameOrigin(f, doc));
  markPrecheck(preStart);
  if (skip) {
    return { rescan: (force) => scanAll(force), setLanguage, stop() {} };
  }
  // the pre-check has just read the page: scanDoc need not ask hintsAtReport (the body text) again
  if (topHint) scanDoc(doc, true);
  scanFrames(false);
  report();
  if (topHint) {
    scheduler = watchForChanges(doc.documentElement, () => scanAll(false), {
      wantsAnyContent: () => {
        const o = states.get(doc)?.results[0]?.outcome;
        return !(o?.isReport && o.tables > 0);
      },
      setTimeout: deps.setTimeout,
      clearTimeout: deps.clearTimeout,
    });
  }

  return {
    rescan: (force) => scanAll(force),
    setLanguage,
    stop() {
      stopped = true;
      scheduler?.stop();
      for (const s of states.values()) s.annotation?.dispose();
      states.clear();
    },
  };
}

/**
 * The pre-check's cost as a User Timing entry `nianbao:precheck` (read by test/bench/browser.ts): the
 * page's performance timeline is shared with the content script's world, and an entry adds no
 * attribute or element to the page.
 */
function markPrecheck(start: number): void {
  try {
    performance.measure('nianbao:precheck', { start, end: performance.now() });
  } catch {
    /* no User Timing Level 3 (old engines, some test DOMs): nothing to record */
  }
}

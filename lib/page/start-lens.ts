import type { ReportRecord, ScanOutcome } from '../core/record';
import {
  notReport,
  readResult,
  readSignature,
  type PageRead,
  type ReportRead,
  type ScanOptions,
  type ScanResult,
  type Sections,
} from '../core/read';
import { annotate, type Annotation } from './annotate';
import type { OverlayLang } from '../i18n/overlay';
import { canonicalUrl } from '../core/canonical-url';
import { hintsAtReport, isHidden } from './page-hints';
import { frameDocument, frameElements, mayBeSameOrigin } from './frames';
import { watchForChanges, type Scheduler } from './rescan-scheduler';

/**
 * The content script's page logic: pre-check, read the top document and its same-origin frames (the half
 * of the scan that needs the DOM, lib/core/read.ts), send the reads to the background — which finishes
 * them (sections, keys, checks: lib/core/finish.ts, warm there), completes them with the checks beyond the
 * tables and saves them — then annotate each document in place with the records it answers, and re-read
 * late-rendered content. Extension APIs come in through `deps`, so this runs the same under tests.
 */

/** The window property a running lens sits under (the attachment reader finds it there). */
export const LENS_FLAG = '__nianbaoLens';

/** What the page sends: its reports as read (top document first, then its frames'), or its one non-report outcome. */
export type SentPage = { reads: ReportRead[] } | { outcome: ScanOutcome };

/** The background's answer to the reads: their records in order, each with its report tables' grids and sections. */
export interface FinishedPage {
  records: ReportRecord[];
  sections: Sections[];
  /** the background's share of the scan (finishing the records), ms */
  finishMs: number;
  /** the reads (by index) the background found are no report (the lens leaves detection to it) */
  skipped?: number[];
}

/** The protocol carries at most this many reports of one page (a larger 汇编 is read up to its 51st). */
export const MAX_REPORTS = 51;

export interface LensDeps {
  /** reads the page's reports (lib/core/read.ts `readReports`): several for a 年报汇编, none for another page */
  read: (root: ParentNode, url: string, opts: ScanOptions) => PageRead;
  /** sends the page to the background; resolves to its finished records (nothing: no answer) */
  send: (page: SentPage, scanMs: number) => Promise<FinishedPage | undefined> | void;
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
  page: PageRead;
  /** each report read's signature (`readSignature`): what its finished record is cached under */
  sigs: string[];
  /** the page's share of the scan, ms */
  scanMs: number;
}

interface Done {
  record: ReportRecord;
  sections: Sections;
}

export function startLens(doc: Document, deps: LensDeps, opts: { forced?: boolean } = {}): Lens {
  const now = deps.now ?? (() => performance.now());
  const states = new Map<Document, DocState>();
  const watchedFrames = new WeakSet<HTMLIFrameElement>();
  let scheduler: Scheduler | null = null;
  let lastSent = '';
  let stopped = false;
  let language: OverlayLang = 'zh_CN';
  // the background's finished records, by read signature: a re-read of unchanged content is shown at once
  // (null: the background found the read is no report)
  const done = new Map<string, Done | null>();
  let finishMs = 0;
  const resultsOf = (st: DocState): ScanResult[] => {
    if (!st.page.reports.length) return [notReport(st.page.found, st.page.url)];
    const out: ScanResult[] = [];
    st.page.reports.forEach((read, i) => {
      const d = done.get(st.sigs[i]);
      if (d) out.push(readResult(read, d.record, d.sections));
      else if (d === null) out.push(notReport(read.found, read.url));
    });
    return out;
  };
  const show = (d: Document, st: DocState) => {
    st.annotation?.dispose();
    st.annotation = annotate(d, resultsOf(st), st.scanMs + finishMs, language, deps.openReport);
  };
  const showAll = () => {
    if (!stopped) for (const [d, st] of states) show(d, st);
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
      const start = performance.now();
      // detection is the background's (lib/core/finish.ts): its patterns are compiled and warm there
      const opts: ScanOptions = { isHidden, detectLater: true };
      if (d !== doc) {
        opts.frameUrl = d.URL.replace(/#.*$/, ''); // the frame's address, as the CLI resolves its src
        opts.firstPart = 1 + [...states].reduce((n, [o, st]) => n + (o === d ? 0 : st.page.reports.length), 0);
      }
      const page = deps.read(d, canonicalUrl(doc, doc.URL), opts);
      const sigs = page.reports.map(readSignature);
      const scanMs = now() - t0;
      mark('nianbao:read', start);
      states.get(d)?.annotation?.dispose();
      // shown by report(), once the background has finished the reads (or at once when nothing changed)
      states.set(d, { annotation: null, page, sigs, scanMs });
    } catch (e) {
      deps.log?.('年报透镜: scan failed', e);
    }
  };

  const report = () => {
    for (const d of states.keys()) if (d !== doc && !d.defaultView) states.delete(d); // frames navigated away
    const top = states.get(doc);
    const all = [top, ...[...states].filter(([d]) => d !== doc).map(([, st]) => st)].filter((st): st is DocState => !!st);
    const reads = all.flatMap((st) => st.page.reports).slice(0, MAX_REPORTS);
    const sigs = all.flatMap((st) => st.sigs).slice(0, MAX_REPORTS);
    const scanMs = Math.max(0, ...all.map((st) => st.scanMs));
    if (!reads.length) {
      if (!top || lastSent === `no|${top.page.url}`) return showAll();
      lastSent = `no|${top.page.url}`;
      void deps.send({ outcome: notReport(top.page.found, top.page.url).outcome }, scanMs);
      return showAll();
    }
    const sig = sigs.join(' ');
    if (sig === lastSent) return showAll();
    lastSent = sig;
    const reply = deps.send({ reads }, scanMs);
    if (!reply) return;
    // shown when the background answers; a re-read sent meanwhile answers for itself
    // no answer (the worker restarting, the extension reloaded): the next re-read sends again
    const unanswered = (e?: unknown) => {
      if (lastSent === sig) lastSent = '';
      deps.log?.('年报透镜: the background did not answer', ...(e === undefined ? [] : [e]));
    };
    void reply.then((page) => {
      if (!page) return unanswered();
      const skipped = new Set(page.skipped);
      let k = 0;
      sigs.forEach((s, i) => {
        if (skipped.has(i)) return void done.set(s, null);
        const record = page.records[k];
        if (record) done.set(s, { record, sections: page.sections[k] ?? [] });
        k++;
      });
      finishMs = page.finishMs;
      showAll();
    }, unanswered);
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
  mark('nianbao:precheck', preStart);
  if (skip) {
    return { rescan: (force) => scanAll(force), setLanguage, stop() {} };
  }
  // the pre-check has just read the page: scanDoc need not ask hintsAtReport (the body text) again
  if (topHint) scanDoc(doc, true);
  scanFrames(false);
  report();
  if (topHint) {
    scheduler = watchForChanges(doc.documentElement, () => scanAll(false), {
      // late content is wanted until the page shows a report with tables
      wantsAnyContent: () => {
        const st = states.get(doc);
        const d = st?.sigs.length ? done.get(st.sigs[0]) : undefined;
        // not a report (yet): its report may still be rendered
        if (d === null) return true;
        return !(d ? d.record.tables > 0 : st?.page.reports[0]?.grids.length);
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
      for (const st of states.values()) st.annotation?.dispose();
      states.clear();
    },
  };
}

/**
 * The pre-check's cost (`nianbao:precheck`) and the page's share of a scan (`nianbao:read`; the summary's
 * data-scan-ms adds the background's) as User Timing entries, read by test/bench/browser.ts: the page's
 * performance timeline is shared with the content script's world, and an entry adds no attribute or element
 * to the page.
 */
function mark(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    /* no User Timing Level 3 (old engines, some test DOMs): nothing to record */
  }
}

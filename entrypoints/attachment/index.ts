import { canonicalUrl } from '@/lib/core/canonical-url';
import type { ReportRecord, ScanOutcome } from '@/lib/core/record';
import { scanReports, type ScanResult } from '@/lib/core/scan';
import { ATTACHMENT_TEXT } from '@/lib/i18n/attachment';
import type { OverlayLang } from '@/lib/i18n/overlay';
import { annotate, type Annotation } from '@/lib/page/annotate';
import { findAttachment } from '@/lib/page/attachment-link';
import { overlayLanguage, runtime, sendToBackground } from '@/lib/page/extension-api';
import { isHidden } from '@/lib/page/page-hints';
import { LENS_FLAG, type Lens } from '@/lib/page/start-lens';
import { addSummaryNote, type SummaryNote } from '@/lib/page/summary-note';
import type { FileCheckReply } from '@/lib/protocol/messages';

/**
 * The attachment reader (SPEC §8), injected by the background into a report page whose tables are not on the
 * page — never part of the content script every gov.cn page loads. It finds the report's file among the
 * page's links, has the background fetch and read it, then takes the overlay over from the page's lens: the
 * summary shows the file's verdicts with a line naming the file, and the file's records are reported as the
 * page's scan (saved, badged and exported as any). When no file fits, the line says why. Wiring only: the
 * choice of link is lib/page/attachment-link.ts, the reading lib/background/file-check.ts.
 */
interface State {
  running: boolean;
  /** each file's reply, so a re-scan of the page does not fetch it again */
  tried: Map<string, FileCheckReply>;
  shown?: Annotation;
}
type Flagged = Window & { [LENS_FLAG]?: Lens; __nianbaoAttachment?: State };

export default defineUnlistedScript(async () => {
  const win = window as Flagged;
  const mine = (win.__nianbaoAttachment ??= { running: false, tried: new Map() });
  if (mine.running) return;
  mine.running = true;
  try {
    await readAttachment(win, mine);
  } catch (e) {
    console.warn('[nianbao-lens] attachment:', e);
  } finally {
    mine.running = false;
  }
});

async function readAttachment(win: Flagged, mine: State): Promise<void> {
  const lang = await overlayLanguage();
  const t = ATTACHMENT_TEXT[lang];
  const note = (n: SummaryNote) => addSummaryNote(document, n);
  const pick = findAttachment(document, location.href);
  // a page titled as a report with no report body ("详见附件"): only its one file named as the report is read,
  // and nothing is shown unless that file is the report (a listing of several reports is left alone)
  const titleOnly = !scanReports(document, location.href, { isHidden })[0]?.outcome.isReport;
  if (titleOnly && !('found' in pick && pick.named && pick.alone)) return;
  if ('ambiguous' in pick) return note({ text: t.ambiguous(pick.ambiguous.length) });
  if ('unreadable' in pick)
    return note({ text: t.unreadable(pick.unreadable.kind), href: pick.unreadable.url, name: pick.unreadable.name });
  if ('none' in pick) {
    const off = pick.offSite;
    return note(off ? { text: t.offSite(new URL(off.url).hostname), href: off.url, name: off.name } : { text: t.none });
  }
  const link = { href: pick.found.url, name: pick.found.name };
  let reply = mine.tried.get(link.href);
  if (!reply) {
    note({ text: t.reading, ...link });
    reply = (await runtime.sendMessage({ type: 'read-attachment', fileUrl: link.href })) as FileCheckReply | undefined;
    if (!reply) return;
    mine.tried.set(link.href, reply);
  }
  if (!reply.ok) return note({ text: t.failed(reply.error), ...link });
  const reports = reply.outcomes.filter((o: ScanOutcome): o is ReportRecord => o.isReport);
  const why = reply.notes[0] ?? '—';
  if (titleOnly) return reports.some((r) => r.tables > 0) ? show(win, mine, reports, null, { text: t.fromFile, ...link }, lang) : undefined;
  if (!reports.length && reply.readable) return note({ text: t.notAReport(why), ...link });

  // the page's own scan: its title line places the summary, and its record stands when the file has no text
  const t0 = performance.now();
  const page: ScanResult | undefined = scanReports(document, canonicalUrl(document, document.URL), { isHidden })[0];
  if (!page?.outcome.isReport || page.outcome.tables > 0) return; // the page has tables by now: the lens has them
  const own = page.outcome;
  const kind = reply.kind === 'pdf' || reply.kind === 'docx' ? reply.kind : null;
  // a file with no text (scanned, corrupt, locked): the page's no-tables record, with the reason and the file
  const shown: ReportRecord[] = reports.length
    ? reports
    : [{ ...own, notes: [...reply.notes, ...own.notes], ...(kind ? { source: { kind, url: link.href } } : {}) }];
  const readable = shown.some((r) => r.tables > 0);
  await show(win, mine, shown, page, { text: readable ? t.fromFile : t.noTablesInFile(why), ...link }, lang, performance.now() - t0);
}

/** The lens steps aside; the file's reports are shown (at the page's title line, else the top) and reported. */
async function show(
  win: Flagged,
  mine: State,
  shown: ReportRecord[],
  page: ScanResult | null,
  line: SummaryNote,
  lang: OverlayLang,
  scanMs = 0,
) {
  const results = shown.map((outcome) => ({ start: page?.start, outcome, tables: [], cellElements: new Map<string, Element>() }));
  win[LENS_FLAG]?.stop();
  mine.shown?.dispose();
  mine.shown = annotate(document, results, scanMs, lang);
  addSummaryNote(document, line, shown[0].source?.kind);
  const [outcome, ...more] = shown;
  const completed = await sendToBackground({ type: 'scan-result', outcome, ...(more.length ? { more: more.slice(0, 50) } : {}), scanMs });
  // the background compares them with the saved previous year (SPEC §10 xyear.*): shown again with those checks
  if (completed?.length) {
    mine.shown.dispose();
    mine.shown = annotate(
      document,
      results.map((r, i) => ({ ...r, outcome: completed[i] ?? r.outcome })),
      scanMs,
      lang,
    );
    addSummaryNote(document, line, shown[0].source?.kind);
  }
}

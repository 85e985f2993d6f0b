import { useEffect, useMemo, useState } from 'preact/hooks';
import { I18n } from '@/components/i18n-context';
import { FileHeader, type ViewerPhase } from '@/components/file-header';
import { scanReports } from '@/lib/core/scan';
import { translator } from '@/lib/i18n/ui';
import { annotate, type Annotation } from '@/lib/page/annotate';
import { isHidden } from '@/lib/page/page-hints';
import { addSummaryNote } from '@/lib/page/summary-note';
import { sendMessage } from '@/lib/protocol/messages';
import { safeFileBody } from '@/lib/ui/file-html';
import { useSettings } from '@/lib/ui/use-settings';

/**
 * The viewer page (`viewer.html?url=<file>`, SPEC §8): a PDF or DOCX opened directly (from the popup's
 * "check this file" or the context menu on a link) is fetched and read by the background, saved under the
 * file's address, and its rebuilt tables are shown here with the same badges, outlines and tooltips as the
 * in-page overlay. Wiring only.
 */
const fileUrl = new URLSearchParams(location.search).get('url');

export function App({ report }: { report: HTMLElement }) {
  const settings = useSettings();
  const lang = settings?.language ?? 'zh_CN';
  const t = useMemo(() => translator(lang), [lang]);
  // from the request to the annotated tables: fetch, read, check and show (`data-read-ms`, read by the bench)
  const [readMs, setReadMs] = useState<number>();
  const t0 = useMemo(() => performance.now(), []);
  const [phase, setPhase] = useState<ViewerPhase>(fileUrl ? { state: 'reading' } : { state: 'error', error: t('viewerNoUrl') });

  useEffect(() => {
    if (!fileUrl) return;
    sendMessage({ type: 'check-file', url: fileUrl }).then(
      (reply) => setPhase(reply?.ok ? { state: 'done', reply } : { state: 'error', error: reply?.error ?? '—' }),
      (e: Error) => setPhase({ state: 'error', error: e.message }),
    );
  }, []);

  // the rebuilt tables, annotated by the same code as the in-page overlay (in the overlay's language)
  useEffect(() => {
    if (phase.state !== 'done' || !phase.reply.ok || !phase.reply.html || !fileUrl) return;
    const { title, nodes } = safeFileBody(phase.reply.html, document);
    report.replaceChildren(...nodes);
    if (title) document.title = title;
    const start = performance.now();
    const results = scanReports(report, fileUrl, { isHidden });
    const ms = performance.now() - start;
    const annotation: Annotation = annotate(document, results, ms, lang);
    // the verdict first: the file's own first page is often a printed web page's header
    const summary = report.querySelector('nianbao-lens[data-nianbao="summary"]');
    if (summary) report.prepend(summary);
    setReadMs(Math.round(performance.now() - t0));
    addSummaryNote(document, { text: t('viewerSource'), href: fileUrl, name: phase.reply.fileName }, phase.reply.kind ?? undefined);
    return () => annotation.dispose();
  }, [phase, lang]);

  return (
    <I18n.Provider value={t}>
      <FileHeader url={fileUrl} phase={phase} readMs={readMs} />
    </I18n.Provider>
  );
}

import type { FileCheckReply } from '@/lib/protocol/messages';
import { clockTime } from './format';
import { useT } from './i18n-context';

export type ViewerPhase =
  { state: 'reading' } | { state: 'error'; error: string } | { state: 'done'; reply: Extract<FileCheckReply, { ok: true }> };

/** The viewer page's header: which file, what reading it gave (notes), and whether its record was saved. */
export function FileHeader({ url, phase, readMs }: { url: string | null; phase: ViewerPhase; readMs?: number }) {
  const t = useT();
  const reply = phase.state === 'done' ? phase.reply : null;
  const report = reply?.outcomes.find((o) => o.isReport);
  const first = reply?.outcomes[0];
  return (
    <header class="viewer-head" data-testid="viewer" data-state={phase.state} data-read-ms={readMs} data-check-ms={reply?.readMs}>
      <div class="row">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>
          {t('appName')} · {t('viewerTitle')}
        </h1>
        {url && (
          <a class="file" href={url} target="_blank" rel="noopener" data-testid="viewer-file">
            {reply?.fileName ?? url}
          </a>
        )}
      </div>
      {phase.state === 'reading' && <p class="muted">{t('viewerReading')}</p>}
      {phase.state === 'error' && (
        <p class="error" role="alert" data-testid="viewer-error">
          {t('viewerFailed', { error: phase.error })}
        </p>
      )}
      {reply && first && !first.isReport && (
        <p class="error" role="alert" data-testid="viewer-error">
          {t('viewerNotReport', { reason: reply.notes[0] ?? first.reason })}
        </p>
      )}
      {report?.isReport && report.tables === 0 && <p class="error">{t('viewerNoTables')}</p>}
      {reply?.save &&
        (reply.save.ok ? (
          <p class="saved" data-testid="viewer-saved">
            {t('viewerSaved', { time: clockTime(reply.save.savedAt) })}
          </p>
        ) : (
          <p class="error" role="alert" data-testid="viewer-save-error">
            {t('viewerSaveFailed', { error: reply.save.error })}
          </p>
        ))}
      {reply && reply.notes.length > 0 && (
        <ul class="notes" aria-label={t('viewerNotes')} data-testid="viewer-notes">
          {reply.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </header>
  );
}

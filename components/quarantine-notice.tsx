import { useT } from './i18n-context';

/**
 * Shown on the history page when a database upgrade set rows aside (they no longer read as records):
 * says how many, and offers them as a file — nothing is ever dropped silently.
 */
export function QuarantineNotice({ count, onDownload }: { count: number; onDownload: () => void }) {
  const t = useT();
  if (count <= 0) return null;
  return (
    <p class="notice warn" role="alert" data-testid="quarantine-notice">
      {t('quarantined', { count })}{' '}
      <button type="button" data-testid="quarantine-download" onClick={onDownload}>
        {t('downloadQuarantined')}
      </button>
    </p>
  );
}

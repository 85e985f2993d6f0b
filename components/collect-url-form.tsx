import { useState } from 'preact/hooks';
import { useT } from './i18n-context';

/** A listing's address pasted on the options page opens the collector on it (SPEC §9). */
export function CollectUrlForm({ onOpen }: { onOpen: (url: string) => void }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const valid = /^https?:\/\/\S+$/i.test(url.trim());
  return (
    <form
      class="collect-url"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onOpen(url.trim());
      }}
    >
      <input
        type="url"
        data-testid="collect-url"
        placeholder={t('collectUrl')}
        aria-label={t('collectUrl')}
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      <button type="submit" data-testid="collect-go" disabled={!valid}>
        {t('collectGo')}
      </button>
    </form>
  );
}

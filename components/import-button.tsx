import { useT } from './i18n-context';

interface Props {
  busy: boolean;
  /** the outcome of the last import: success text or a clear error */
  message: { ok: boolean; text: string } | null;
  onFile: (file: File) => void;
}

/** "导入 JSON": a file input for an exported file, and what came of it. */
export function ImportButton({ busy, message, onFile }: Props) {
  const t = useT();
  return (
    <div class="import">
      <label class="button">
        {busy ? t('importing') : t('importJson')}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-json"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="import-message">
          {message.text}
        </p>
      )}
    </div>
  );
}

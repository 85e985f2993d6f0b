import type { Settings } from '@/lib/protocol/settings';
import { useT } from './i18n-context';

/** The two settings: auto-save and the UI language. */
export function SettingsPanel({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const t = useT();
  return (
    <section class="settings">
      <h2>{t('settings')}</h2>
      <label>
        <input
          type="checkbox"
          data-testid="setting-autosave"
          checked={settings.autoSave}
          onChange={(e) => onChange({ autoSave: e.currentTarget.checked })}
        />
        {t('autoSave')}
      </label>
      <label>
        {t('language')}{' '}
        <select
          data-testid="setting-language"
          value={settings.language}
          onChange={(e) => onChange({ language: e.currentTarget.value as Settings['language'] })}
        >
          <option value="zh_CN">中文</option>
          <option value="en">English</option>
        </select>
      </label>
    </section>
  );
}

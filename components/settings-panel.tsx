import type { Settings } from '@/lib/protocol/settings';
import { useT } from './i18n-context';

/** The settings: auto-save, the UI language, and the collector's gap between requests to one site (SPEC §9). */
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
      <label>
        {t('collectGap')}{' '}
        <input
          type="number"
          data-testid="setting-collect-gap"
          min={1}
          max={60}
          step={0.5}
          value={settings.collectGapMs / 1000}
          onChange={(e) => {
            const seconds = Number(e.currentTarget.value);
            if (Number.isFinite(seconds)) onChange({ collectGapMs: Math.min(60_000, Math.max(1000, Math.round(seconds * 1000))) });
          }}
        />{' '}
        {t('seconds')}
      </label>
    </section>
  );
}

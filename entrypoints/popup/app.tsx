import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ExportBar } from '@/components/export-bar';
import { I18n } from '@/components/i18n-context';
import { PopupView } from '@/components/popup-view';
import { db } from '@/lib/db/database';
import { translator } from '@/lib/i18n/ui';
import { sendMessage, type TabState } from '@/lib/protocol/messages';
import { useExport } from '@/lib/ui/use-export';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { useSettings } from '@/lib/ui/use-settings';

/** Wiring of the popup: the active tab's state from the background, the saved count from Dexie. */
async function activeTabId(): Promise<number | undefined> {
  // e2e opens popup.html in a tab and passes the tab to inspect as ?tabId=<id>
  const param = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const settings = useSettings();
  const t = useMemo(() => translator(settings?.language ?? 'zh_CN'), [settings?.language]);
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<TabState | null>(null);
  const [saving, setSaving] = useState(false);
  const count = useLiveQuery(() => db.reports.count());
  const exporter = useExport(t);

  const refresh = async (id = tabId) => {
    if (id !== undefined) setState(await sendMessage({ type: 'get-tab-state', tabId: id }));
  };
  useEffect(() => {
    void activeTabId().then((id) => {
      setTabId(id);
      void refresh(id);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = settings?.language === 'en' ? 'en' : 'zh-CN';
  }, [settings?.language]);

  const save = async () => {
    if (tabId === undefined) return;
    setSaving(true);
    await sendMessage({ type: 'save-page', tabId });
    await refresh();
    setSaving(false);
  };

  return (
    <I18n.Provider value={t}>
      <PopupView
        state={state}
        savedCount={count ?? null}
        saving={saving}
        onSave={save}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        exportBar={<ExportBar onExport={exporter.start} progress={exporter.progress} message={exporter.message} disabled={!count} />}
      />
    </I18n.Provider>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ExportBar } from '@/components/export-bar';
import { I18n } from '@/components/i18n-context';
import { PopupView } from '@/components/popup-view';
import { db } from '@/lib/db/database';
import { fileUrlKind } from '@/lib/files/file-address';
import { viewerUrl } from '@/lib/protocol/viewer-url';
import { translator } from '@/lib/i18n/ui';
import { sendMessage, type TabState } from '@/lib/protocol/messages';
import { useExport } from '@/lib/ui/use-export';
import { collectorUrl, countListedReports } from '@/lib/ui/listing-count';
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
  const [tabUrl, setTabUrl] = useState<string>();
  const [listed, setListed] = useState(0);
  const count = useLiveQuery(() => db.reports.count());
  const exporter = useExport(t);

  const refresh = async (id = tabId) => {
    if (id !== undefined) setState(await sendMessage({ type: 'get-tab-state', tabId: id }));
  };
  useEffect(() => {
    void activeTabId().then((id) => {
      setTabId(id);
      void refresh(id);
      // the tab's address (host access to *.gov.cn): a PDF/DOCX there can be checked in the viewer page
      if (id !== undefined)
        void browser.tabs.get(id).then(
          (tab) => {
            setTabUrl(tab.url ?? tab.pendingUrl);
            // a 年报 column: its report links can be collected (SPEC §9)
            void countListedReports(id, tab.url).then(setListed);
          },
          () => undefined,
        );
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

  const fileKind = fileUrlKind(tabUrl);
  const checkFile = () => {
    // a real popup closes once the viewer opens (e2e opens popup.html?tabId=… in a tab of its own, kept)
    if (tabUrl) void browser.tabs.create({ url: viewerUrl(tabUrl) }).then(() => !location.search.includes('tabId') && window.close());
  };

  const openCollector = () => {
    if (tabUrl && tabId !== undefined)
      void browser.tabs.create({ url: collectorUrl(tabUrl, tabId) }).then(() => !location.search.includes('tabId') && window.close());
  };

  return (
    <I18n.Provider value={t}>
      <PopupView
        state={state}
        savedCount={count ?? null}
        saving={saving}
        onSave={save}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        collect={listed >= 2 ? { count: listed, onOpen: openCollector } : null}
        fileTab={fileKind && !state?.outcome.isReport ? { kind: fileKind, onCheck: checkFile } : null}
        exportBar={<ExportBar onExport={exporter.start} progress={exporter.progress} message={exporter.message} disabled={!count} />}
      />
    </I18n.Provider>
  );
}

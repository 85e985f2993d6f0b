import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ExportBar } from '@/components/export-bar';
import { HistoryFilters } from '@/components/history-filters';
import { HistoryTable } from '@/components/history-table';
import { I18n } from '@/components/i18n-context';
import { ImportButton } from '@/components/import-button';
import { Pager } from '@/components/pager';
import { SettingsPanel } from '@/components/settings-panel';
import { DEFAULT_QUERY, PAGE_SIZE, queryHistory, type HistoryPage, type HistoryQuery, type SortKey } from '@/lib/ui/history-query';
import { translator } from '@/lib/i18n/ui';
import { errorWords } from '@/lib/i18n/errors';
import type { ReportRecord } from '@/lib/core/record';
import type { ReportDetail } from '@/components/report-detail';
import type * as DatabaseModule from '@/lib/db/database';
import { useExport } from '@/lib/ui/use-export';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { useSettings } from '@/lib/ui/use-settings';
import { useFirstPage, useFirstRowsMark, useFirstScreenLimit, type FirstPage, type FirstPageSource } from './use-first-page';
import { useSelection } from './use-selection';
import { QuarantineNotice } from '@/components/quarantine-notice';
import { CollectUrlForm } from '@/components/collect-url-form';
import { collectorUrl } from '@/lib/ui/listing-count';
import { quarantineFile } from '@/lib/export/quarantine';
import { exportFileName } from '@/lib/export/file-name';
import { ViewToggle, type HistoryView } from '@/components/view-toggle';
import { HistoryPanel } from '@/components/history-panel';
import { PanelFilters } from '@/components/panel-filters';
import { EMPTY_PANEL_FILTER, buildPanel, failingCheckChoices, type PanelFilter } from '@/lib/ui/history-panel';

/** The default view's first page while the full list loads (the count once read, years not yet). */
function firstPageView(first: FirstPage): HistoryPage {
  const matched = first.total ?? first.rows.length;
  return { rows: first.rows, matched, pages: Math.max(1, Math.ceil(matched / PAGE_SIZE)), page: 0, years: [], listings: [] };
}

// Dexie, zod (with the record schema and the messages) and the report detail load after the first rows are
// on screen: the first paint needs none of them (main.tsx reads the first rows from IndexedDB itself)
type Database = typeof DatabaseModule;
const loadDatabase = () => import('@/lib/db/database');
const messages = () => import('@/lib/protocol/messages');

/** Wiring of the options page: history from Dexie (summaries, live), writes through the background. */
export function App({ first: firstPage }: { first: FirstPageSource }) {
  const settings = useSettings();
  const t = useMemo(() => translator(settings?.language ?? 'zh_CN'), [settings?.language]);
  // first paint from the `savedAt` index (a few ms), then every summary (hundreds of ms with 10,000
  // reports), read once that page is on screen so the two do not compete for the main thread
  const first = useFirstPage(firstPage);
  const [loadAll, setLoadAll] = useState(false);
  useEffect(() => {
    if (first === undefined || loadAll) return;
    if (first === null) setLoadAll(true);
    else requestAnimationFrame(() => setTimeout(() => setLoadAll(true)));
  }, [first]);
  const [database, setDatabase] = useState<Database>();
  useEffect(() => {
    if (loadAll) void loadDatabase().then(setDatabase);
  }, [loadAll]);
  const all = useLiveQuery(() => (database ? database.db.summaries.toArray() : Promise.resolve(undefined)), [database]);
  const [query, setQuery] = useState<HistoryQuery>(DEFAULT_QUERY);
  const view = useMemo(
    () => (!all && first && query === DEFAULT_QUERY ? firstPageView(first) : queryHistory(all ?? [], query)),
    [all, first, query],
  );
  useFirstRowsMark(view.rows.length);
  const limit = useFirstScreenLimit(view.rows.length);
  const total = all?.length ?? first?.total;
  const selection = useSelection(all);
  // the panel view (agencies × years), remembered in the address (options.html#panel)
  const [mode, setMode] = useState<HistoryView>(location.hash === '#panel' ? 'panel' : 'table');
  const [panelFilter, setPanelFilter] = useState<PanelFilter>(EMPTY_PANEL_FILTER);
  const panel = useMemo(() => (mode === 'panel' ? buildPanel(all ?? [], panelFilter) : null), [mode, all, panelFilter]);
  const checkChoices = useMemo(() => (mode === 'panel' ? failingCheckChoices(all ?? []) : []), [mode, all]);
  const switchView = (v: HistoryView) => {
    setMode(v);
    history.replaceState(null, '', v === 'panel' ? '#panel' : location.pathname + location.search);
  };
  const [confirming, setConfirming] = useState(false);
  const [detail, setDetail] = useState<{ record: ReportRecord; View: typeof ReportDetail } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const exporter = useExport(t);
  // read once the first page is on screen, like the full list
  const quarantined = useLiveQuery(() => (database ? database.db.quarantine.toArray() : Promise.resolve(undefined)), [database]);
  const downloadQuarantined = async () => {
    const { download } = await import('@/lib/ui/run-export');
    download(
      new Blob([quarantineFile(quarantined ?? [])], { type: 'application/json' }),
      exportFileName('json', new Date(), '-quarantine'),
    );
  };

  useEffect(() => {
    document.documentElement.lang = settings?.language === 'en' ? 'en' : 'zh-CN';
    document.title = `${t('appName')} — ${t('history')}`;
  }, [t]);

  const sortBy = (key: SortKey) =>
    setQuery((q) => ({ ...q, sort: key, desc: q.sort === key ? !q.desc : key === 'savedAt' || key === 'fail' }));
  const openDetail = async (id: string) => {
    const [{ db }, { ReportDetail: View }] = await Promise.all([loadDatabase(), import('@/components/report-detail')]);
    const record = await db.reports.get(id);
    setDetail(record ? { record, View } : null);
  };
  // options.html#report=<id>: the overlay's link to the year a cross-year check compared with
  useEffect(() => {
    const m = /^#report=(r[0-9a-f]{1,63})$/.exec(location.hash);
    if (m) void openDetail(m[1]);
  }, []);
  const remove = async () => {
    setConfirming(false);
    const { deleted } = await (await messages()).sendMessage({ type: 'delete-records', ids: [...selection.selected] });
    selection.clear();
    setNotice({ ok: true, text: t('deleted', { count: deleted }) });
  };
  const runImport = async (file: File) => {
    setImporting(true);
    setNotice(null);
    // the import's parser (zod) loads when a file is chosen, not with the page
    const result = await import('@/lib/ui/import-file')
      .then(({ importFile }) => importFile(file, undefined, t.lang))
      .catch((e: Error) => ({
        ok: false as const,
        error: errorWords(t.lang).importFailed(e.message),
      }));
    setImporting(false);
    setNotice(
      result.ok
        ? { ok: true, text: t('imported', { count: result.added + result.updated, added: result.added, updated: result.updated }) }
        : { ok: false, text: result.error },
    );
  };

  return (
    <I18n.Provider value={t}>
      <main class="options">
        <header class="options-head">
          <img src="/icon/48.png" alt="" width={32} height={32} />
          <h1>
            {t('appName')} · {t('history')}
          </h1>
        </header>
        <section class="toolbar">
          <ExportBar onExport={exporter.start} progress={exporter.progress} message={exporter.message} disabled={!total} />
          <ImportButton busy={importing} message={notice} onFile={runImport} />
        </section>
        <QuarantineNotice count={quarantined?.length ?? 0} onDownload={downloadQuarantined} />
        <CollectUrlForm onOpen={(url) => window.open(collectorUrl(url), '_blank')} />
        <ViewToggle view={mode} onChange={switchView} />
        {panel ? (
          <>
            <PanelFilters filter={panelFilter} checks={checkChoices} onChange={(p) => setPanelFilter((f) => ({ ...f, ...p }))} />
            <HistoryPanel panel={panel} onOpen={openDetail} />
          </>
        ) : (
          <>
            <HistoryFilters
              query={query}
              years={view.years}
              listings={view.listings}
              onChange={(patch) => setQuery((q) => ({ ...q, ...patch }))}
            />
            <div class="table-bar">
              <span data-testid="history-count">{total !== undefined && t('rows', { count: total, shown: view.matched })}</span>
              <span>{selection.selected.size > 0 && t('selected', { count: selection.selected.size })}</span>
              <button
                type="button"
                class="danger"
                data-testid="delete-selected"
                disabled={selection.selected.size === 0}
                onClick={() => setConfirming(true)}
              >
                {t('deleteSelected')}
              </button>
            </div>
            {total === 0 ? (
              <p class="empty">{t('empty')}</p>
            ) : (
              <HistoryTable
                rows={view.rows}
                limit={limit}
                sort={query.sort}
                desc={query.desc}
                selected={selection.selected}
                onSort={sortBy}
                onToggle={selection.toggle}
                onToggleAll={selection.setMany}
                onOpen={openDetail}
              />
            )}
            <Pager page={view.page} pages={view.pages} onPage={(page) => setQuery((q) => ({ ...q, page }))} />
          </>
        )}
        {settings && (
          <SettingsPanel
            settings={settings}
            onChange={(patch) => void messages().then((m) => m.sendMessage({ type: 'set-settings', settings: patch }))}
          />
        )}
        {confirming && (
          <ConfirmDialog
            title={t('confirmDeleteTitle', { count: selection.selected.size })}
            text={t('confirmDeleteText')}
            confirmLabel={t('confirmDelete')}
            onConfirm={remove}
            onCancel={() => setConfirming(false)}
          />
        )}
        {detail && <detail.View record={detail.record} onClose={() => setDetail(null)} onOpenReport={openDetail} />}
      </main>
    </I18n.Provider>
  );
}

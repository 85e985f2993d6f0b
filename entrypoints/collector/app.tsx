import { useEffect, useMemo, useState } from 'preact/hooks';
import { CollectList, type CollectRow } from '@/components/collect-list';
import { CollectSummary } from '@/components/collect-summary';
import { ExportBar } from '@/components/export-bar';
import { I18n } from '@/components/i18n-context';
import { runRecordIds } from '@/lib/db/collect-store';
import { collectTranslator } from '@/lib/i18n/collect';
import { translator } from '@/lib/i18n/ui';
import { sendMessage } from '@/lib/protocol/messages';
import type { CollectReply } from '@/lib/protocol/collect';
import { countStatuses, doneCount, timeLeft } from '@/lib/ui/collect-progress';
import { useCollectRun, useSavedUrls } from '@/lib/ui/use-collect-run';
import { useExport } from '@/lib/ui/use-export';
import { useListing } from '@/lib/ui/use-listing';
import { useSettings } from '@/lib/ui/use-settings';

/**
 * The collector page (`collector.html?url=<listing>[&tabId=<tab>]`, SPEC §9): the listing's report links to
 * check, then the run — statuses live from IndexedDB as the background works, progress, counts, time left,
 * the run report, retry and the export of the run's records. Wiring only: reading the listing is
 * lib/ui/use-listing.ts, the run lib/background/collector.ts.
 */
const params = new URLSearchParams(location.search);
// the fragment names no other listing (the popup drops it too): one run per listing address
const listingUrl = params.get('url')?.replace(/#.*$/, '') || null;
const tabParam = Number(params.get('tabId'));
const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : undefined;
const WAKE_MS = 20_000;

export function App() {
  const settings = useSettings();
  const lang = settings?.language ?? 'zh_CN';
  const t = useMemo(() => translator(lang), [lang]);
  const ct = useMemo(() => collectTranslator(lang), [lang]);
  const { run, items } = useCollectRun(listingUrl);
  // "read the listing again" leaves the last run's view until a new run starts
  const [setAside, setSetAside] = useState<string | null>(null);
  const runView = run && run.id !== setAside ? run : null;
  const [reload, setReload] = useState(0);
  const [follow, setFollow] = useState(true);
  const listing = useListing(run === undefined || runView ? null : listingUrl, tabId, follow, reload);
  const [overrides, setOverrides] = useState<Map<string, boolean>>(new Map());
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const saved = useSavedUrls(useMemo(() => listing.items.map((i) => i.url), [listing.items]));
  const exporter = useExport(t, async () => ({ ids: run ? await runRecordIds(run.id) : [], suffix: '-collect' }));

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = `${t('appName')} · ${ct('title')}`;
  }, [lang]);
  // a run a stopped worker (or a closed browser) left running goes on; the ping also keeps the worker awake
  useEffect(() => {
    void sendMessage({ type: 'collect-wake' });
    if (runView?.state !== 'running') return;
    const timer = setInterval(() => void sendMessage({ type: 'collect-wake' }), WAKE_MS);
    return () => clearInterval(timer);
  }, [runView?.state]);

  const isChecked = (i: { url: string; isReport: boolean; offSite: boolean }) => overrides.get(i.url) ?? (i.isReport && !i.offSite);
  const needle = filter.trim().toLowerCase();
  const matches = (r: { title: string; url: string }) => !needle || `${r.title}\n${r.url}`.toLowerCase().includes(needle);

  const rows: CollectRow[] = runView
    ? (items ?? []).map((i) => ({
        url: i.url,
        title: i.title,
        date: i.date,
        checked: true,
        saved: false,
        isReport: true,
        offSite: false,
        status: i.status,
        reason: i.reason,
        failing: i.failing,
        fromFile: i.kind === 'page' && (i.source === 'pdf' || i.source === 'docx'),
      }))
    : listing.items.map((i) => ({ ...i, checked: isChecked(i), saved: saved.has(i.url) }));
  const shown = rows.filter(matches);
  const checked = listing.items.filter(isChecked);
  const counts = runView && items ? countStatuses(items) : null;
  const done = counts ? doneCount(counts) : 0;
  const total = runView ? runView.total : checked.length;
  const eta = runView && items ? timeLeft(items, runView) : null;

  const setMany = (urls: string[], value: boolean) =>
    setOverrides((m) => {
      const next = new Map(m);
      for (const u of urls) next.set(u, value);
      return next;
    });
  const act = async (reply: Promise<CollectReply>) => {
    const r = await reply;
    setError(r.ok ? null : r.error);
    if (r.ok) setSetAside(null);
  };
  const start = () =>
    listingUrl &&
    act(
      sendMessage({
        type: 'collect-start',
        listingUrl,
        items: checked.map(({ url, title, date, kind }) => ({ url, title: title.slice(0, 500), date, kind })),
      }),
    );

  if (!listingUrl) return <p class="error">{ct('noUrl')}</p>;
  return (
    <I18n.Provider value={t}>
      <main class="collector">
        <header class="collector-head">
          <img src="/icon/48.png" alt="" width={28} height={28} />
          <div>
            <h1>{ct('title')}</h1>
            <a class="listing-url" href={listingUrl} target="_blank" rel="noreferrer">
              {listingUrl}
            </a>
          </div>
        </header>
        <CollectSummary state={runView?.state ?? 'idle'} done={done} total={total} counts={counts} etaMs={eta} t={ct}>
          {!runView && (
            // not before every page of the listing is read: a run queues what is checked when it starts
            <button type="button" class="primary" data-testid="collect-start" disabled={!checked.length || listing.reading} onClick={start}>
              {ct('start', { count: checked.length })}
            </button>
          )}
          {runView?.state === 'running' && (
            <button
              type="button"
              data-testid="collect-pause"
              onClick={() => act(sendMessage({ type: 'collect-pause', runId: runView.id }))}
            >
              {ct('pause')}
            </button>
          )}
          {runView?.state === 'paused' && (
            <button
              type="button"
              class="primary"
              data-testid="collect-resume"
              onClick={() => act(sendMessage({ type: 'collect-resume', runId: runView.id }))}
            >
              {ct('resume')}
            </button>
          )}
          {runView && runView.state !== 'running' && !!counts?.failed && (
            <button
              type="button"
              data-testid="collect-retry"
              onClick={() => act(sendMessage({ type: 'collect-resume', runId: runView.id, retryFailed: true }))}
            >
              {ct('retryFailed', { count: counts.failed })}
            </button>
          )}
          {runView?.state === 'done' && (
            <button type="button" data-testid="collect-new" onClick={() => (setSetAside(runView.id), setReload((n) => n + 1))}>
              {ct('newRun')}
            </button>
          )}
        </CollectSummary>
        {error && (
          <p class="error" role="alert" data-testid="collect-error">
            {error}
          </p>
        )}
        {runView && (counts?.saved || counts?.skipped || counts?.['no-tables']) ? (
          <section class="run-export">
            <h2>{ct('exportRun', { count: (counts?.saved ?? 0) + (counts?.skipped ?? 0) + (counts?.['no-tables'] ?? 0) })}</h2>
            <ExportBar onExport={exporter.start} progress={exporter.progress} message={exporter.message} />
          </section>
        ) : null}
        <section class="list-bar">
          <input
            type="search"
            data-testid="collect-filter"
            placeholder={ct('filter')}
            aria-label={ct('filter')}
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
          {!runView && (
            <>
              <label class="follow">
                <input
                  type="checkbox"
                  data-testid="collect-follow-pages"
                  checked={follow}
                  onChange={(e) => setFollow(e.currentTarget.checked)}
                />
                {ct('followPages')}
              </label>
              <button
                type="button"
                data-testid="collect-select-all"
                onClick={() =>
                  setMany(
                    shown.map((r) => r.url),
                    true,
                  )
                }
              >
                {ct('selectAll')}
              </button>
              <button
                type="button"
                data-testid="collect-select-none"
                onClick={() =>
                  setMany(
                    shown.map((r) => r.url),
                    false,
                  )
                }
              >
                {ct('selectNone')}
              </button>
            </>
          )}
        </section>
        {!runView && (
          <p class="muted" data-testid="collect-listing-state" data-pages={listing.pages} data-reading={String(listing.reading)}>
            {listing.error
              ? ct('listingFailed', { error: listing.error })
              : listing.reading && !listing.pages
                ? ct('readingListing', { pages: listing.pages })
                : `${ct('pagesRead', { pages: listing.pages, count: listing.items.length, reports: listing.items.filter((i) => i.isReport).length })}${
                    listing.from ? ` · ${ct(listing.from === 'tab' ? 'fromTab' : 'fromFetch')}` : ''
                  }${listing.reading ? ' …' : ''}`}
          </p>
        )}
        <CollectList rows={shown} locked={!!runView} onToggle={(url, v) => setMany([url], v)} t={ct} />
        <p class="muted polite">{ct('politeNote', { gap: ((runView?.gapMs ?? settings?.collectGapMs ?? 2000) / 1000).toFixed(1) })}</p>
      </main>
    </I18n.Provider>
  );
}

// @vitest-environment happy-dom
/**
 * The extension pages' hooks, rendered: a live query follows the database, the settings follow any
 * context's change, and the export buttons' state runs from progress to its message.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, upsertReport } from '../../../lib/db/database';
import { translator } from '../../../lib/i18n/ui';
import { setSettings } from '../../../lib/protocol/settings';
import { useExport } from '../../../lib/ui/use-export';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { useSettings } from '../../../lib/ui/use-settings';
import { makeRecord } from '../../support/records';

import type * as LongZip from '../../../lib/export/csv-long-zip';

// Excel's row limit lowered to 10 rows, so that two saved reports (12 long rows) are above it
vi.mock('../../../lib/export/csv-long-zip', async (original) => ({
  ...(await original<typeof LongZip>()),
  LONG_CSV_MAX_ROWS: 10,
}));

let root: HTMLElement;
beforeEach(async () => {
  fakeBrowser.reset();
  await db.reports.clear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const text = () => root.textContent ?? '';

describe('useLiveQuery', () => {
  it('re-renders when the tables it read change', async () => {
    function Count() {
      const n = useLiveQuery(() => db.reports.count(), []);
      return <p>{n === undefined ? '…' : `count ${n}`}</p>;
    }
    render(<Count />, root);
    await vi.waitFor(() => expect(text()).toBe('count 0'));
    await upsertReport(makeRecord({ n: 1 }));
    await vi.waitFor(() => expect(text()).toBe('count 1'));
  });
});

describe('useSettings', () => {
  it('reads the settings and follows a change made elsewhere', async () => {
    function Lang() {
      const s = useSettings();
      return <p>{s ? s.language : '…'}</p>;
    }
    render(<Lang />, root);
    await vi.waitFor(() => expect(text()).toBe('zh_CN'));
    await act(() => setSettings({ language: 'en' }).then(() => undefined));
    await vi.waitFor(() => expect(text()).toBe('en'));
  });
});

describe('useExport', () => {
  it('shows progress while an export runs, then how many reports it exported', async () => {
    await upsertReport(makeRecord({ n: 1 }));
    await upsertReport(makeRecord({ n: 2 }));
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    let start: ((kind: 'csv-wide') => Promise<void>) | undefined;
    function Bar() {
      const e = useExport(translator('en'));
      start = e.start;
      return <p>{e.progress ? 'running' : (e.message ?? 'idle')}</p>;
    }
    render(<Bar />, root);
    expect(text()).toBe('idle');
    await act(() => start!('csv-wide'));
    await vi.waitFor(() => expect(text()).toMatch(/2/));
    expect(text()).not.toBe('running');
  });

  it('says when the long export came as a ZIP, and why', async () => {
    await upsertReport(makeRecord({ n: 1 }));
    await upsertReport(makeRecord({ n: 2 }));
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    let start: ((kind: 'csv') => Promise<void>) | undefined;
    function Bar() {
      const e = useExport(translator('zh_CN'));
      start = e.start;
      return <p>{e.progress ? 'running' : (e.message ?? 'idle')}</p>;
    }
    render(<Bar />, root);
    await act(() => start!('csv'));
    await vi.waitFor(() => expect(text()).toBe('共 12 行，超过 Excel 上限，已导出为 zip：reports.csv + values.csv + keys.csv'));
  });
});

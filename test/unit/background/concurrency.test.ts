import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { db } from '../../../lib/db/database';
import { summaryRow } from '../../../lib/db/derived';
import { RecordSchema } from '../../../lib/core/record';
import { getTabState } from '../../../lib/background/tab-state';
import { makeRecord } from '../../support/records';

/**
 * Data safety under load: many tabs finishing their scans at the same moment. The background gets the
 * scan results interleaved; every report must be saved exactly once, with its own content.
 */

const pageSender = (tabId: number) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId, url: `http://www.t${tabId}.gov.cn/` } as never,
  frameId: 0,
  url: `http://www.t${tabId}.gov.cn/`,
});
const scan = (outcome: unknown, tabId: number) =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'scan-result', outcome, scanMs: 5 }, pageSender(tabId) as never, () => {});

beforeEach(async () => {
  fakeBrowser.reset();
  await db.reports.clear();
  await db.summaries.clear();
  Object.assign(fakeBrowser.contextMenus, { removeAll: vi.fn(async () => {}), create: vi.fn(), onClicked: { addListener: () => {} } });
  background.main();
});

describe('20 tabs finishing at once', () => {
  it('saves 20 distinct reports exactly once each, with their own content', async () => {
    const records = Array.from({ length: 20 }, (_, i) => makeRecord({ n: i + 1, title: `报告 ${i + 1}` }));
    await Promise.all(records.map((r, i) => scan(r, 100 + i)));

    const saved = await db.reports.toArray();
    expect(saved).toHaveLength(20);
    expect(new Set(saved.map((r) => r.id)).size).toBe(20);
    for (const r of records) {
      const got = await db.reports.get(r.id);
      expect(RecordSchema.parse(got)).toEqual({ ...r, firstSavedAt: got!.savedAt, savedAt: got!.savedAt });
      expect(await db.summaries.get(r.id)).toEqual(summaryRow(got!));
    }
    expect(await db.summaries.count()).toBe(20);
    for (let i = 0; i < 20; i++) {
      const state = await getTabState(100 + i);
      expect(state?.outcome.isReport && state.outcome.id).toBe(records[i].id);
      expect(state?.savedAt).toBe((await db.reports.get(records[i].id))!.savedAt);
      expect(state?.saveError).toBeNull();
      expect(await fakeBrowser.action.getBadgeText({ tabId: 100 + i })).toBe('1');
    }
  });

  it('the same report open in 20 tabs is one record, and every tab knows it is saved', async () => {
    const r = makeRecord({ n: 3 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => scan(r, 200 + i)));
    expect(await db.reports.count()).toBe(1);
    expect(await db.summaries.count()).toBe(1);
    const saved = (await db.reports.get(r.id))!;
    expect(saved.firstSavedAt! <= saved.savedAt!).toBe(true);
    for (let i = 0; i < 20; i++) expect((await getTabState(200 + i))?.savedAt).toMatch(/^\d{4}-/);
  });
});

// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18n } from '../../../components/i18n-context';
import { PopupView } from '../../../components/popup-view';
import { NianbaoDb, db as defaultDb, upsertReport } from '../../../lib/db/database';
import { translator } from '../../../lib/i18n/ui';
import { saveRecord } from '../../../lib/background/saver';
import { makeRecord } from '../../support/records';

/**
 * A full disk (QuotaExceededError from IndexedDB): the save fails as a whole, what was saved before is
 * untouched, and the popup says so in words a user can act on.
 */

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

let db: NianbaoDb;
beforeEach(async () => {
  db = new NianbaoDb(`quota-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('a save that hits the quota', () => {
  it('rejects, and leaves every earlier record and summary intact (the report row is not half-written)', async () => {
    await upsertReport(makeRecord({ n: 1 }), new Date('2024-01-01T00:00:00Z'), db);
    await upsertReport(makeRecord({ n: 2 }), new Date('2024-01-01T00:00:00Z'), db);
    const before = { reports: await db.reports.toArray(), summaries: await db.summaries.toArray() };
    // the report row fits, its summary does not: the transaction must roll the report back too
    vi.spyOn(db.summaries, 'put').mockImplementation(() => Promise.reject(quotaError()) as never);
    await expect(upsertReport({ ...makeRecord({ n: 1 }), title: 'overwritten' }, new Date(), db)).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    await expect(upsertReport(makeRecord({ n: 3 }), new Date(), db)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await db.reports.toArray()).toEqual(before.reports);
    expect(await db.summaries.toArray()).toEqual(before.summaries);
  });

  it('saveRecord turns it into a clear message instead of throwing', async () => {
    vi.spyOn(defaultDb.reports, 'put').mockImplementation(() => Promise.reject(quotaError()) as never);
    const result = await saveRecord(makeRecord({ n: 4 }));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/存储空间不足.*已保存的记录未受影响/) });
    expect(await defaultDb.reports.get('r000004')).toBeUndefined();
  });
});

describe('the popup after a failed save', () => {
  it('shows the error as an alert and offers to save again', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onSave = vi.fn();
    const error = '保存失败：浏览器存储空间不足（QuotaExceededError）。已保存的记录未受影响；请导出后删除旧记录再试。';
    render(
      <I18n.Provider value={translator('zh_CN')}>
        <PopupView
          state={{ outcome: makeRecord({ n: 1 }), scanMs: 3, savedAt: null, saveError: error }}
          savedCount={2}
          saving={false}
          onSave={onSave}
          onOpenOptions={() => {}}
          exportBar={null}
        />
      </I18n.Provider>,
      root,
    );
    const alert = root.querySelector('[data-testid="save-error"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(error);
    expect(root.querySelector('[data-testid="saved-state"]')).toBeNull();
    (root.querySelector('[data-testid="save-page"]') as HTMLButtonElement).click();
    expect(onSave).toHaveBeenCalledOnce();
    expect(root.querySelector('[data-testid="saved-count"]')?.textContent).toMatch(/2/);
    render(null, root);
  });
});

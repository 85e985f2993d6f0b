import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS_DIR, launchExtension, type Harness } from './harness';

/**
 * Rows a database upgrade could not read are kept aside, never dropped: the history page says how many
 * and hands them over as a file.
 */

let h: Harness;
before(async () => {
  h = await launchExtension();
});
after(async () => {
  await h?.close();
});

test('the history page shows rows set aside by an upgrade and downloads them', async () => {
  const options = await h.openOptions();
  await options.waitForSelector('.empty'); // the database exists (opened at the current version)
  assert.equal(await options.locator('[data-testid="quarantine-notice"]').count(), 0, 'no notice without such rows');
  await h.sw.evaluate(async () => {
    const open = indexedDB.open('nianbao-lens');
    const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = ko)));
    await new Promise((ok, ko) => {
      const tx = db.transaction('quarantine', 'readwrite');
      tx.objectStore('quarantine').add({
        id: 'r-old',
        raw: '{"id":"r-old","year":"2021年"}',
        error: 'year: expected number',
        fromVersion: 1,
        at: new Date().toISOString(),
      });
      tx.oncomplete = ok;
      tx.onerror = ko;
    });
    db.close();
  });
  // rows are set aside when an upgrade opens the database, before the history page reads it
  await options.reload();
  const notice = options.locator('[data-testid="quarantine-notice"]');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /有 1 条旧记录/);
  await options.screenshot({ path: join(SCREENSHOTS_DIR, 'options-quarantine.png') });
  const [dl] = await Promise.all([options.waitForEvent('download'), options.click('[data-testid="quarantine-download"]')]);
  const file = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
  assert.equal(file.schema, 'nianbao-lens/quarantine@1');
  assert.deepEqual(
    file.rows.map((r: { id: string; stored: unknown }) => [r.id, r.stored]),
    [['r-old', { id: 'r-old', year: '2021年' }]],
  );
  await options.close();
});

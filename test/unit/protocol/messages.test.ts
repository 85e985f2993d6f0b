/**
 * The message protocol as the background receives it (the page is untrusted): every shape parses or is
 * dropped, and the limits hold.
 */
import { describe, expect, it } from 'vitest';
import { MessageSchema, TabStateSchema } from '../../../lib/protocol/messages';
import { makeRecord } from '../../support/records';

describe('MessageSchema', () => {
  it('takes a scan result with its further reports, and every request of the extension pages', () => {
    const r = makeRecord({ n: 1 });
    expect(MessageSchema.safeParse({ type: 'scan-result', outcome: r, more: [makeRecord({ n: 2 })], scanMs: 3 }).success).toBe(true);
    for (const m of [
      { type: 'get-tab-state', tabId: 3 },
      { type: 'save-page', tabId: 3 },
      { type: 'delete-records', ids: ['a'] },
      { type: 'import-records', text: '{}' },
      { type: 'import-batch', session: 's', reports: [], last: true },
      { type: 'get-settings' },
      { type: 'set-settings', settings: { language: 'en' } },
      { type: 'rescan' },
      { type: 'ping' },
    ])
      expect(MessageSchema.safeParse(m).success, m.type).toBe(true);
  });

  it('drops what a hostile page could send: unknown types, bad numbers, oversized lists, malformed records', () => {
    const r = makeRecord({ n: 1 });
    expect(MessageSchema.safeParse({ type: 'drop-database' }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'scan-result', outcome: r, scanMs: -1 }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'scan-result', outcome: r, scanMs: Infinity }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'scan-result', outcome: { ...r, values: { x: 'NaN' } }, scanMs: 1 }).success).toBe(false);
    const more = Array.from({ length: 51 }, (_, i) => makeRecord({ n: i + 2 }));
    expect(MessageSchema.safeParse({ type: 'scan-result', outcome: r, more, scanMs: 1 }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'get-tab-state', tabId: -1 }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'set-settings', settings: { language: 'fr' } }).success).toBe(false);
  });

  it('fills a tab state’s missing saveError with null', () => {
    const state = TabStateSchema.parse({ outcome: makeRecord({ n: 1 }), scanMs: 2, savedAt: null });
    expect(state.saveError).toBeNull();
  });
});

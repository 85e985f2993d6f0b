import { describe, expect, it } from 'vitest';
import { CollectItemSchema, FINISHED, itemId } from '../../../lib/protocol/collect';
import { MessageSchema } from '../../../lib/protocol/messages';

/** The collector's shapes (SPEC §9): item ids sort in listing order; messages are checked at the boundary. */
describe('collect protocol', () => {
  it('item ids sort by run, then sequence', () => {
    const ids = [itemId('c1', 10), itemId('c1', 2), itemId('c1', 100)];
    expect([...ids].sort()).toEqual([itemId('c1', 2), itemId('c1', 10), itemId('c1', 100)]);
    expect(FINISHED).not.toContain('queued');
    expect(FINISHED).not.toContain('fetching');
  });

  it('an item with a status outside the contract does not parse', () => {
    const ok = {
      id: itemId('c1', 0),
      runId: 'c1',
      seq: 0,
      url: 'http://www.a.gov.cn/1.html',
      title: 't',
      date: null,
      kind: 'page',
      status: 'saved',
      reason: null,
      recordIds: [],
      failing: 0,
      source: 'html',
      finishedAt: null,
      ms: null,
      netMs: null,
    };
    expect(CollectItemSchema.safeParse(ok).success).toBe(true);
    expect(CollectItemSchema.safeParse({ ...ok, status: 'done' }).success).toBe(false);
  });

  it('start, pause, resume and listing messages parse; a bad address or an empty start does not', () => {
    const item = { url: 'http://www.a.gov.cn/1.html', title: '2021年报', date: '2022-01-01', kind: 'page' };
    expect(MessageSchema.safeParse({ type: 'collect-start', listingUrl: 'http://www.a.gov.cn/nb/', items: [item] }).success).toBe(true);
    expect(MessageSchema.safeParse({ type: 'collect-start', listingUrl: 'http://www.a.gov.cn/nb/', items: [] }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'collect-start', listingUrl: 'nope', items: [item] }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'collect-resume', runId: 'c1', retryFailed: true }).success).toBe(true);
    expect(MessageSchema.safeParse({ type: 'collect-pause', runId: '' }).success).toBe(false);
    expect(MessageSchema.safeParse({ type: 'collect-read-listing', url: 'http://www.a.gov.cn/nb/', tabId: 3 }).success).toBe(true);
  });
});

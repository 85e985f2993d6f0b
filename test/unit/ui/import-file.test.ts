/**
 * Importing an exported JSON file from the options page: small files go to the background whole, large ones
 * in batches committed with the last; a broken large file never reaches the background.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toJson } from '../../../lib/export/json';
import { makeRecords } from '../../support/records';

const sent: { type: string; reports?: unknown[]; last?: boolean }[] = [];
vi.mock('../../../lib/protocol/messages', () => ({
  sendMessage: vi.fn(async (m: { type: string; reports?: unknown[]; last?: boolean }) => {
    sent.push(m);
    if (m.type === 'import-records') return { ok: true, added: 2, updated: 0 };
    return m.last ? { ok: true, added: 1200, updated: 0 } : { ok: true, staged: 500 };
  }),
}));
const { importFile } = await import('../../../lib/ui/import-file');

const file = (text: string) => ({ text: async () => text }) as unknown as File;

beforeEach(() => void sent.splice(0));

describe('importFile', () => {
  it('sends a small file whole, for the background to parse', async () => {
    const text = await toJson(makeRecords(2), new Date('2024-01-01T00:00:00Z'));
    expect(await importFile(file(text))).toEqual({ ok: true, added: 2, updated: 0 });
    expect(sent.map((m) => m.type)).toEqual(['import-records']);
  });

  it('sends a large file in batches of 500, the last one committing, with progress', async () => {
    const records = makeRecords(1200);
    const text = (await toJson(records, new Date('2024-01-01T00:00:00Z'))).padEnd(4 * 1024 * 1024 + 10, ' ');
    const progress: number[] = [];
    expect(await importFile(file(text), (done) => progress.push(done))).toEqual({ ok: true, added: 1200, updated: 0 });
    expect(sent.map((m) => [m.type, m.reports?.length, m.last])).toEqual([
      ['import-batch', 500, false],
      ['import-batch', 500, false],
      ['import-batch', 200, true],
    ]);
    expect(progress).toEqual([500, 1000, 1200]);
  });

  it('a broken large file says why in the language asked for and sends nothing', async () => {
    const result = await importFile(file('{'.padEnd(4 * 1024 * 1024 + 10, ' ')), undefined, 'en');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The file is damaged/);
    expect(sent).toEqual([]);
  });
});

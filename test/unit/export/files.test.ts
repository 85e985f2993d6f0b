/** The names of exported files and the quarantine file (what a researcher keeps of rows an upgrade set aside). */
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../lib/export/file-name';
import { QUARANTINE_SCHEMA, quarantineFile } from '../../../lib/export/quarantine';

describe('exportFileName', () => {
  it('stamps the local date and time, with an optional suffix before the extension', () => {
    const at = new Date(2024, 0, 5, 9, 7);
    expect(exportFileName('csv', at)).toBe('nianbao-lens-20240105-0907.csv');
    expect(exportFileName('json', at, '-quarantine')).toBe('nianbao-lens-20240105-0907-quarantine.json');
  });
});

describe('quarantineFile', () => {
  it('keeps each row as stored — parsed back when it is JSON, as text when not — with its reason and version', () => {
    const text = quarantineFile(
      [
        {
          seq: 1,
          id: 'r1',
          raw: '{"id":"r1","year":"twenty"}',
          error: 'year: expected number',
          fromVersion: 1,
          at: '2024-01-01T00:00:00.000Z',
        },
        { seq: 2, id: null, raw: '{broken', error: '(root): invalid', fromVersion: 2, at: '2024-01-02T00:00:00.000Z' },
      ],
      new Date('2024-02-01T00:00:00Z'),
    );
    const file = JSON.parse(text) as { schema: string; exportedAt: string; rows: Record<string, unknown>[] };
    expect(file.schema).toBe(QUARANTINE_SCHEMA);
    expect(file.exportedAt).toBe('2024-02-01T00:00:00.000Z');
    expect(file.rows).toEqual([
      {
        id: 'r1',
        error: 'year: expected number',
        fromVersion: 1,
        quarantinedAt: '2024-01-01T00:00:00.000Z',
        stored: { id: 'r1', year: 'twenty' },
      },
      { id: null, error: '(root): invalid', fromVersion: 2, quarantinedAt: '2024-01-02T00:00:00.000Z', stored: '{broken' },
    ]);
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { I18n } from '../../../components/i18n-context';
import { QuarantineNotice } from '../../../components/quarantine-notice';
import type { QuarantinedRow } from '../../../lib/db/database';
import { QUARANTINE_SCHEMA, quarantineFile } from '../../../lib/export/quarantine';
import { translator } from '../../../lib/i18n/ui';

const rows: QuarantinedRow[] = [
  {
    seq: 1,
    id: 'r1',
    raw: JSON.stringify({ id: 'r1', year: '2021年' }),
    error: 'year: expected number',
    fromVersion: 1,
    at: '2026-11-23T10:00:00.000Z',
  },
  { seq: 2, id: null, raw: '{broken', error: 'not an object', fromVersion: 2, at: '2026-11-23T10:00:01.000Z' },
];

describe('rows a database upgrade set aside', () => {
  it('become a JSON file with each stored row, its reason and version — nothing lost', () => {
    const file = JSON.parse(quarantineFile(rows, new Date('2026-11-23T12:00:00Z')));
    expect(file.schema).toBe(QUARANTINE_SCHEMA);
    expect(file.rows).toEqual([
      {
        id: 'r1',
        error: 'year: expected number',
        fromVersion: 1,
        quarantinedAt: '2026-11-23T10:00:00.000Z',
        stored: { id: 'r1', year: '2021年' },
      },
      { id: null, error: 'not an object', fromVersion: 2, quarantinedAt: '2026-11-23T10:00:01.000Z', stored: '{broken' },
    ]);
  });

  it.each([
    ['zh_CN', /有 2 条旧记录/],
    ['en', /2 older record\(s\) could not be read/],
  ] as const)('the history page says so (%s) and offers the file', (lang, text) => {
    const host = document.createElement('div');
    const onDownload = vi.fn();
    render(
      <I18n.Provider value={translator(lang)}>
        <QuarantineNotice count={2} onDownload={onDownload} />
      </I18n.Provider>,
      host,
    );
    expect(host.querySelector('[data-testid="quarantine-notice"]')?.textContent).toMatch(text);
    (host.querySelector('[data-testid="quarantine-download"]') as HTMLButtonElement).click();
    expect(onDownload).toHaveBeenCalledOnce();
    render(<QuarantineNotice count={0} onDownload={onDownload} />, host);
    expect(host.querySelector('[data-testid="quarantine-notice"]')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { I18n } from '../../../components/i18n-context';
import { QuarantineNotice } from '../../../components/quarantine-notice';
import { translator } from '../../../lib/i18n/ui';

/* the file itself: test/unit/export/files.test.ts */
describe('rows a database upgrade set aside', () => {
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

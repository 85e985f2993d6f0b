/** Settings: a damaged stored value falls back to the defaults field by field; a patch changes only its fields. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, parseSettings, setSettings, settingsLanguage } from '../../../lib/protocol/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('parses what is stored field by field, defaults for the rest', () => {
    expect(parseSettings(undefined)).toEqual({ autoSave: true, language: 'zh_CN' });
    expect(parseSettings('garbage')).toEqual({ autoSave: true, language: 'zh_CN' });
    expect(parseSettings({ autoSave: 'yes', language: 'en' })).toEqual({ autoSave: true, language: 'en' });
    expect(parseSettings({ autoSave: false, language: 'fr' })).toEqual({ autoSave: false, language: 'zh_CN' });
  });

  it('stores a patch without resetting the other fields, and tells the language', async () => {
    expect(await settingsLanguage()).toBe('zh_CN');
    await setSettings({ language: 'en' });
    await setSettings({ autoSave: false });
    expect(await getSettings()).toEqual({ autoSave: false, language: 'en' });
    expect(await settingsLanguage()).toBe('en');
  });

  it('reads a damaged stored value as the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 42 } });
    expect(await getSettings()).toEqual({ autoSave: true, language: 'zh_CN' });
  });
});

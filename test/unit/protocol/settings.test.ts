/** Settings: a damaged stored value falls back to the defaults field by field; a patch changes only its fields. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, jitteredGap, parseSettings, setSettings, settingsLanguage } from '../../../lib/protocol/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('parses what is stored field by field, defaults for the rest', () => {
    expect(parseSettings(undefined)).toEqual({ autoSave: true, language: 'zh_CN', collectGapMs: 2000 });
    expect(parseSettings('garbage')).toEqual({ autoSave: true, language: 'zh_CN', collectGapMs: 2000 });
    expect(parseSettings({ autoSave: 'yes', language: 'en' })).toEqual({ autoSave: true, language: 'en', collectGapMs: 2000 });
    expect(parseSettings({ autoSave: false, language: 'fr' })).toEqual({ autoSave: false, language: 'zh_CN', collectGapMs: 2000 });
  });

  it('stores a patch without resetting the other fields, and tells the language', async () => {
    expect(await settingsLanguage()).toBe('zh_CN');
    await setSettings({ language: 'en' });
    await setSettings({ autoSave: false });
    expect(await getSettings()).toEqual({ autoSave: false, language: 'en', collectGapMs: 2000 });
    expect(await settingsLanguage()).toBe('en');
  });

  it('reads a damaged stored value as the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 42 } });
    expect(await getSettings()).toEqual({ autoSave: true, language: 'zh_CN', collectGapMs: 2000 });
  });

  it('collectGapMs: default 2 s, never under 1 s, jitter adds up to half again, and a 50 ms margin (SPEC §9)', async () => {
    expect(parseSettings({ collectGapMs: 200 }).collectGapMs).toBe(1000);
    expect(parseSettings({ collectGapMs: 1500.4 }).collectGapMs).toBe(1500);
    expect(parseSettings({ collectGapMs: 'fast' }).collectGapMs).toBe(2000);
    await setSettings({ collectGapMs: 3000 });
    expect((await getSettings()).collectGapMs).toBe(3000);
    expect(jitteredGap(2000, () => 0)).toBe(2050);
    expect(jitteredGap(2000, () => 0.999)).toBe(3049);
    expect(jitteredGap(10, () => 0)).toBe(1050);
  });
});

import { describe, expect, it } from 'vitest';
import { collectTranslator, durationWords } from '../../../lib/i18n/collect';

/** The collector page's words (SPEC §9): both languages fill the same placeholders. */
describe('collector words', () => {
  it('fills placeholders in Chinese and English, and words a duration', () => {
    const zh = collectTranslator('zh_CN');
    const en = collectTranslator('en');
    expect(zh('start', { count: 12 })).toBe('开始收集（12 个）');
    expect(en('start', { count: 12 })).toBe('Collect (12)');
    expect(zh('status_failed')).toBe('失败');
    expect(durationWords(95_000, zh)).toBe('1 分 35 秒');
    expect(durationWords(4_400, en)).toBe('4 s');
    expect(zh('summaryDone', { saved: 3, skipped: 1, errors: 2, noTables: 1, failed: 1 })).not.toMatch(/\{/);
    expect(en('summaryDone', { saved: 3, skipped: 1, errors: 2, noTables: 1, failed: 1 })).not.toMatch(/\{/);
  });
});

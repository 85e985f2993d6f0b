/** The panel's and versions' words (lib/i18n/history-words.ts): both languages have every word, filled. */
import { describe, expect, it } from 'vitest';
import { historyWords } from '../../../lib/i18n/history-words';

describe('historyWords', () => {
  it('has the same words in Chinese and English, and Chinese by default', () => {
    const zh = historyWords('zh_CN');
    const en = historyWords('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(zh.panelSize(3, 2, 5)).toBe('3 个机关 × 2 个年度，共 5 份');
    expect(en.panelSize(3, 2, 5)).toBe('3 agencies × 2 years, 5 reports');
    expect(zh.version(2, '2022-01-01 10:00', 'abcd1234')).toBe('第 2 版 · 保存于 2022-01-01 10:00 · 内容摘要 abcd1234');
    expect(en.counts(1, 40)).toBe('1 failing · 40 passing');
    expect(historyWords('xx' as 'en')).toBe(zh);
  });
});

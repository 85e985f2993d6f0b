/**
 * Error messages in the UI's language (issue 9 §2): an English UI never shows a Chinese error, and the
 * Chinese wording stays what it was.
 */
import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../../lib/background/badge';
import { parseImport } from '../../../lib/export/import';
import { ERROR_WORDS, errorWords } from '../../../lib/i18n/errors';
import { makeRecord } from '../../support/records';

const HAN = /[\u4e00-\u9fa5]/;

describe('error words', () => {
  it('both languages word every message; the English ones hold no Chinese of their own', () => {
    expect(Object.keys(ERROR_WORDS.en).sort()).toEqual(Object.keys(ERROR_WORDS.zh_CN).sort());
    for (const [name, word] of Object.entries(ERROR_WORDS.en)) {
      const text = typeof word === 'function' ? (word as (...a: string[]) => string)('x', 'y') : word;
      expect(HAN.test(text), `${name}: ${text}`).toBe(false);
    }
  });

  it('an import of a broken file says so in the language asked for, and unknown languages fall back to Chinese', () => {
    const zh = parseImport('{not json');
    const en = parseImport('{not json', 'en');
    expect(zh.ok || zh.error).toMatch(/^文件已损坏：不是有效的 JSON/);
    expect(en.ok || en.error).toMatch(/^The file is damaged: not valid JSON/);
    expect(parseImport('{"schema":"other/1"}', 'en')).toEqual({
      ok: false,
      error: 'Not a file exported by Nianbao Lens (schema is “other/1”, expected “nianbao-lens/report@1”)',
    });
    expect(errorWords('fr' as never)).toBe(ERROR_WORDS.zh_CN);
  });

  it('the toolbar title follows the language', () => {
    const r = { ...makeRecord({ n: 1 }), agency: null, year: 2022 };
    expect(badgeFor(r, 'en').title).toBe('Nianbao Lens — unknown agency 2022');
    expect(badgeFor(r).title).toBe('年报透镜 — 未知机关 2022年');
  });
});

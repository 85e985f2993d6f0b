import { describe, expect, it } from 'vitest';
import { ATTACHMENT_TEXT } from '../../../lib/i18n/attachment';

describe('the attachment reader’s words', () => {
  it('has every line in both UI languages, each filled in', () => {
    const zh = ATTACHMENT_TEXT.zh_CN;
    const en = ATTACHMENT_TEXT.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(zh.unreadable('doc')).toMatch(/\.doc.*另存为 \.docx 或 PDF/);
    expect(en.unreadable('wps')).toMatch(/\.wps.*\.docx or PDF/);
    expect(zh.offSite('www.a.gov.cn')).toContain('www.a.gov.cn');
    expect(zh.ambiguous(3)).toContain('3');
    expect(en.failed('HTTP 404')).toContain('HTTP 404');
    for (const t of [zh, en]) for (const v of Object.values(t)) expect(typeof v === 'string' ? v : v('x')).not.toMatch(/undefined/);
  });
});

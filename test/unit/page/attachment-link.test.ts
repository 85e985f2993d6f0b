// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findAttachment } from '../../../lib/page/attachment-link';
import { addSummaryNote } from '../../../lib/page/summary-note';
import { createHost } from '../../../lib/page/overlay-hosts';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const PAGE = 'http://www.lingchuan.gov.cn/zwgk/nb/t2021.html';

function docOf(body: string, url = PAGE): Document {
  const w = new Window({ url });
  w.document.write(`<!doctype html><html><head><title>灵川县2020年政府信息公开工作年度报告</title></head><body>${body}</body></html>`);
  return w.document as unknown as Document;
}

describe('findAttachment: which link is the report’s file (SPEC §8)', () => {
  it('a link named as the report wins over a 图解 picture and a 解读 PDF', () => {
    const w = new Window({ url: 'http://www.lingchuan.gov.cn/attachments/lingchuan-2020-pdf.html' });
    w.document.write(readFileSync(join(FIXTURES, 'attachments/lingchuan-2020-pdf.html'), 'utf8'));
    expect(findAttachment(w.document as unknown as Document)).toEqual({
      found: { url: 'http://www.lingchuan.gov.cn/files/lingchuan-2020.pdf', name: '灵川县2020年政府信息公开工作年度报告.pdf', kind: 'pdf' },
      named: true,
      alone: true,
    });
  });

  it('says whether the file is named as the report and is the only such file (a title-only page reads only then)', () => {
    const one = docOf('<p>详见附件。</p><p>附件：<a href="/a.pdf">灵川县2020年政府信息公开工作年度报告.pdf</a></p>');
    expect(findAttachment(one)).toMatchObject({ named: true, alone: true });
    const both = docOf('<a href="/a.pdf">2020年年度报告.pdf</a><a href="/a.docx">2020年年度报告.docx</a>');
    expect(findAttachment(both)).toMatchObject({ found: { kind: 'docx' }, alone: true });
    const list = docOf(
      '<ul><li><a href="/2020.pdf">2020年政府信息公开工作年度报告.pdf</a></li><li><a href="/2019.pdf">2019年政府信息公开工作年度报告.pdf</a></li></ul>',
    );
    expect(findAttachment(list)).toMatchObject({ named: true, alone: false });
    const labelled = docOf('<p>附件：<a href="/u/P0202201.docx">P0202201.docx</a></p>');
    expect(findAttachment(labelled)).not.toHaveProperty('named');
  });

  it('the only readable file under a 附件 label, whatever its CMS name', () => {
    const doc = docOf('<p>正文……</p><div><span>附件：</span><ul><li><a href="/u/P0202201.docx">P0202201.docx</a></li></ul></div>');
    expect(findAttachment(doc)).toMatchObject({ found: { url: 'http://www.lingchuan.gov.cn/u/P0202201.docx', kind: 'docx' } });
  });

  it('a download script naming its file in the query, or only in the link text', () => {
    const byQuery = docOf('<a href="/module/download/downfile.jsp?classid=0&filename=2020年度报告.pdf">点击下载</a>');
    expect(findAttachment(byQuery)).toMatchObject({ found: { kind: 'pdf' } });
    const byText = docOf('<p>附件：<a href="/download?id=123">灵川县2020年政府信息公开工作年度报告.docx</a></p>');
    expect(findAttachment(byText)).toMatchObject({ found: { url: 'http://www.lingchuan.gov.cn/download?id=123', kind: 'docx' } });
  });

  it('a report in both DOCX and PDF: the DOCX (Word’s merged cells are exact)', () => {
    const doc = docOf('<p>附件：<a href="/a.pdf">2020年年度报告.pdf</a> <a href="/a.docx">2020年年度报告.docx</a></p>');
    expect(findAttachment(doc)).toMatchObject({ found: { kind: 'docx' } });
  });

  it('an old .doc only: unreadable (never fetched)', () => {
    const doc = docOf('<p>附件：<a href="/a.doc">灵川县2020年政府信息公开工作年度报告.doc</a></p>');
    expect(findAttachment(doc)).toMatchObject({ unreadable: { kind: 'doc' } });
  });

  it('several unnamed files under 附件: ambiguous, none picked', () => {
    const doc = docOf('<p>附件：</p><p><a href="/1.pdf">1.pdf</a></p><p><a href="/2.pdf">2.pdf</a></p>');
    expect(findAttachment(doc)).toMatchObject({
      ambiguous: [{ url: expect.stringMatching(/1\.pdf$/) }, { url: expect.stringMatching(/2\.pdf$/) }],
    });
  });

  it('a file on another site is never picked (it is named, so the note can say where it is)', () => {
    const doc = docOf('<p>附件：<a href="http://www.elsewhere.gov.cn/a.pdf">2020年度报告.pdf</a></p>');
    expect(findAttachment(doc)).toEqual({ none: true, offSite: expect.objectContaining({ url: 'http://www.elsewhere.gov.cn/a.pdf' }) });
    // another host of the same site is the page's own
    const sameSite = docOf('<p>附件：<a href="http://xxgk.lingchuan.gov.cn/a.pdf">2020年度报告.pdf</a></p>');
    expect(findAttachment(sameSite)).toMatchObject({ found: { url: 'http://xxgk.lingchuan.gov.cn/a.pdf' } });
  });

  it('no file links, javascript: links, unrelated files outside 附件, the application form: none', () => {
    const doc = docOf(
      '<a href="javascript:void(0)">2020年度报告.pdf</a><a href="/zn.html">公开指南</a><ul class="side"><li><a href="/budget.pdf">2020年部门预算.pdf</a></li><li><a href="/sqb.docx">政府信息公开申请表.docx</a></li></ul>',
    );
    expect(findAttachment(doc)).toEqual({ none: true });
  });

  it('ignores links inside the lens’s own overlay', () => {
    const doc = docOf('<nianbao-lens data-nianbao="summary"><a href="/x.pdf">2020年度报告.pdf</a></nianbao-lens>');
    expect(findAttachment(doc)).toEqual({ none: true });
  });
});

describe('addSummaryNote', () => {
  it('adds one line under the summary, with the file linked and the source on the host; a second note replaces it', () => {
    const doc = docOf('<p>x</p>');
    const { host, mount } = createHost(doc, 'summary', { 'data-status': 'fail' });
    const panel = doc.createElement('div');
    panel.className = 'panel';
    mount.append(panel);
    doc.body.prepend(host);
    addSummaryNote(doc, { text: '正在读取：', href: 'http://www.lingchuan.gov.cn/a.pdf', name: 'a.pdf' });
    addSummaryNote(doc, { text: '核验结果来自报告附件：', href: 'http://www.lingchuan.gov.cn/a.pdf', name: 'a.pdf' }, 'pdf');
    const lines = host.shadowRoot!.querySelectorAll('[data-testid="summary-source"]');
    expect(lines).toHaveLength(1);
    expect(lines[0].textContent).toBe('核验结果来自报告附件：a.pdf');
    expect(lines[0].querySelector('a')!.getAttribute('href')).toBe('http://www.lingchuan.gov.cn/a.pdf');
    expect(host.getAttribute('data-source')).toBe('pdf');
  });

  it('a non-http link is shown as text only; no summary: nothing happens', () => {
    const doc = docOf('<p>x</p>');
    addSummaryNote(doc, { text: 'x' }); // no host: no throw
    const { host, mount } = createHost(doc, 'summary');
    const panel = doc.createElement('div');
    panel.className = 'panel';
    mount.append(panel);
    doc.body.prepend(host);
    addSummaryNote(doc, { text: '附件：', href: 'javascript:alert(1)', name: 'evil' });
    expect(host.shadowRoot!.querySelector('[data-testid="summary-source"] a')).toBeNull();
  });
});

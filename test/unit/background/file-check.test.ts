import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHtml } from '../../../cli/dom';
import { readers } from '../../../cli/file-readers';
import { checkRemoteFile, refuseFetch, type FileCheckDeps } from '../../../lib/background/file-check';
import { siteOf } from '../../../lib/core/listing';
import { ATTACHMENT_SCRIPT, readAttachmentInTab } from '../../../lib/background/attachment';
import { checkFileBytes } from '../../../lib/files/check-file';

const FILES = join(__dirname, '..', '..', 'fixtures', 'files');
const PAGE = 'http://www.lingchuan.gov.cn/zwgk/nb/t2021.html';
const FILE = 'http://www.lingchuan.gov.cn/files/lingchuan-2020.docx';

/** the offscreen document's reading, run here on linkedom */
const read: FileCheckDeps['read'] = ({ bytes, ...rest }) => checkFileBytes(bytes, { ...rest, parse: parseHtml, readers });
const served = (bytes: Uint8Array, url = FILE): FileCheckDeps['fetch'] =>
  vi.fn(async () => ({ ok: true as const, bytes, contentType: '', url }));

describe('refuseFetch: nothing but the page’s own site, on gov.cn', () => {
  it('allows the page’s host and its site’s other hosts', () => {
    expect(refuseFetch(FILE, PAGE)).toBeNull();
    expect(refuseFetch('https://xxgk.lingchuan.gov.cn/a.pdf', PAGE)).toBeNull();
    expect(siteOf('WWW.Lingchuan.gov.cn')).toBe('lingchuan.gov.cn');
  });
  it('refuses other sites, other domains, other schemes and bad addresses, saying why', () => {
    expect(refuseFetch('http://www.guilin.gov.cn/a.pdf', PAGE)).toMatch(/不在本网站上/);
    expect(refuseFetch('http://cdn.example.com/a.pdf')).toMatch(/gov\.cn/);
    expect(refuseFetch('ftp://www.a.gov.cn/a.pdf')).toMatch(/http/);
    expect(refuseFetch('::')).toMatch(/地址无效/);
    expect(refuseFetch('http://www.gov.cn/a.pdf')).toBeNull();
  });
});

describe('checkRemoteFile', () => {
  it('an attachment: fetched once, read, records under the page’s address with the file as source', async () => {
    const fetch = served(new Uint8Array(readFileSync(join(FILES, 'lingchuan-2020.docx'))));
    const reply = await checkRemoteFile({ fileUrl: FILE, pageUrl: PAGE, url: PAGE }, { fetch, read });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(reply).toMatchObject({ ok: true, kind: 'docx', fileName: 'lingchuan-2020.docx', readable: true });
    expect(reply.ok && reply.outcomes[0]).toMatchObject({
      isReport: true,
      url: PAGE,
      status: 'errors',
      source: { kind: 'docx', url: FILE },
    });
    expect(reply.ok && 'html' in reply).toBe(false);
  });

  it('the viewer asks for the HTML too', async () => {
    const fetch = served(new Uint8Array(readFileSync(join(FILES, 'lingchuan-2020.docx'))));
    const reply = await checkRemoteFile({ fileUrl: FILE, url: FILE, withHtml: true }, { fetch, read });
    expect(reply.ok && reply.html).toMatch(/<table/);
  });

  it('refused, failed and redirected-away fetches: a reason, nothing read', async () => {
    const readSpy = vi.fn(read);
    const off = await checkRemoteFile(
      { fileUrl: 'http://www.other.gov.cn/a.pdf', pageUrl: PAGE, url: PAGE },
      { fetch: served(new Uint8Array()), read: readSpy },
    );
    expect(off).toMatchObject({ ok: false, error: expect.stringMatching(/不在本网站上/) });
    const failed = await checkRemoteFile(
      { fileUrl: FILE, url: FILE },
      { fetch: async () => ({ ok: false, status: 404, error: 'HTTP 404' }), read: readSpy },
    );
    expect(failed).toMatchObject({ ok: false, error: '无法下载文件（HTTP 404）' });
    const away = await checkRemoteFile(
      { fileUrl: FILE, pageUrl: PAGE, url: PAGE },
      { fetch: served(new Uint8Array([1]), 'http://evil.example.com/x.pdf'), read: readSpy },
    );
    expect(away).toMatchObject({ ok: false, error: expect.stringMatching(/gov\.cn/) });
    expect(readSpy).not.toHaveBeenCalled();
  });

  it('a reader that throws (or times out) is an error reply, never a throw', async () => {
    const reply = await checkRemoteFile(
      { fileUrl: FILE, url: FILE },
      { fetch: served(new Uint8Array([1])), read: async () => Promise.reject(new Error('读取超过 60 秒')) },
    );
    expect(reply).toMatchObject({ ok: false, error: '无法读取文件（读取超过 60 秒）' });
  });
});

describe('readAttachmentInTab', () => {
  beforeEach(() => fakeBrowser.reset());
  it('injects the attachment reader into the tab’s top frame only; a closed tab is not an error', async () => {
    const executeScript = vi.fn(async () => []);
    Object.assign(fakeBrowser.scripting, { executeScript });
    await readAttachmentInTab(7);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: [ATTACHMENT_SCRIPT] });
    executeScript.mockRejectedValueOnce(new Error('No tab with id: 7'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(readAttachmentInTab(7)).resolves.toBeUndefined();
    warn.mockRestore();
  });
});

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, hintsAtReport } from '../../lib/content/page-hints';

function page(head: string, url = 'http://www.x.gov.cn/a/b.html#top', body = ''): Document {
  const w = new Window({ url });
  w.document.write(`<html><head>${head}</head><body>${body}</body></html>`);
  return w.document as unknown as Document;
}

describe('canonicalUrl (as link[rel~="canonical" i][href], then meta[property="og:url" i][content])', () => {
  it('takes the canonical link, resolved and without its hash', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="/c/d.shtml#x">'))).toBe('http://www.x.gov.cn/c/d.shtml');
  });
  it('reads rel as a case-insensitive token list', () => {
    expect(canonicalUrl(page('<link rel="stylesheet" href="/s.css"><link rel="alternate  CANONICAL" href="http://www.y.gov.cn/r.html">'))).toBe('http://www.y.gov.cn/r.html');
    expect(canonicalUrl(page('<link rel="noncanonical" href="/no.html">'))).toBe('http://www.x.gov.cn/a/b.html');
  });
  it('skips a canonical link without href, then falls back to og:url (case-insensitive property)', () => {
    expect(canonicalUrl(page('<link rel="canonical"><meta property="OG:URL" content="http://www.z.gov.cn/og.html">'))).toBe('http://www.z.gov.cn/og.html');
  });
  it('ignores blank, malformed and non-http candidates', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="  "><meta property="og:url" content="javascript:alert(1)">'))).toBe('http://www.x.gov.cn/a/b.html');
    expect(canonicalUrl(page('<link rel="canonical" href="http://[bad">'))).toBe('http://www.x.gov.cn/a/b.html');
  });
  it('uses the first canonical link in document order, in the body too', () => {
    expect(canonicalUrl(page('', undefined, '<link rel="canonical" href="/1.html"><link rel="canonical" href="/2.html">'))).toBe('http://www.x.gov.cn/1.html');
  });
});

describe('hintsAtReport', () => {
  it('looks at the title and the body text', () => {
    expect(hintsAtReport(page('<title>某县2020年政府信息公开工作年度报告</title>'))).toBe(true);
    expect(hintsAtReport(page('<title>新闻</title>', undefined, '<p>2020年度報告</p>'))).toBe(true);
    expect(hintsAtReport(page('<title>新闻</title>', undefined, '<p>今日天气</p>'))).toBe(false);
  });
});

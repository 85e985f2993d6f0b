// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { safeFileBody } from '../../../lib/ui/file-html';

describe('safeFileBody: a file’s rebuilt HTML, made safe for the viewer page', () => {
  it('keeps text, tables and spans; drops scripts, frames, handlers and javascript: links', () => {
    const html = `<!doctype html><html><head><title>灵川县2020年政府信息公开工作年度报告</title><script>alert(1)</script></head><body>
      <h1 onclick="alert(2)">标题</h1><script>alert(3)</script><iframe src="http://evil.example/"></iframe>
      <table><tr><td rowspan="2" style="color:red">本年新收</td><td>15</td></tr></table>
      <a href="javascript:alert(4)">x</a><a href="http://www.a.gov.cn/">y</a><img src="x" onerror="alert(5)"><form action="/x"><input></form></body></html>`;
    const { title, nodes } = safeFileBody(html, document);
    const box = document.createElement('div');
    box.append(...nodes);
    expect(title).toBe('灵川县2020年政府信息公开工作年度报告');
    expect(box.querySelector('script, iframe, form')).toBeNull();
    expect(box.querySelector('h1')!.getAttribute('onclick')).toBeNull();
    expect(box.querySelector('img')!.getAttribute('onerror')).toBeNull();
    expect(box.querySelector('td')!.getAttribute('rowspan')).toBe('2');
    expect(box.querySelector('td')!.getAttribute('style')).toBeNull();
    const links = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([null, 'http://www.a.gov.cn/']);
    expect(box.textContent).toContain('本年新收');
  });
});

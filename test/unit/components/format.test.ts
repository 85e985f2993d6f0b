import { describe, expect, it } from 'vitest';
import { webUrl } from '../../../components/format';

describe('webUrl: only web pages become links', () => {
  it.each(['http://www.qz.gov.cn/art/1.html', 'https://x.gov.cn/a?b=1#c'])('%s is a link', (u) => expect(webUrl(u)).toBe(new URL(u).href));
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'test/fixtures/x.html',
    '',
  ])('%j is not', (u) => expect(webUrl(u)).toBeUndefined());
});

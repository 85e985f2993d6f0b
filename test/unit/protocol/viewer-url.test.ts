// viewerUrl is tested with the offscreen transport: see offscreen.test.ts.
import { expect, it } from 'vitest';
import { viewerUrl } from '../../../lib/protocol/viewer-url';

it('viewerUrl encodes the whole address', () => {
  expect(viewerUrl('http://a.gov.cn/a b.pdf#x')).toMatch(/viewer\.html\?url=http%3A%2F%2Fa\.gov\.cn%2Fa%20b\.pdf%23x$/);
});

import { describe, expect, it } from 'vitest';
import { fromBase64, isOffscreenRequest, toBase64 } from '../../../lib/protocol/offscreen';

describe('offscreen transport', () => {
  it('bytes survive base64, large ones too (sliced encoding)', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    expect(fromBase64(toBase64(big))).toEqual(big);
    expect(fromBase64(toBase64(new Uint8Array()))).toEqual(new Uint8Array());
  });

  it('knows its own requests from every other runtime message', () => {
    expect(isOffscreenRequest({ target: 'offscreen', type: 'read-file', data: '' })).toBe(true);
    expect(isOffscreenRequest({ type: 'read-file' })).toBe(false);
    expect(isOffscreenRequest({ type: 'scan-result' })).toBe(false);
    expect(isOffscreenRequest(null)).toBe(false);
  });
});

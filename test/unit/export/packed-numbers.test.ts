import { describe, expect, it } from 'vitest';
import { packNumbers, unpackNumbers } from '../../../lib/export/packed-numbers';

describe('packed numbers (export rows as stored)', () => {
  it('round-trips every kind of number, -0 and NaN included', () => {
    const values = [0, 1, -1, 63, 64, -64, 127, 128, 300, 16_383, 16_384, 2 ** 28 - 1, -(2 ** 28) + 1, 2 ** 28, -(2 ** 28)];
    const odd = [-0, NaN, 49.4, 55014.55, -223.5, 1e21, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 5e-324];
    const all = Float64Array.from([...values, ...odd, ...Array.from({ length: 500 }, (_, i) => i * 37 - 9000)]);
    const back = unpackNumbers(packNumbers(all));
    expect(back.length).toBe(all.length);
    all.forEach((v, i) => expect(Object.is(back[i], v), `${i}: ${v} → ${back[i]}`).toBe(true));
    expect(unpackNumbers(packNumbers(new Float64Array(0))).length).toBe(0);
  });

  it('takes a byte or two for a small integer', () => {
    expect(packNumbers([0, 5, -5, 31]).length).toBe(5);
    expect(packNumbers(Array.from({ length: 200 }, (_, i) => i)).length).toBeLessThan(2 + 200 * 2);
  });

  it('reads a packed row from an offset in a larger buffer', () => {
    const packed = packNumbers([1.5, 7, NaN]);
    const big = new Uint8Array(packed.length + 3);
    big.set(packed, 3);
    expect(Array.from(unpackNumbers(big.subarray(3)))).toEqual([1.5, 7, NaN]);
  });
});

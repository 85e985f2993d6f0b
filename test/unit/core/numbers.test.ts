import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../lib/core/numbers';

// SPEC §3, row by row.
describe('parseNumber', () => {
  it.each([
    ['15', 15],
    ['１５', 15],
    [' 15 ', 15],
    ['1,234', 1234],
    ['1，234', 1234],
    ['\u00a015\u3000', 15],
    ['15件', 15],
    ['997项', 997],
    ['2118笔', 2118],
    ['388973件', 388973],
    ['150 件', 150],
  ])('count %j → %d', (raw, value) => {
    expect(parseNumber(raw, 'count')).toEqual({ value, blank: false });
  });

  it.each([
    ['-223', -223],
    ['减少5项', -5],
    ['增加3项', 3],
    ['+15', 15],
    ['-1', -1],
    ['减4', -4],
    ['0', 0],
    ['－25', -25],
  ])('signed change %j → %d', (raw, value) => {
    expect(parseNumber(raw, 'change')).toEqual({ value, blank: false });
  });

  it.each([
    ['55014.55万元', 55014.55],
    ['27042.62', 27042.62],
    ['0(元)', 0],
    ['251000元', 25.1],
    ['38354.247万元', 38354.247],
    ['12.5萬元', 12.5],
  ])('money %j → %d 万元', (raw, value) => {
    expect(parseNumber(raw, 'money').value).toBeCloseTo(value, 9);
  });

  it.each(['', '  ', '/', '—', '-', '无', '——', '－'])('blank %j → 0 marked blank', (raw) => {
    expect(parseNumber(raw, 'count')).toEqual({ value: 0, blank: true });
  });

  it.each([
    ['1.5', 'count'],
    ['-3', 'count'],
    ['见附件', 'count'],
    ['12ab', 'change'],
    ['<img src=x onerror=alert(1)>', 'count'],
  ] as const)('unreadable %j (%s) → null with a message, never a guess', (raw, kind) => {
    const parsed = parseNumber(raw, kind);
    expect(parsed.value).toBeNull();
    expect(parsed.error).toMatch(/\S/);
  });
});

describe('parseNumber on absurd input', () => {
  it('a number too large to be a real count is unreadable, never Infinity', () => {
    expect(parseNumber('9'.repeat(400), 'count')).toMatchObject({ value: null });
    expect(parseNumber('9'.repeat(400) + '万元', 'money')).toMatchObject({ value: null });
    expect(parseNumber('增加' + '9'.repeat(30), 'change')).toMatchObject({ value: null });
  });
});

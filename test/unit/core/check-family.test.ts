/** The four check families (SPEC §4, §10), told by the id's first word. */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../lib/core/checks';
import { CHECK_FAMILIES, checkFamily } from '../../../lib/core/check-family';

describe('checkFamily', () => {
  it.each([
    ['text.apply.new', 'text'],
    ['xyear.carried_over.total', 'xyear'],
    ['meta.deadline', 'meta'],
    ['apply.balance.total', 'table'],
    ['review.sum', 'table'],
    ['textual', 'table'],
    ['texts.x', 'table'],
  ])('%s → %s', (id, family) => expect(checkFamily(id)).toBe(family));

  it('puts every table identity of both editions in the table family', () => {
    for (const d of [...CHECKS['2019'], ...CHECKS['2021']]) expect(checkFamily(d.id), d.id).toBe('table');
    expect(CHECK_FAMILIES).toEqual(['table', 'text', 'xyear', 'meta']);
  });
});

// @vitest-environment happy-dom
/**
 * The sentence a failing text.* check read, found in the page (lib/page/evidence-marks.ts): its own paragraph,
 * never the article around it — seed 003 灵川 opens two paragraphs with the same words (2020年全县…).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceMarks, findEvidence } from '../../../lib/page/evidence-marks';
import type { Check } from '../../../lib/core/record';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

describe('findEvidence', () => {
  it('finds the sentence’s own paragraph, not an earlier one that opens alike, nor the article', () => {
    const body = page(
      readFileSync(join(__dirname, '..', '..', 'fixtures', 'reports', 'lingchuan-2020.html'), 'utf8').replace(
        /^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g,
        '',
      ),
    );
    const el = findEvidence(body, '2020年全县没有因政府信息公开提起行政诉讼');
    expect(el?.tagName).toBe('P');
    expect(el?.textContent).toBe('2020年全县没有因政府信息公开提起行政诉讼。');
  });

  it('takes a sentence split over inline elements, and nothing when the page does not print it as quoted', () => {
    const body = page('<div><p>全年<span>新收</span>政府信息公开申请<b>28</b>件，上年结转2件。</p><p>其他。</p></div>');
    expect(findEvidence(body, '全年新收政府信息公开申请28件')?.tagName).toBe('P');
    expect(findEvidence(body, '全年受理政府信息公开申请99件')).toBeNull();
    expect(findEvidence(body, '短句')).toBeNull();
  });

  it('marks only failing text.* checks that carry their sentence', () => {
    const body = page('<p>本年新收申请十件。</p><p>上年结转申请二件。</p>');
    const check = (id: string, status: Check['status'], evidence?: string): Check => ({
      id,
      status,
      lhs: 1,
      rhs: 2,
      diff: -1,
      lhsKeys: [],
      rhsKeys: ['apply.new.total'],
      evidence,
    });
    const marks = evidenceMarks(body, [
      check('text.apply.new', 'fail', '本年新收申请十件。'),
      check('text.apply.carried_over', 'pass', '上年结转申请二件。'),
      check('meta.deadline', 'fail', '本年新收申请十件。'),
    ]);
    expect([...marks.values()].map((c) => c.id)).toEqual(['text.apply.new']);
  });
});

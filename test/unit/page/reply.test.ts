// @vitest-environment happy-dom
/**
 * The lens and the background's reply (SPEC §10): the page waits for the records the background completed
 * with the checks beyond the tables, then shows them — the failing sentence marked, a cross-year item linked
 * with last year's record. The page only reads; without an answer it invents no verdict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../lib/core/record';
import { readReports } from '../../../lib/core/read';
import { startLens, type FinishedPage, type LensDeps } from '../../../lib/page/start-lens';
import { finishLikeBackground } from '../../support/fake-background';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function pageOf(file: string, url: string): Document {
  const w = new Window({ url });
  w.document.write(readFileSync(join(FIXTURES, file), 'utf8'));
  return w.document as unknown as Document;
}

const summary = (doc: Document) => doc.querySelector('[data-nianbao="summary"]');

/** The record as the background completes it: a text check that fails on the page's sentence, an xyear one. */
function completed(r: ReportRecord): ReportRecord {
  return {
    ...r,
    status: 'errors',
    checks: [
      ...r.checks,
      {
        id: 'text.apply.new',
        status: 'fail',
        lhs: 16,
        rhs: 15,
        diff: 1,
        lhsKeys: [],
        rhsKeys: ['apply.new.total'],
        evidence: '2020年,共受理政府信息公开申请15件,其中当面申请2件,传真及信函申请13件,主要涉及规划、土地等部门信息',
      },
      {
        id: 'xyear.carried_over.total',
        status: 'fail',
        lhs: 0,
        rhs: 3,
        diff: -3,
        lhsKeys: ['apply.carried_over.total'],
        rhsKeys: ['apply.carried_forward.total'],
        ref: 'r00000000000abc',
        evidence: '2019年报告结转下年度 3 件，2020年报告上年结转 0 件',
      },
    ],
  };
}

describe('the lens shows what the background completed', () => {
  it('waits for the reply, then marks the sentence, links the other year and counts every failing check', async () => {
    const doc = pageOf('reports/lingchuan-2020.html', 'http://www.lingchuan.gov.cn/zwgk/a.html');
    let answer: (page: FinishedPage) => void = () => {};
    let finished: FinishedPage | undefined;
    const opened: string[] = [];
    const deps: LensDeps = {
      read: readReports,
      send: (page) => {
        finished = finishLikeBackground(page);
        return new Promise((ok) => (answer = ok));
      },
      openReport: (id) => opened.push(id),
      setTimeout: () => 0,
      clearTimeout: () => {},
    };
    const lens = startLens(doc, deps);
    expect(summary(doc), 'nothing shown before the reply').toBeNull();
    const own = finished!.records[0];
    answer({ ...finished!, records: [completed(own)] });
    await new Promise((ok) => setTimeout(ok, 0));
    expect(summary(doc)?.getAttribute('data-failing')).toBe(String(own.checks.filter((c) => c.status === 'fail').length + 2));
    const sentence = doc.querySelector('[data-nianbao-cell="text"]');
    expect(sentence?.textContent).toMatch(/共受理政府信息公开申请15件/);
    const link = summary(doc)?.shadowRoot?.querySelector('[data-testid="open-ref"]') as HTMLElement | null;
    expect(link).not.toBeNull();
    link!.click();
    expect(opened).toEqual(['r00000000000abc']);
    lens.stop();
  });

  it('invents no verdict when the background does not answer, says so in the console, and asks again on a re-read', async () => {
    const doc = pageOf('reports/lingchuan-2020.html', 'http://www.lingchuan.gov.cn/zwgk/b.html');
    const log: unknown[][] = [];
    let answers = 0;
    const lens = startLens(doc, {
      read: readReports,
      // no answer the first time (the worker restarting), the background's answer the second
      send: (page) => Promise.resolve(answers++ ? finishLikeBackground(page) : undefined),
      log: (...a) => log.push(a),
    });
    await new Promise((ok) => setTimeout(ok, 0));
    expect(summary(doc)).toBeNull();
    expect(String(log[0]?.[0])).toMatch(/did not answer/);
    // the user asks again (the context menu): the same content is sent again, and shown
    lens.rescan(true);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(answers).toBe(2);
    expect(summary(doc)?.getAttribute('data-failing')).not.toBeNull();
    lens.stop();
  });
});

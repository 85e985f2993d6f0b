// @vitest-environment happy-dom
/**
 * The content script's start-up (issue 9 §8), with fake dependencies: the real core reads a fixture page in
 * a DOM, a fake background finishes the reads as the real one does (test/support/fake-background.ts), and
 * what the lens sends, annotates and schedules is observed through the fakes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import type { ReportRecord } from '../../../lib/core/record';
import { readReports, type ReportRead } from '../../../lib/core/read';
import { startLens, type LensDeps, type SentPage } from '../../../lib/page/start-lens';
import { finishLikeBackground } from '../../support/fake-background';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function pageOf(file: string, url: string): Document {
  const w = new Window({ url });
  w.document.write(readFileSync(join(FIXTURES, file), 'utf8'));
  return w.document as unknown as Document;
}

function fakes() {
  const sent: { page: SentPage; scanMs: number; records: ReportRecord[] }[] = [];
  // a fake clock: timers fire when `advance` passes their time, unless cleared
  let clock = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const advance = (ms: number) => {
    clock += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > clock || !pending.has(id)) continue;
      pending.delete(id);
      t.fn();
    }
  };
  const deps: LensDeps = {
    read: vi.fn(readReports),
    send: (page, scanMs) => {
      const reply = finishLikeBackground(page);
      sent.push({ page, scanMs, records: reply?.records ?? [] });
      return Promise.resolve(reply);
    },
    now: (() => {
      let t = 0;
      return () => (t += 2);
    })(),
    setTimeout: (fn, ms) => {
      pending.set(nextId, { at: clock + ms, fn });
      return nextId++;
    },
    clearTimeout: (id) => void pending.delete(id),
    log: vi.fn(),
  };
  return { deps, sent, advance };
}

describe('startLens', () => {
  it('reads a report page once, sends its read, annotates it in place with the finished record under the canonical URL', async () => {
    const doc = pageOf('reports/lingchuan-2020.html', 'http://www.lingchuan.gov.cn/zwgk/a.html#top');
    const { deps, sent } = fakes();
    const lens = startLens(doc, deps);
    expect(deps.read).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    expect(doc.querySelector('[data-nianbao="summary"]'), 'nothing shown before the background answers').toBeNull();
    await Promise.resolve();
    const [outcome] = sent[0].records;
    expect(outcome.agency).toBe('灵川县');
    expect(outcome.url).not.toContain('#');
    expect(sent[0].scanMs).toBeGreaterThan(0);
    expect(doc.querySelectorAll('[data-nianbao="summary"]')).toHaveLength(1);
    expect(doc.querySelector('[data-nianbao="summary"]')?.getAttribute('data-status')).toBe('fail');
    expect(doc.querySelectorAll('[data-nianbao="table"]').length).toBe(outcome.tables);
    // the failing total (the sum's right-hand side) is outlined in its own cell, found through the grids the page read
    const failing = [...doc.querySelectorAll('[data-nianbao-cell="fail"]')];
    expect(failing.length).toBeGreaterThan(0);
    const failed = outcome.checks.find((c) => c.status === 'fail' && !/^(text|meta|xyear)\./.test(c.id))!;
    expect(failing.map((el) => el.textContent?.trim())).toContain(outcome.cells[failed.rhsKeys[0]].raw);
    // the scan's time is the page's read and the background's finish
    expect(Number(doc.querySelector('[data-nianbao="summary"]')?.getAttribute('data-scan-ms'))).toBeGreaterThanOrEqual(sent[0].scanMs);

    // the same content read again is not sent again, and is shown at once; stop removes every host
    lens.rescan(true);
    expect(deps.read).toHaveBeenCalledTimes(2);
    expect(sent).toHaveLength(1);
    expect(doc.querySelectorAll('[data-nianbao="summary"]')).toHaveLength(1);
    lens.stop();
    expect(doc.querySelectorAll('[data-nianbao]')).toHaveLength(0);
  });

  it('leaves a page that is not a report alone: its read goes to the background, which turns it down; nothing shown, nothing sent twice', async () => {
    // a news item about the report: it passes the pre-check, only detection turns it down — in the background
    const doc = pageOf('non-reports/news-report-published.html', 'http://www.x.gov.cn/news/1.html');
    const { deps, sent } = fakes();
    const lens = startLens(doc, deps);
    await Promise.resolve();
    expect(deps.read).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    const [read] = (sent[0].page as { reads: ReportRead[] }).reads;
    expect(read.detect?.lines.length, 'the read carries what detection reads').toBeGreaterThan(0);
    expect(sent[0].records, 'the background finds no report').toEqual([]);
    expect(finishLikeBackground(sent[0].page)?.skipped).toEqual([0]);
    lens.rescan(false);
    await Promise.resolve();
    expect(sent, 'unchanged content is not sent again').toHaveLength(1);
    expect(doc.querySelectorAll('[data-nianbao]')).toHaveLength(0);
  });

  it('a page the pre-check passes over is not read at all', async () => {
    const doc = pageOf('non-reports/budget-2021.html', 'http://www.x.gov.cn/budget.html');
    const { deps, sent } = fakes();
    startLens(doc, deps);
    await Promise.resolve();
    expect(deps.read).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(doc.querySelectorAll('[data-nianbao]')).toHaveLength(0);
  });

  it('a scan that throws is logged, not thrown into the page', () => {
    const doc = pageOf('reports/quzhou-2020.html', 'http://www.quzhou.gov.cn/a.html');
    const { deps, sent } = fakes();
    deps.read = () => {
      throw new Error('boom');
    };
    expect(() => startLens(doc, deps)).not.toThrow();
    expect(deps.log).toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('re-scans late-rendered content: a report whose tables arrive later is sent again with them', () => {
    // the environment's own document: its MutationObserver is the one the scheduler uses
    const doc = document;
    doc.documentElement.innerHTML = readFileSync(join(FIXTURES, 'reports/quzhou-2020.html'), 'utf8').replace(
      /^[\s\S]*?<html[^>]*>|<\/html>[\s\S]*$/g,
      '',
    );
    const tables = [...doc.querySelectorAll('table')].map((t) => t.outerHTML);
    for (const t of [...doc.querySelectorAll('table')]) t.remove();
    const { deps, sent, advance } = fakes();
    startLens(doc, deps);
    const first = sent.at(-1)!.records[0];
    expect(first.status).toBe('no-tables');
    const holder = doc.createElement('div');
    holder.innerHTML = tables.join('');
    doc.body.appendChild(holder);
    return vi.waitFor(() => {
      advance(400); // past the debounce, long before the idle stop
      const last = sent.at(-1)!.records[0];
      expect(last.tables).toBeGreaterThan(0);
      expect(last.status).not.toBe('no-tables');
    });
  });
});

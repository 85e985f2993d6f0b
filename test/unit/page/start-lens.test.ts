// @vitest-environment happy-dom
/**
 * The content script's start-up (issue 9 §8), with fake dependencies: the real core scans a fixture page in
 * a DOM, and what the lens sends, annotates and schedules is observed through the fakes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import type { ScanOutcome } from '../../../lib/core/record';
import { scanReports } from '../../../lib/core/scan';
import { startLens, type LensDeps } from '../../../lib/page/start-lens';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function pageOf(file: string, url: string): Document {
  const w = new Window({ url });
  w.document.write(readFileSync(join(FIXTURES, file), 'utf8'));
  return w.document as unknown as Document;
}

function fakes() {
  const sent: { outcomes: ScanOutcome[]; scanMs: number }[] = [];
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
    scan: vi.fn(scanReports),
    send: (outcomes, scanMs) => {
      sent.push({ outcomes, scanMs });
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
  it('scans a report page once, annotates it in place and sends its record under the canonical URL', () => {
    const doc = pageOf('reports/lingchuan-2020.html', 'http://www.lingchuan.gov.cn/zwgk/a.html#top');
    const { deps, sent } = fakes();
    const lens = startLens(doc, deps);
    expect(deps.scan).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    const [outcome] = sent[0].outcomes;
    expect(outcome.isReport).toBe(true);
    if (!outcome.isReport) return;
    expect(outcome.agency).toBe('灵川县');
    expect(outcome.url).not.toContain('#');
    expect(sent[0].scanMs).toBeGreaterThan(0);
    expect(doc.querySelectorAll('[data-nianbao="summary"]')).toHaveLength(1);
    expect(doc.querySelector('[data-nianbao="summary"]')?.getAttribute('data-status')).toBe('fail');
    expect(doc.querySelectorAll('[data-nianbao="table"]').length).toBe(outcome.tables);

    // the same content scanned again is not sent again; stop removes every host
    lens.rescan(true);
    expect(deps.scan).toHaveBeenCalledTimes(2);
    expect(sent).toHaveLength(1);
    lens.stop();
    expect(doc.querySelectorAll('[data-nianbao]')).toHaveLength(0);
  });

  it('leaves a page that is not a report alone: no scan, no message, no host', () => {
    const doc = pageOf('non-reports/news-report-published.html', 'http://www.x.gov.cn/news/1.html');
    const { deps, sent } = fakes();
    startLens(doc, deps);
    const scans = (deps.scan as ReturnType<typeof vi.fn>).mock.results.map((r) => (r.value as { outcome: ScanOutcome }[])[0].outcome);
    expect(scans.every((o) => !o.isReport)).toBe(true);
    expect(sent.flatMap((s) => s.outcomes).filter((o) => o.isReport)).toEqual([]);
    expect(doc.querySelectorAll('[data-nianbao]')).toHaveLength(0);
  });

  it('a scan that throws is logged, not thrown into the page', () => {
    const doc = pageOf('reports/quzhou-2020.html', 'http://www.quzhou.gov.cn/a.html');
    const { deps, sent } = fakes();
    deps.scan = () => {
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
    const first = sent.at(-1)!.outcomes[0];
    expect(first.isReport && first.status).toBe('no-tables');
    const holder = doc.createElement('div');
    holder.innerHTML = tables.join('');
    doc.body.appendChild(holder);
    return vi.waitFor(() => {
      advance(400); // past the debounce, long before the idle stop
      const last = sent.at(-1)!.outcomes[0];
      expect(last.isReport && last.tables).toBeGreaterThan(0);
      expect(last.isReport && last.status).not.toBe('no-tables');
    });
  });
});

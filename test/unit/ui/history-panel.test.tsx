// @vitest-environment happy-dom
/**
 * The history as a panel (issue 12 item 4): agencies × report years built in one pass over the summaries,
 * filtered by region, edition, status and a failing check's id prefix; the grid drawn with its hooks.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { summarize, type ReportSummary } from '../../../lib/core/summary';
import { EMPTY_PANEL_FILTER, buildPanel, failingCheckChoices } from '../../../lib/ui/history-panel';
import { HistoryPanel, PANEL_PAGE } from '../../../components/history-panel';
import { I18n } from '../../../components/i18n-context';
import { translator } from '../../../lib/i18n/ui';
import { makeRecord } from '../../support/records';
import type { Check } from '../../../lib/core/record';

const fail = (id: string): Check => ({ id, status: 'fail', lhs: 1, rhs: 2, diff: -1, lhsKeys: [], rhsKeys: [] });
const pass = (id: string): Check => ({ id, status: 'pass', lhs: 1, rhs: 1, diff: 0, lhsKeys: [], rhsKeys: [] });

function row(n: number, agency: string | null, year: number | null, over: Parameters<typeof makeRecord>[0] = {}): ReportSummary {
  return summarize(makeRecord({ n, agency, year, ...over }));
}

const rows = [
  row(1, '灵川县人民政府', 2021, { status: 'ok', checks: [pass('apply.balance.total'), pass('review.sum')] }),
  row(2, '灵川县人民政府', 2022, {
    status: 'errors',
    checks: [fail('xyear.carried_over.total'), pass('review.sum')],
    changedAfterFirstSeen: true,
  }),
  row(3, '灵川县人民政府', 2022, { status: 'ok', checks: [pass('review.sum')], url: 'http://x.gov.cn/a#part-2' }),
  row(4, '桂林市教育局', 2020, { status: 'partial', format: '2019', checks: [fail('text.apply.new'), pass('review.sum')] }),
  row(5, '桂林市教育局', 2022, { status: 'no-tables', checks: [] }),
  row(6, null, 2021, { status: 'ok', checks: [] }),
  row(7, '阳朔县人民政府', null, { status: 'errors', checks: [fail('apply.row.new')] }),
];

describe('buildPanel', () => {
  it('groups agencies (sorted, the unrecognised last) by report year (ascending, unknown last)', () => {
    const p = buildPanel(rows);
    expect(p.years).toEqual([2020, 2021, 2022, null]);
    expect(p.rows.map((r) => r.agency)).toEqual(['桂林市教育局', '灵川县人民政府', '阳朔县人民政府', '']);
    expect(p.matched).toBe(7);
    const lingchuan = p.rows[1];
    expect([...lingchuan.cells.keys()]).toEqual([2021, 2022]);
    expect(lingchuan.cells.get(2021)).toMatchObject({ status: 'ok', fail: 0, pass: 2, changed: false });
    // two reports for one agency × year: counts summed, the worst status, changed when either changed
    const two = lingchuan.cells.get(2022)!;
    expect(two.reports.map((r) => r.id)).toEqual(['r000002', 'r000003']);
    expect(two).toMatchObject({ status: 'errors', fail: 1, pass: 2, changed: true });
    expect(p.rows[2].cells.get(null)?.status).toBe('errors');
  });

  it('filters by region (substring of the agency), edition, status and failing check prefix', () => {
    const agencies = (f: Partial<typeof EMPTY_PANEL_FILTER>) => buildPanel(rows, { ...EMPTY_PANEL_FILTER, ...f }).rows.map((r) => r.agency);
    expect(agencies({ region: ' 灵川 ' })).toEqual(['灵川县人民政府']);
    expect(agencies({ region: '县' })).toEqual(['灵川县人民政府', '阳朔县人民政府']);
    expect(agencies({ format: '2019' })).toEqual(['桂林市教育局']);
    expect(agencies({ status: 'errors' })).toEqual(['灵川县人民政府', '阳朔县人民政府']);
    expect(agencies({ check: 'xyear.' })).toEqual(['灵川县人民政府']);
    expect(agencies({ check: 'text.apply.new' })).toEqual(['桂林市教育局']);
    expect(agencies({ check: 'review.' })).toEqual([]); // passing checks never match
    const p = buildPanel(rows, { ...EMPTY_PANEL_FILTER, check: 'xyear' });
    expect(p.years).toEqual([2022]);
    expect(p.rows[0].cells.get(2022)?.reports.map((r) => r.id)).toEqual(['r000002']);
  });

  it('offers the failing ids as check filters, the families first', () => {
    expect(failingCheckChoices(rows)).toEqual(['text.', 'xyear.', 'apply.row.new', 'text.apply.new', 'xyear.carried_over.total']);
  });

  it('makes the grid of 10,000 reports in one quick pass', () => {
    const base = rows[1];
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...base,
      id: `r${i}`,
      agency: `第${i % 3000}县人民政府`,
      year: 2015 + (i % 9),
    }));
    const start = performance.now();
    const p = buildPanel(many, { ...EMPTY_PANEL_FILTER, region: '县' });
    expect(performance.now() - start).toBeLessThan(500);
    expect(p.rows).toHaveLength(3000);
    expect(p.years).toHaveLength(9);
  });
});

describe('<HistoryPanel>', () => {
  const draw = (panel = buildPanel(rows), onOpen = vi.fn()) => {
    const host = document.createElement('div');
    render(
      <I18n.Provider value={translator('zh_CN')}>
        <HistoryPanel panel={panel} onOpen={onOpen} />
      </I18n.Provider>,
      host,
    );
    return { host, onOpen };
  };

  it('shows each cell with its agency, year, status, counts and the changed mark; a click opens the report', () => {
    const { host, onOpen } = draw();
    const cells = [...host.querySelectorAll<HTMLElement>('[data-testid="panel-cell"]')];
    expect(cells).toHaveLength(6);
    const one = host.querySelector<HTMLElement>('[data-testid="panel-cell"][data-agency="灵川县人民政府"][data-year="2021"]')!;
    expect(one.dataset.status).toBe('ok');
    expect(one.textContent).toContain('全部相符');
    expect(one.textContent).toContain('✗0');
    expect(one.textContent).toContain('✓2');
    one.click();
    expect(onOpen).toHaveBeenCalledWith('r000001');
    const two = host.querySelector<HTMLElement>('[data-testid="panel-cell"][data-year="2022"][data-agency="灵川县人民政府"]')!;
    expect(two.dataset.status).toBe('errors');
    expect(two.dataset.count).toBe('2');
    expect(two.querySelector('[data-testid="panel-changed"]')).not.toBeNull();
    expect(host.querySelectorAll('[data-testid="panel-changed"]')).toHaveLength(1);
  });

  it('lists a cell of several reports to choose from', async () => {
    const { host, onOpen } = draw();
    host.querySelector<HTMLElement>('[data-testid="panel-cell"][data-count="2"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    const choices = [...host.querySelectorAll<HTMLElement>('[data-testid="panel-cell-report"]')];
    expect(choices.map((c) => c.dataset.id)).toEqual(['r000002', 'r000003']);
    choices[1].click();
    expect(onOpen).toHaveBeenCalledWith('r000003');
  });

  it('draws the first agencies and more on demand', async () => {
    const base = rows[0];
    const many = Array.from({ length: PANEL_PAGE + 50 }, (_, i) => ({ ...base, id: `r${i}`, agency: `机关${String(i).padStart(4, '0')}` }));
    const { host } = draw(buildPanel(many));
    expect(host.querySelectorAll('[data-testid="panel-cell"]')).toHaveLength(PANEL_PAGE);
    host.querySelector<HTMLElement>('[data-testid="panel-more"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(host.querySelectorAll('[data-testid="panel-cell"]')).toHaveLength(PANEL_PAGE + 50);
    expect(host.querySelector('[data-testid="panel-more"]')).toBeNull();
  });
});

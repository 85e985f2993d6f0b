import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConverterFactory } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { Tabletojson } from 'tabletojson';
import { parseHtml } from '../../cli/dom';
import { stripPinyin, toSimplified } from '../../lib/core/chinese';
import { buildGrid } from '../../lib/core/grid';
import { scanPage, inlineHidden } from '../../lib/core/scan';
import { normalizeLabel } from '../../lib/core/text';
import { loadDir, totalBytes, type Page } from './corpus';
import { domLibs, releaseDomLibs, versionOf, type DomLib } from './dom-libs';
import { cpuMs, fmtMs, fmtRate, gc, median, summarize, table, type Summary } from './measure';
import { STAGES, STAGE_HELP, stagedScan, zeroTimes, type StageTimes } from './stages';

/**
 * The benchmark proper (started by run.ts, which adds the V8 flags). How fast the CLI turns saved report pages into records, and against what.
 *   1. DOM libraries for the CLI (linkedom, happy-dom, jsdom): parse and parse+scanPage per page,
 *      and whether each yields the very record linkedom does.
 *   2. linkedom: the pipeline against its floor (parse + every td/th textContent) and tabletojson.
 *   3. The goals, PASS/MISS.
 *   4. Where scanPage's time goes, stage by stage, plus the cost of label normalisation.
 * Times are CPU milliseconds of this process (see measure.ts: robust against other processes on a
 * shared machine); wall-clock figures are kept in the JSON.
 * Options: --budget=<s> target duration of the whole run (default 50), --rounds=<n> fixed rounds for
 * the linkedom section, --lib-rounds=<n> (default 3), --no-libs (linkedom only: quicker, for
 * profiling), --no-cli (skip the CLI wall-clock runs).
 * Writes test/bench/last-run.json. See docs/performance.md.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
/** the whole run, start to end, aims at this */
const BUDGET_MS = Number(option('budget') ?? 50) * 1000;
const FIXED_ROUNDS = option('rounds') ? Number(option('rounds')) : undefined;
const LIB_ROUNDS = Number(option('lib-rounds') ?? 3);
const GOAL_FLOOR = 1.5;
const GOAL_TABLETOJSON = 1.0;

let sinkValue = 0; // keeps results alive so nothing is optimised away

interface PassResult {
  /** CPU ms */
  total: number;
  wall: number;
  /** CPU ms by part */
  parts?: Record<string, number>;
}

/**
 * A measured task: `run(i)` processes page i of its corpus once. Rounds interleave the tasks page by
 * page (page 0 through every task, then page 1 …) so that the pipeline and its yardsticks are timed
 * within milliseconds of each other and see the same load on a shared machine.
 */
interface Task {
  id: string;
  pages: number;
  run(i: number): PassResult | Promise<PassResult>;
}

function outcomeKey(outcome: unknown): string {
  return JSON.stringify(outcome);
}

/** Top-level fields where two outcomes differ (for the "same record" column). */
function diffFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function libTask(lib: DomLib, pages: Page[], id = `lib:${lib.id}`): Task {
  return {
    id,
    pages: pages.length,
    async run(i) {
      const p = pages[i];
      const w0 = performance.now();
      const t0 = cpuMs();
      const parsed = lib.parse(p.html);
      const t1 = cpuMs();
      const r = scanPage(parsed.doc, p.url);
      const t2 = cpuMs();
      await parsed.close();
      const t3 = cpuMs();
      const wall = performance.now() - w0;
      sinkValue += r.tables.length;
      return { total: t3 - t0, wall, parts: { parse: t1 - t0 + (t3 - t2), scan: t2 - t1 } };
    },
  };
}

function timed(fn: () => void): PassResult {
  const w0 = performance.now();
  const t0 = cpuMs();
  fn();
  return { total: cpuMs() - t0, wall: performance.now() - w0 };
}

function floorTask(pages: Page[]): Task {
  return {
    id: 'floor',
    pages: pages.length,
    run(i) {
      return timed(() => {
        const doc = parseHtml(pages[i].html);
        for (const cell of Array.from(doc.querySelectorAll('td,th'))) sinkValue += (cell.textContent ?? '').length;
      });
    },
  };
}

function tabletojsonTask(pages: Page[]): Task {
  return {
    id: 'tabletojson',
    pages: pages.length,
    run(i) {
      return timed(() => {
        sinkValue += Tabletojson.convert(pages[i].html).length;
      });
    },
  };
}

function scanOnlyTask(id: string, pages: Page[]): Task {
  return {
    id,
    pages: pages.length,
    run(i) {
      // parsed outside the timer, per page: no parsed corpus kept alive, so the heap (and the GC
      // cost) stays as small as in the CLI
      const doc = parseHtml(pages[i].html);
      return timed(() => {
        sinkValue += scanPage(doc, pages[i].url).tables.length;
      });
    },
  };
}

function stagedTask(pages: Page[]): Task {
  return {
    id: 'stages',
    pages: pages.length,
    run(i) {
      const doc = parseHtml(pages[i].html);
      const t: StageTimes = zeroTimes();
      const w0 = performance.now();
      sinkValue += stagedScan(doc, pages[i].url, t, cpuMs).isReport ? 1 : 0;
      return { total: STAGES.reduce((s, k) => s + t[k], 0), wall: performance.now() - w0, parts: t };
    },
  };
}

/** One pass of every task over its corpus, interleaved page by page; totals per task (ms). */
async function round(tasks: Task[], rotate: number): Promise<Record<string, PassResult>> {
  const acc: Record<string, PassResult> = Object.fromEntries(tasks.map((t) => [t.id, { total: 0, wall: 0, parts: {} }]));
  const most = Math.max(...tasks.map((t) => t.pages));
  // One full collection per round, outside the timers. Not one per page or per task: V8 drops
  // compiled regexps (and IC stubs) on a full GC, so the call right after a forced gc() pays ~3 ms
  // of recompilation (scanPage on a non-report page: 0.19 → 3.6 ms) — an artefact, not the pipeline.
  gc();
  for (let i = 0; i < most; i++) {
    for (let j = 0; j < tasks.length; j++) {
      const t = tasks[(j + rotate + i) % tasks.length]; // rotate: no task always runs right after the same one
      if (i >= t.pages) continue;
      const res = await t.run(i);
      const a = acc[t.id];
      a.total += res.total;
      a.wall += res.wall;
      for (const [k, v] of Object.entries(res.parts ?? {})) a.parts![k] = (a.parts![k] ?? 0) + v;
    }
  }
  return acc;
}

/** Label normalisation costs, measured on every distinct short cell text of the report corpus. */
function labelCosts(docs: Document[]) {
  const perPage: string[][] = docs.map((doc) => {
    const texts: string[] = [];
    for (const el of Array.from(doc.querySelectorAll('table'))) {
      const grid = buildGrid(el, inlineHidden);
      const seen = new Set<unknown>();
      for (const line of grid.slots)
        for (const c of line)
          if (c && !seen.has(c)) {
            seen.add(c);
            if (c.text && c.text.length <= 120) texts.push(c.text);
          }
    }
    return texts;
  });
  const all = perPage.flat();
  const distinct = new Set(all);
  const distinctPerPage = perPage.map((t) => new Set(t).size);
  const time = (fn: (s: string) => string, items: string[], reps: number) => {
    for (const s of items) sinkValue += fn(s).length;
    const runs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) for (const s of items) sinkValue += fn(s).length;
      runs.push(((performance.now() - t0) / (reps * items.length)) * 1000);
    }
    return summarize(runs); // µs per call
  };
  const items = [...distinct];
  const opencc = time((s) => toSimplified(stripPinyin(s)), items, 20);
  const missPath = time(
    (s) =>
      toSimplified(stripPinyin(s))
        .normalize('NFKC')
        .replace(/[“”„‟"「」『』〝〞＂]/g, '"')
        .replace(/[\s\u00a0\u3000]+/g, ''),
    items,
    20,
  );
  const memoHit = time(normalizeLabel, items, 200);
  const t0 = performance.now();
  const conv = ConverterFactory([TWVariantsRevPhrases, TWVariantsRev], [TSPhrases, TSCharacters]);
  const converterBuildMs = performance.now() - t0;
  sinkValue += conv('開').length;
  return {
    cellTextsPerPage: all.length / docs.length,
    distinctPerPage: median(distinctPerPage),
    distinctInCorpus: distinct.size,
    totalInCorpus: all.length,
    openccUsPerLabel: opencc,
    missUsPerLabel: missPath,
    memoHitUsPerLabel: memoHit,
    converterBuildMs,
  };
}

function cliWallClock(dir: string): { helpMs: number; corpusMs: number } | undefined {
  try {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const t0 = performance.now();
    execFileSync(tsx, ['cli/check.ts', '--help'], { cwd: ROOT, stdio: 'ignore' });
    const t1 = performance.now();
    execFileSync(tsx, ['cli/check.ts', dir], { cwd: ROOT, stdio: 'ignore' });
    const t2 = performance.now();
    return { helpMs: t1 - t0, corpusMs: t2 - t1 };
  } catch {
    return undefined;
  }
}

async function main() {
  const started = performance.now();
  const reportDir = join(ROOT, 'test/fixtures/reports');
  const nonDir = join(ROOT, 'test/fixtures/non-reports');
  const reports = await loadDir(reportDir);
  const nonReports = await loadDir(nonDir);
  if (!reports.length) throw new Error(`no pages in ${reportDir}`);
  const cpu = cpus()[0]?.model ?? '?';
  const load0 = loadavg().map((x) => +x.toFixed(2));
  const singleThreaded = process.execArgv.includes('--single-threaded');
  const machine = {
    node: process.version,
    nproc: availableParallelism(),
    cpu,
    singleThreaded,
    loadavgAtStart: load0,
    loadavgAtEnd: [] as number[],
  };
  const out: string[] = [];
  const say = (s = '') => {
    out.push(s);
    console.log(s);
  };
  const progress = (s: string) => process.stderr.write(`  … ${s}\n`);

  // -- cold: the first pass in a fresh process (JIT, opencc dictionaries, label memo all cold)
  const coldPerPage: number[] = [];
  for (const p of reports) {
    const t0 = cpuMs();
    scanPage(parseHtml(p.html), p.url);
    coldPerPage.push(cpuMs() - t0);
  }
  const cold = { firstPageMs: coldPerPage[0], firstPassMs: coldPerPage.reduce((a, b) => a + b, 0) };

  // -- equivalence: every library must give linkedom's record, on reports and non-reports (also
  //    the libraries' warm-up)
  progress('equivalence of the DOM libraries');
  const libs = flag('no-libs') ? domLibs().slice(0, 1) : domLibs();
  const allPages = [...reports, ...nonReports];
  const reference = allPages.map((p) => scanPage(parseHtml(p.html), p.url).outcome as unknown as Record<string, unknown>);
  const equivalence: Record<string, { same: number; of: number; differences: string[] }> = {};
  for (const lib of libs) {
    const e = { same: 0, of: allPages.length, differences: [] as string[] };
    for (let i = 0; i < allPages.length; i++) {
      const p = allPages[i];
      try {
        const parsed = lib.parse(p.html);
        const o = scanPage(parsed.doc, p.url).outcome as unknown as Record<string, unknown>;
        await parsed.close();
        if (outcomeKey(o) === outcomeKey(reference[i])) e.same++;
        else e.differences.push(`${p.name}: ${diffFields(o, reference[i]).join(', ')}`);
      } catch (err) {
        e.differences.push(`${p.name}: threw ${(err as Error).message}`);
      }
    }
    equivalence[lib.id] = e;
  }

  // -- the CLI as a user runs it (fresh processes)
  progress('CLI wall clock');
  const cli = flag('no-cli') ? undefined : cliWallClock(relative(ROOT, reportDir));

  // -- the staged copy of scanPage must still be scanPage
  const stagedDrift = allPages.filter((p) => {
    const doc = parseHtml(p.html);
    return outcomeKey(stagedScan(doc, p.url, zeroTimes())) !== outcomeKey(scanPage(doc, p.url).outcome);
  }).length;

  const samples: Record<string, number[]> = {};
  const wallSamples: Record<string, number[]> = {};
  const partSamples: Record<string, Record<string, number[]>> = {};
  const keep = (tasks: Task[], res: Record<string, PassResult>, prefix = '') => {
    for (const t of tasks) {
      const { total, wall, parts } = res[t.id];
      (samples[prefix + t.id] ??= []).push(total / t.pages);
      (wallSamples[prefix + t.id] ??= []).push(wall / t.pages);
      for (const [k, v] of Object.entries(parts ?? {})) ((partSamples[prefix + t.id] ??= {})[k] ??= []).push(v / t.pages);
    }
  };

  // -- phase A: the DOM libraries (already warm from the equivalence pass)
  const libTasks = libs.map((l) => libTask(l, reports));
  for (let r = 0; r < LIB_ROUNDS; r++) {
    progress(`DOM libraries, round ${r + 1}/${LIB_ROUNDS}`);
    keep(libTasks, await round(libTasks, r), 'A:');
  }

  releaseDomLibs();

  // -- phase B: linkedom against its yardsticks
  const tasks: Task[] = [
    libTask(libs[0], reports),
    floorTask(reports),
    tabletojsonTask(reports),
    scanOnlyTask('scan', reports),
    stagedTask(reports),
  ];
  if (nonReports.length) tasks.push(libTask(libs[0], nonReports, 'nonreport'), scanOnlyTask('nonreport-scan', nonReports));
  progress('linkedom, warm-up');
  await round(tasks, 0);
  const r0 = performance.now();
  keep(tasks, await round(tasks, 1)); // the first measured round also sizes the rest
  const roundMs = performance.now() - r0;
  const left = BUDGET_MS - (performance.now() - started) - 1500;
  const rounds = FIXED_ROUNDS ?? Math.max(5, Math.min(25, 1 + Math.floor(left / roundMs)));
  const ratioFloor: number[] = [];
  const ratioT2j: number[] = [];
  const sum = (id: string) => samples[id].reduce((a, b) => a + b, 0);
  const ratios = () => {
    const n = samples['lib:linkedom'].length - 1;
    ratioFloor.push(samples['lib:linkedom'][n] / samples.floor[n]);
    ratioT2j.push(samples['lib:linkedom'][n] / samples.tabletojson[n]);
  };
  ratios();
  for (let r = 1; r < rounds; r++) {
    progress(`linkedom, round ${r + 1}/${rounds}`);
    keep(tasks, await round(tasks, r + 1));
    ratios();
  }

  const S: Record<string, Summary> = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
  const W: Record<string, Summary> = Object.fromEntries(Object.entries(wallSamples).map(([k, v]) => [k, summarize(v)]));
  const P = (task: string, part: string) => summarize(partSamples[task][part]);
  const spread = (s: Summary) => `±${(s.spreadPct / 2).toFixed(0)}%`;
  const msCell = (s: Summary) => `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})`;
  machine.loadavgAtEnd = loadavg().map((x) => +x.toFixed(2));

  say(`Nianbao Lens benchmark — ${new Date().toISOString()}`);
  say(
    `machine: ${machine.nproc} cores (${cpu}), node ${machine.node}, load average ${load0.join(' ')} at start, ${machine.loadavgAtEnd.join(' ')} at end`,
  );
  say(
    `corpus: ${reports.length} report pages (${(totalBytes(reports) / 1024).toFixed(0)} KB), ${nonReports.length} non-report pages (${(totalBytes(nonReports) / 1024).toFixed(0)} KB), held in memory`,
  );
  say(
    `unit: CPU ms per page (process CPU time${singleThreaded ? ', V8 --single-threaded' : ' — run through run.ts for --single-threaded'}: other load on the machine does not count), median of the rounds (min–max)`,
  );
  say();
  say(`1. DOM libraries for the CLI — report corpus, ${LIB_ROUNDS} rounds after a warm-up pass`);
  const libRows = libs.map((l) => {
    const id = `A:lib:${l.id}`;
    const e = equivalence[l.id];
    const same = e.same === e.of ? `yes (${e.same}/${e.of})` : `NO (${e.same}/${e.of})`;
    return [
      l.label,
      msCell(P(id, 'parse')),
      msCell(P(id, 'scan')),
      msCell(S[id]),
      fmtRate(1000 / S[id].median),
      (S[id].median / S['A:lib:linkedom'].median).toFixed(2) + '×',
      same,
    ];
  });
  say(table(['library', 'parse (+close)', 'scanPage', 'parse + scanPage', 'pages/s', 'vs linkedom', 'same record as linkedom'], libRows));
  for (const l of libs) for (const d of equivalence[l.id].differences) say(`   ${l.id} differs — ${d}`);
  say();

  const pipe = S['lib:linkedom'];
  say(`2. linkedom (the CLI's library) — ${rounds} rounds after a warm-up pass, pages interleaved across measures`);
  const row = (name: string, id: string) => [name, msCell(S[id]), fmtRate(1000 / S[id].median), spread(S[id]), fmtMs(W[id].median)];
  const rows2: string[][] = [
    row('pipeline: parse HTML → record (parseHtml + scanPage)', 'lib:linkedom'),
    ['  of which parse', msCell(P('lib:linkedom', 'parse')), '', '', ''],
    ['  of which scanPage', msCell(P('lib:linkedom', 'scan')), '', '', ''],
    row('floor: parse + textContent of every td/th', 'floor'),
    row(`tabletojson ${versionOf('tabletojson')}: convert(html)`, 'tabletojson'),
    row('scanPage alone (document already parsed)', 'scan'),
  ];
  if (nonReports.length) {
    rows2.push(row('non-report pages: pipeline', 'nonreport'));
    rows2.push(row('non-report pages: scanPage alone', 'nonreport-scan'));
  }
  rows2.push(['cold first page (fresh process: JIT, opencc dictionaries)', fmtMs(cold.firstPageMs), '', '', '']);
  rows2.push([`cold first pass over the ${reports.length} report pages, per page`, fmtMs(cold.firstPassMs / reports.length), '', '', '']);
  say(table(['measure', 'ms/page', 'pages/s', 'spread', 'wall ms'], rows2));
  say();

  // the goals use the ratio of the totals over all rounds: a major GC landing in one task's slice
  // of one round swings that round's ratio (range shown), the totals share GC as the work does
  const rf = { ...summarize(ratioFloor), median: sum('lib:linkedom') / sum('floor') };
  const rt = { ...summarize(ratioT2j), median: sum('lib:linkedom') / sum('tabletojson') };
  const verdict = (v: number, goal: number) => (v <= goal ? 'PASS' : 'MISS');
  say(`3. Goals (ratio of the CPU totals over the ${rounds} rounds; range: the same ratio round by round)`);
  say(
    table(
      ['goal', 'measured', 'range', 'target', 'verdict'],
      [
        [
          'pipeline / floor',
          rf.median.toFixed(2) + '×',
          `${rf.min.toFixed(2)}–${rf.max.toFixed(2)}`,
          `≤ ${GOAL_FLOOR.toFixed(1)}×`,
          verdict(rf.median, GOAL_FLOOR),
        ],
        [
          'pipeline / tabletojson',
          rt.median.toFixed(2) + '×',
          `${rt.min.toFixed(2)}–${rt.max.toFixed(2)}`,
          `≤ ${GOAL_TABLETOJSON.toFixed(1)}×`,
          verdict(rt.median, GOAL_TABLETOJSON),
        ],
        ...libs
          .slice(1)
          .map((l) => [
            `${l.id} gives linkedom's records`,
            `${equivalence[l.id].same}/${equivalence[l.id].of}`,
            '',
            'all',
            equivalence[l.id].same === equivalence[l.id].of ? 'PASS' : 'MISS',
          ]),
      ],
    ),
  );
  say();

  const stageRows = STAGES.map((s) => ({ s, v: P('stages', s) }));
  const stageTotal = stageRows.reduce((a, r) => a + r.v.median, 0);
  say(
    `4. Where scanPage's time goes (stage timers inside scanPage, report corpus${stagedDrift ? `; WARNING: differs from scanPage on ${stagedDrift} pages — update test/bench/stages.ts` : ''})`,
  );
  say(
    table(
      ['stage', 'ms/page', 'share', 'what'],
      [
        ...stageRows.map(({ s, v }) => [s, fmtMs(v.median), ((v.median / stageTotal) * 100).toFixed(0) + '%', STAGE_HELP[s]]),
        ['total', fmtMs(stageTotal), '100%', `(scanPage alone: ${fmtMs(S.scan.median)}; the laps cost ~1 µs each)`],
      ],
    ).replace(/^(.*)$/gm, (l) => l.trimEnd()),
  );
  progress('label costs');
  const labels = labelCosts(reports.map((p) => parseHtml(p.html)));
  say(
    `   labels: ${labels.cellTextsPerPage.toFixed(0)} short cell texts per page (median ${labels.distinctPerPage} distinct; ${labels.distinctInCorpus} distinct of ${labels.totalInCorpus} in the corpus); ` +
      `normalizeLabel memo hit ${labels.memoHitUsPerLabel.median.toFixed(2)} µs, memo miss ≈ ${labels.missUsPerLabel.median.toFixed(1)} µs ` +
      `(of which toSimplified ${labels.openccUsPerLabel.median.toFixed(1)} µs); opencc converter build ${fmtMs(labels.converterBuildMs)} ms once per process`,
  );
  if (cli)
    say(
      `   CLI wall clock (tsx, fresh process): \`check --help\` ${fmtMs(cli.helpMs)} ms (start-up + module load); ` +
        `\`check test/fixtures/reports\` ${fmtMs(cli.corpusMs)} ms for ${reports.length} pages`,
    );
  const elapsed = (performance.now() - started) / 1000;
  say();
  say(`bench took ${elapsed.toFixed(1)} s; JSON in test/bench/last-run.json`);

  const json = {
    date: new Date().toISOString(),
    machine,
    versions: Object.fromEntries(['linkedom', 'happy-dom', 'jsdom', 'tabletojson', 'zod', 'opencc-js'].map((p) => [p, versionOf(p)])),
    corpus: {
      reports: reports.map((p) => ({ name: p.name, bytes: p.bytes })),
      nonReports: nonReports.map((p) => ({ name: p.name, bytes: p.bytes })),
    },
    unit: 'CPU ms per page; *Wall: wall-clock ms per page; summaries over rounds',
    libRounds: LIB_ROUNDS,
    rounds,
    libraries: Object.fromEntries(
      libs.map((l) => {
        const id = `A:lib:${l.id}`;
        return [
          l.id,
          {
            label: l.label,
            parse: P(id, 'parse'),
            scan: P(id, 'scan'),
            pipeline: S[id],
            pipelineWall: W[id],
            equivalence: equivalence[l.id],
          },
        ];
      }),
    ),
    linkedom: {
      pipeline: pipe,
      pipelineWall: W['lib:linkedom'],
      parse: P('lib:linkedom', 'parse'),
      scan: P('lib:linkedom', 'scan'),
      floor: S.floor,
      floorWall: W.floor,
      tabletojson: S.tabletojson,
      tabletojsonWall: W.tabletojson,
      scanAlone: S.scan,
      nonReportPipeline: S.nonreport ?? null,
      nonReportScanAlone: S['nonreport-scan'] ?? null,
      cold,
    },
    goals: {
      pipelineOverFloor: { ...rf, target: GOAL_FLOOR, pass: rf.median <= GOAL_FLOOR },
      pipelineOverTabletojson: { ...rt, target: GOAL_TABLETOJSON, pass: rt.median <= GOAL_TABLETOJSON },
    },
    stages: Object.fromEntries(STAGES.map((s) => [s, P('stages', s)])),
    stagedDrift,
    labels,
    cli: cli ?? null,
    elapsedSeconds: elapsed,
    printed: out.join('\n'),
    _: sinkValue,
  };
  mkdirSync(HERE, { recursive: true });
  writeFileSync(join(HERE, 'last-run.json'), JSON.stringify(json, null, 2) + '\n');
}

await main();

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Summarises a V8 .cpuprofile: self time by function and by file, and the inclusive time of the
 * functions named on the command line (e.g. scanPage, buildGrid, normalizeLabel; @zod, @linkedom or
 * @lib/text.ts for everything spent in a package or file).
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/run.ts --no-libs --no-cli
 *   npx tsx test/bench/profile-summary.ts /tmp/prof [scanPage normalizeLabel …]
 * (a directory: its newest, largest profile — the bench child's, not the launcher's.)
 */

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [target = '.', ...focus] = process.argv.slice(2);
let file = target;
if (statSync(target).isDirectory()) {
  const files = readdirSync(target)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(target, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!files.length) throw new Error(`no .cpuprofile in ${target}`);
  file = files[0];
}
const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
let total = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});

const short = (url: string) => {
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0)
    return u
      .slice(nm + 13)
      .split('/')
      .slice(0, u.slice(nm + 13).startsWith('@') ? 2 : 1)
      .join('/');
  return u ? relative(process.cwd(), u) : '(native)';
};
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}${n.callFrame.lineNumber > 0 ? `:${n.callFrame.lineNumber + 1}` : ''}`;

const fnSelf = new Map<string, number>();
const fileSelf = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + t);
  const f = short(n.callFrame.url);
  fileSelf.set(f, (fileSelf.get(f) ?? 0) + t);
}

// inclusive time of the focused functions: a sample counts once if any ancestor frame matches
const inclusive = new Map<string, number>();
if (focus.length) {
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    const hit = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const name = n.callFrame.functionName;
      if (focus.includes(name)) hit.add(name);
      const f = `@${short(n.callFrame.url)}`;
      if (focus.includes(f)) hit.add(f);
    }
    for (const h of hit) inclusive.set(h, (inclusive.get(h) ?? 0) + dt);
  });
}

const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms`;
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
console.log('\nself time by file');
for (const [k, t] of top(fileSelf, 15)) console.log(`${pct(t)}  ${k}`);
console.log('\nself time by function');
for (const [k, t] of top(fnSelf, 30)) console.log(`${pct(t)}  ${k}`);
if (focus.length) {
  console.log('\ninclusive time');
  for (const f of focus) console.log(`${pct(inclusive.get(f) ?? 0)}  ${f}`);
}

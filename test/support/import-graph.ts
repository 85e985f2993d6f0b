import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The project's import graph, read from the sources (static and dynamic imports, relative and `@/`):
 * what the structure test walks to find dead files, missing tests and imports across rooms.
 */

export const ROOT = resolve(__dirname, '../..');
const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;
const EXTS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Every .ts/.tsx file under `dir` (relative to the root), fixtures and generated folders left out. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(ROOT, d))) {
      const rel = join(d, name);
      if (['node_modules', 'fixtures', '.output', '.wxt', 'findings'].includes(name)) continue;
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(name)) out.push(rel);
    }
  };
  if (existsSync(join(ROOT, dir))) walk(dir);
  return out.sort();
}

/** The project files a file imports (packages left out). */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(SPEC)) {
    const spec = m[2];
    let base: string;
    if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
    else if (spec.startsWith('.')) base = resolve(join(ROOT, dirname(file)), spec);
    else continue;
    for (const e of EXTS) {
      const p = base + e;
      if (existsSync(p) && statSync(p).isFile()) {
        out.push(relative(ROOT, p));
        break;
      }
    }
  }
  return out;
}

/** Every file reachable from `starts` through imports. */
export function reachable(starts: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...importsOf(f));
  }
  return seen;
}

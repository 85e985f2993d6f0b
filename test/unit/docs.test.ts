/**
 * docs/spec.md is the contract in the repository (issue 9 item 6): every `SPEC §n` in the code names one of
 * its sections, every check family and `data-testid` the code ships is written there, and its links resolve.
 * A failure here means the code moved on without the contract: update docs/spec.md in the same commit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lib/core/checks';
import { ROOT, sourceFiles } from '../support/import-graph';

const SPEC_FILE = join(ROOT, 'docs/spec.md');
const spec = readFileSync(SPEC_FILE, 'utf8');
const sections = new Set([...spec.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
const code = ['lib', 'cli', 'entrypoints', 'components', 'scripts', 'test'].flatMap(sourceFiles);

describe('docs/spec.md', () => {
  it('has every section a "SPEC §n" in the code points at', () => {
    const dangling: string[] = [];
    for (const file of code) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/SPEC §(\d+)/g)) {
        if (!sections.has(Number(m[1]))) dangling.push(`${file}: SPEC §${m[1]}`);
      }
    }
    expect(sections.size, 'numbered sections (## 1. …) in docs/spec.md').toBeGreaterThanOrEqual(10);
    expect(dangling, 'these references name no section of docs/spec.md').toEqual([]);
  });

  it('has a row in the §4 table for every check id the code evaluates', () => {
    const section4 = spec.slice(spec.indexOf('\n## 4. '), spec.indexOf('\n## 5. '));
    const patterns = [...section4.matchAll(/^\| (.+?) \|/gm)]
      .flatMap((m) => [...m[1].matchAll(/`([a-z_.<>]+)`/g)].map((t) => t[1]))
      .map((p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/<[a-z]+>/g, '[a-z_.]+')}$`));
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    const ids = [...CHECKS['2019'], ...CHECKS['2021']].map((d) => d.id);
    expect(
      ids.filter((id) => !patterns.some((p) => p.test(id))),
      'check ids no row of the docs/spec.md §4 table describes',
    ).toEqual([]);
  });

  it('lists every data-testid the popup, options page and overlay carry', () => {
    const ids = new Set<string>();
    for (const file of [...sourceFiles('components'), ...sourceFiles('entrypoints')]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/data-testid="([a-z0-9-]+)"|testid: '([a-z0-9-]+)'/g)) ids.add(m[1] ?? m[2]);
    }
    expect(ids.size).toBeGreaterThan(10);
    expect(
      [...ids].filter((id) => !spec.includes(`\`${id}\``)),
      'data-testid values missing from docs/spec.md §7',
    ).toEqual([]);
  });

  it('links only to files that exist', () => {
    const broken = [...spec.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1])
      .filter((href) => !/^[a-z]+:/.test(href) && !existsSync(resolve(dirname(SPEC_FILE), href)));
    expect(broken).toEqual([]);
  });
});

/**
 * The rooms of the code base, checked: each test below says in plain words what a new file lacks. The
 * import boundaries between rooms are enforced by ESLint (eslint.config.js); this test checks what a linter
 * cannot see — where files sit, that each is used and tested, and that each room says what belongs in it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reachable, sourceFiles } from '../support/import-graph';

const ROOMS = readdirSync(join(ROOT, 'lib')).filter((n) => statSync(join(ROOT, 'lib', n)).isDirectory());
const KNOWN_ROOMS = ['background', 'collect', 'core', 'db', 'export', 'files', 'i18n', 'page', 'protocol', 'ui'];
const libFiles = sourceFiles('lib').filter((f) => !f.endsWith('.d.ts'));
const entryFiles = [...sourceFiles('entrypoints'), ...sourceFiles('cli'), ...sourceFiles('scripts')];

describe('structure', () => {
  it('every file of lib/ sits in a room (lib/<room>/…), and every room is a known one', () => {
    const loose = readdirSync(join(ROOT, 'lib')).filter((n) => !statSync(join(ROOT, 'lib', n)).isDirectory());
    expect(loose, 'files directly under lib/: move each into the room where it runs (see CONTRIBUTING.md)').toEqual([]);
    expect(
      ROOMS.filter((r) => !KNOWN_ROOMS.includes(r)),
      'an unknown room: add it to eslint.config.js (its boundaries), this test and CONTRIBUTING.md',
    ).toEqual([]);
  });

  it('every room has a README.md that says what belongs in it', () => {
    for (const dir of [...ROOMS.map((r) => `lib/${r}`), 'components', 'components/overlay', 'entrypoints', 'test/support']) {
      expect(existsSync(join(ROOT, dir, 'README.md')), `${dir}/ has no README.md saying what belongs there`).toBe(true);
    }
  });

  it('file names are kebab-case', () => {
    const bad = [...libFiles, ...sourceFiles('components'), ...sourceFiles('test/unit')].filter(
      (f) => !/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.(?:test|spec|d))?\.tsx?$/.test(basename(f)),
    );
    expect(bad, 'rename these files in kebab-case').toEqual([]);
  });

  it('entrypoints only wire: no helper files loose in entrypoints/', () => {
    const loose = readdirSync(join(ROOT, 'entrypoints')).filter((n) => {
      const p = join(ROOT, 'entrypoints', n);
      return !statSync(p).isDirectory() && !/^(background|content|offscreen)\.ts$|^README\.md$/.test(n);
    });
    expect(loose, 'a helper in entrypoints/: move it to lib/ (WXT treats every file here as an entrypoint)').toEqual([]);
  });

  it('only live code in lib/: every file is used by an entrypoint or the CLI', () => {
    const live = reachable(entryFiles);
    const dead = libFiles.filter((f) => !live.has(f));
    expect(
      dead,
      'nothing the extension or the CLI runs imports these: use them or delete them (test-only helpers go in test/support/)',
    ).toEqual([]);
  });

  it('tests mirror the rooms: every file of lib/<room>/ is exercised by a test in test/unit/<room>/', () => {
    const missing: string[] = [];
    for (const room of ROOMS) {
      const tests = sourceFiles(`test/unit/${room}`).filter((f) => /\.test\.tsx?$/.test(f));
      const covered = reachable(tests);
      for (const f of libFiles.filter((x) => x.startsWith(`lib/${room}/`))) if (!covered.has(f)) missing.push(f);
    }
    expect(
      missing,
      'no test in the mirrored folder imports these (directly or through what it tests): add test/unit/<room>/<name>.test.ts',
    ).toEqual([]);
  });
});

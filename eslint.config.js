// @ts-check
/**
 * Lint, with the rooms of lib/ guarded (docs/architecture in CONTRIBUTING.md):
 *   core      pure domain code — imports nothing outside lib/core (and no extension, DOM-store or UI library)
 *   page      the content script's side — never db, background, ui, export; protocol types only
 *   export    pure writers — never db
 *   db        Dexie — never page, background, ui
 *   ui        extension pages — never page, background
 *   background — never page, ui, preact
 *   files     file readers (PDF, DOCX → HTML for the core) — bytes in, data out: no extension APIs, db, page, ui
 *   components — props in, events out: no browser APIs, no Dexie
 * plus a maximum file length. `npm test` runs it first (scripts/test.sh).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const rooms = ['core', 'page', 'background', 'db', 'export', 'ui', 'protocol', 'i18n', 'files', 'collect'];
/** import patterns that reach room `r` of lib/, from anywhere */
const into = (r) => [`@/lib/${r}/*`, `**/lib/${r}/*`, `../${r}/*`, `../../lib/${r}/*`];
const EXTENSION_APIS = ['wxt/browser', 'webextension-polyfill', 'wxt/*'];

/** `no-restricted-imports` for a room: the rooms it may not import, and packages it may not use. */
function guard(files, { rooms: banned = [], packages = [], typeOnly = [], message }) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned.map((r) => ({ group: into(r), message: `${message} (lib/${r}/ is out of bounds here)` })),
            ...typeOnly.map((r) => ({ group: into(r), allowTypeImports: true, message: `${message} (lib/${r}/: type-only imports)` })),
            ...(packages.length ? [{ group: packages, message: `${message} (package ${packages.join(', ')})` }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'coverage/', 'test/fixtures/', 'test/generator/findings/', 'lib/core/t2s-table.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // control characters are matched on purpose (XML-invalid characters, CSV formula escapes)
      'no-control-regex': 'off',
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['test/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },
  guard(['lib/core/**'], {
    rooms: rooms.filter((r) => r !== 'core'),
    packages: [...EXTENSION_APIS, 'dexie', 'preact', 'preact/*', '../*', '@/*', '!@/lib/core/*'],
    message: 'lib/core is pure: it imports only lib/core',
  }),
  guard(['lib/page/**'], {
    rooms: ['db', 'background', 'ui', 'export', 'files', 'collect'],
    typeOnly: ['protocol'],
    packages: ['dexie', ...EXTENSION_APIS, 'zod'],
    message: 'lib/page runs in every gov.cn page: no database, background, UI or export code, no zod',
  }),
  guard(['lib/export/**'], {
    rooms: ['db', 'background', 'page', 'ui'],
    packages: ['dexie', ...EXTENSION_APIS],
    message: 'lib/export holds pure writers',
  }),
  guard(['lib/db/**'], { rooms: ['page', 'background', 'ui'], packages: ['preact', 'preact/*'], message: 'lib/db is the database only' }),
  guard(['lib/ui/**'], { rooms: ['page', 'background'], message: 'lib/ui is the extension pages’ side' }),
  guard(['lib/background/**'], {
    rooms: ['page', 'ui'],
    packages: ['preact', 'preact/*'],
    message: 'lib/background runs in the service worker',
  }),
  guard(['lib/protocol/**', 'lib/i18n/**'], {
    rooms: ['page', 'background', 'ui', 'db'],
    message: 'shared shapes and words depend on the core only',
  }),
  guard(['lib/files/**'], {
    rooms: ['page', 'background', 'ui', 'db', 'export', 'collect'],
    packages: [...EXTENSION_APIS, 'dexie', 'preact', 'preact/*'],
    message: 'lib/files reads bytes into HTML for the core: no extension APIs, database or UI',
  }),
  guard(['components/**'], {
    rooms: ['background', 'db', 'page'],
    typeOnly: ['ui'],
    packages: ['dexie', ...EXTENSION_APIS],
    message: 'components take props and send events: no browser APIs, no Dexie',
  }),
);

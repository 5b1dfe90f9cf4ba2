// Lint: the recommended JavaScript and typescript-eslint rules (syntactic, not type-aware: a
// type-aware pass doubles the run and `npm run typecheck` already runs the compiler), and the
// direction of imports between the top-level folders, as the README's layer table states it.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const FOLDERS = [
  'shared',
  'api',
  'functions',
  'infra',
  'local',
  'cli',
  'bench',
  'scripts',
  'generators',
  'console',
  'test',
];

/** What each folder may import besides itself (and config/, npm packages); everything else is refused. */
const MAY_IMPORT = {
  shared: [],
  api: ['shared'],
  functions: ['shared', 'api'],
  infra: ['shared'],
  local: ['shared', 'api'],
  cli: ['local', 'shared', 'api'],
  generators: ['shared'],
  bench: ['local', 'infra', 'api', 'shared', 'generators', 'scripts'],
  scripts: ['bench', 'local', 'infra', 'shared', 'generators'],
  // The browser checks forms with the contract's own zod schemas (and its calendar); nothing else of shared/.
  console: ['api', 'shared'],
};

const zones = Object.entries(MAY_IMPORT).map(([target, allowed]) => ({
  target: `./${target}`,
  from: FOLDERS.filter((folder) => folder !== target && !allowed.includes(folder)).map((folder) => `./${folder}`),
  message: `${target}/ may import only ${[target, ...allowed, 'config'].join(', ')} (README: Where things are)`,
}));

/** Inside shared/: contract → rules → adapters (storage, queues) → use cases (pipeline, operations). */
const SHARED_LAYERS = [
  {
    target: './shared/contract',
    from: ['rules', 'storage', 'queues', 'pipeline', 'operations', 'powertools', 'resources', 'ids'],
  },
  { target: './shared/rules', from: ['storage', 'queues', 'pipeline', 'operations', 'powertools', 'resources', 'ids'] },
  { target: './shared/storage', from: ['queues', 'pipeline', 'operations'] },
  { target: './shared/queues', from: ['storage', 'pipeline', 'operations'] },
  {
    target: './shared/resources',
    from: ['rules', 'storage', 'queues', 'pipeline', 'operations', 'powertools', 'ids', 'time'],
  },
].map(({ target, from }) => ({
  target,
  from: from.map((folder) => `./shared/${folder}`),
  message: `inside shared/, ${target.slice(2)} may not import from ${from.join(', ')} (README: Where things are)`,
}));

/** The console bundles for the browser: of shared/ only the contract, the calendar and the assessment labels it uses. */
const CONSOLE_SHARED = {
  target: './console',
  from: ['rules', 'storage', 'queues', 'pipeline', 'operations', 'powertools', 'resources', 'ids'].map(
    (folder) => `./shared/${folder}`,
  ),
  message: 'console/ may import of shared/ only contract/, time/ and assessment/ (README: Where things are)',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'schemas/', 'results/', 'console/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...zones, ...SHARED_LAYERS, CONSOLE_SHARED] }] },
  },
);

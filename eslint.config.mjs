import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const electronImportBan = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron: services must run in plain Node.' }],
  patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload may import electron.' }],
};

/*
 * The layers of docs/architecture.md ("Layers"), enforced on resolved paths (import-x/no-restricted-paths),
 * so `../../x` and `../x` are judged by the file they reach. Each zone is an allow-list: a folder may import
 * only the folders named in `allowed` (and npm packages, restricted separately below where a layer must not
 * use them). Every message starts with the rule's name, [layers/<name>]; test/unit/lint/layer-rules.test.ts
 * proves each one.
 */
const LAYERS_DOC = 'see docs/architecture.md, "Layers"';

/** A zone named `name`: files under `target` may import, from this repository, only `allowed` (and themselves). */
function zone(name, target, allowed, why, from = '.') {
  return { name, target, from, except: [...allowed, './node_modules'], message: `[layers/${name}] ${why} (${LAYERS_DOC}).` };
}

const TOP_ZONES = [
  zone('renderer', './renderer/src', ['./renderer', './electron/contract', './shared'], 'The renderer may import only renderer/, electron/contract and shared/'),
  zone('shared', './shared', ['./shared'], 'shared/ holds pure code for every layer and imports nothing but itself'),
  zone('native', './native', ['./native', './shared', './resources'], 'native/ imports nothing above it: only native/, shared/ and resources/'),
  zone('contract', './electron/contract', ['./electron/contract', './shared'], 'electron/contract imports only itself, zod and shared/'),
  zone(
    'services',
    './electron/services',
    ['./electron/services', './electron/contract', './native', './shared', './resources'],
    'electron/services imports no host, main, preload or renderer code: only services, the contract, native/ and shared/',
  ),
  zone(
    'host',
    './electron/host',
    ['./electron/host', './electron/services', './electron/contract', './native', './shared', './resources'],
    'electron/host imports no main, preload or renderer code',
  ),
  // The composition root wires the feature modules; nothing else in the host reaches into them.
  zone(
    'host-features',
    ['./electron/host/!(app).ts', './electron/host/cli/**', './electron/host/devices/**'],
    [],
    'Only electron/host/app.ts (the composition root) and the feature modules themselves import electron/host/features',
    './electron/host/features',
  ),
];

/**
 * Layers inside electron/services, lowest first. A folder imports only folders of LOWER tiers (never a
 * sibling of its own tier, never a higher one). A new services folder must be added here (the layer-rules
 * test checks that every folder is listed).
 */
export const SERVICE_TIERS = [
  ['store'],
  // catalogues: reference data (regions, hospitals, holidays) every business layer reads.
  ['audit', 'operators', 'printing', 'devices', 'catalogues'],
  ['platform', 'policy', 'reception'],
  // privacy's retention purges platform's person cache and writes audit entries.
  ['cases', 'privacy'],
  ['outbox', 'reimbursement'],
  // paper: the signed forms of a case and the 日结, read from cases, reimbursement and printing (not from desk).
  ['desk', 'paper'],
];

const SERVICE_ZONES = SERVICE_TIERS.flatMap((tier, i) => {
  const below = SERVICE_TIERS.slice(0, i).flat();
  return tier.map((folder) =>
    zone(
      'services-order',
      `./electron/services/${folder}`,
      [`./${folder}`, ...below.map((f) => `./${f}`)],
      below.length
        ? `electron/services/${folder} may import only the service layers below it: ${below.join(', ')} (order: ${SERVICE_TIERS.map((t) => t.join('|')).join(' → ')})`
        : `electron/services/${folder} is the lowest service layer and imports no other services folder`,
      './electron/services',
    ),
  );
});

const ZONES = [...TOP_ZONES, ...SERVICE_ZONES];

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** import-x options with every zone (no waivers: every crossing found in issue 12 is gone). */
function layerRule() {
  return ['error', { basePath: ROOT, zones: ZONES.map(({ name: _name, ...z }) => z) }];
}

/** no-restricted-imports for a layer that must not use Node's built-in modules (nor electron). */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
function noNodeImports(layer, extraPatterns = []) {
  return {
    paths: [
      ...electronImportBan.paths,
      ...NODE_BUILTINS.map((name) => ({ name, message: `[layers/${layer}-no-node] ${layer} code runs without Node: no built-in modules (${LAYERS_DOC}).` })),
    ],
    patterns: [...electronImportBan.patterns, ...extraPatterns],
  };
}


export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'renderer/dist/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-imports': ['error', electronImportBan],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['electron/**/*.{ts,tsx}', 'native/**/*.{ts,tsx}', 'renderer/src/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: { 'import-x/no-restricted-paths': layerRule() },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/src/**'],
    rules: { 'no-restricted-imports': ['error', noNodeImports('renderer')] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        noNodeImports('shared', [{ regex: '^[^.]', message: `[layers/shared] shared/ is pure: no npm packages (${LAYERS_DOC}).` }]),
      ],
    },
  },
  {
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        noNodeImports('contract', [{ regex: '^(?!zod$)[^.]', message: `[layers/contract] electron/contract imports only itself, zod and shared/ (${LAYERS_DOC}).` }]),
      ],
    },
  },
  {
    // Byte protocols match control characters on purpose.
    files: ['native/**', 'test/**'],
    rules: { 'no-control-regex': 'off' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    // Tests poke at raw JSON and malformed input on purpose.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);

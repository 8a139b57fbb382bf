import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Lint the architecture, not only the style: each layer may only import what it is allowed to.
const noDomNodeOrUi = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*'], message: 'shared/ is pure domain code: no React.' },
    { group: ['maplibre-gl', 'terra-draw', 'terra-draw-*'], message: 'maps live in renderer/map only.' },
    { group: ['dexie', 'dexie-*'], message: 'Dexie lives in renderer/db only.' },
    { group: ['electron'], message: 'Electron lives in electron/ only.' },
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url'], message: 'shared/ takes bytes, not paths: no Node.' },
    {
      group: ['../renderer/*', '../../renderer/*', '../../../renderer/*', '../electron/*', '../../electron/*', '../../../electron/*'],
      message: 'Dependencies point toward shared/, never back.',
    },
  ],
};

/** The feature folders (renderer/features/<name>), each its own lint block below. */
const FEATURES = readdirSync(new URL('./renderer/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const rendererPatterns = [
  { group: ['maplibre-gl', 'maplibre-gl/*', 'terra-draw', 'terra-draw-*'], message: 'maplibre and the drawing library live in renderer/map only.' },
  { group: ['dexie', 'dexie-*'], message: 'Dexie lives in renderer/db only.' },
  { group: ['electron', 'node:*', 'fs', 'path', 'child_process'], message: 'No Node or Electron in the renderer.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', 'bench/out/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', noDomNodeOrUi],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/map/**', 'renderer/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: rendererPatterns }] },
  },
  // The shell composes features; a feature never reaches back into the shell (STYLE: app/ imports features,
  // never the other way round), and reaches another feature only through its index.ts. UI primitives live in
  // renderer/ui, platform services in renderer/platform, stored-layer data shared by features and their workers
  // in renderer/data.
  ...FEATURES.map((feature) => ({
    files: [`renderer/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              group: ['**/app', '**/app/*'],
              message:
                'A feature does not import the shell (renderer/app): UI primitives are in renderer/ui, platform services in renderer/platform.',
            },
            {
              group: FEATURES.filter((o) => o !== feature).flatMap((o) => [`../${o}/*`, `../../${o}/*`, `../../../${o}/*`, `**/features/${o}/*`]),
              message: 'Another feature is reached through its index.ts only (shared data modules live in renderer/data).',
            },
          ],
        },
      ],
    },
  })),
  {
    // Below the features: primitives, platform services and stored-layer data know neither the shell nor any feature.
    files: ['renderer/ui/**/*.{ts,tsx}', 'renderer/platform/**/*.{ts,tsx}', 'renderer/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              group: ['**/app', '**/app/*', '**/features', '**/features/*', '**/features/**'],
              message: 'renderer/ui, renderer/platform and renderer/data sit below the features and the shell: they import neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/map/**/*.{ts,tsx}', 'renderer/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'node:*', 'fs', 'path', 'child_process'], message: 'No Node or Electron in the renderer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs}', 'tests/**/*.ts', '*.config.{ts,js}', '**/*.spec.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);

// Type-aware lint as errors, plus the layer boundaries of docs/ARCHITECTURE.md as restricted imports.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const io = ['fastify', 'fastify-*', '@fastify/*', 'kysely', 'pg', 'better-sqlite3', 'exceljs'];

export default tseslint.config(
  {
    ignores: [
      '.prof/**',
      '**/*.mjs',
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'bench/results/**',
      'bench/tmp/**',
      'server/bin/**',
      'web/scripts/**',
      'scripts/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['web/vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: io, message: 'core is framework-free: no HTTP or database. Put I/O in server/src/modules and pass data in.' },
            { group: ['**/server/**', '@duibiao/server*'], message: 'core must not import the server; the server imports core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...io, '@duibiao/core*', '@duibiao/server*', 'node:*'],
              message: 'contracts hold schemas only (web imports them): use zod and nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.rules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...io, '**/*.repo.ts', '**/*.service.ts', '**/db/database.ts'],
              message: 'rules are pure: no I/O. Let the service load data and pass it in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.repo.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', '@fastify/*', '**/*.service.ts', '**/*.routes.ts'],
              message: 'repositories are queries only: import db/ and schema types; services call repositories.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', '@fastify/*', '**/*.routes.ts'],
              message: 'services know nothing of HTTP: take (actor, input), throw AppError; routes adapt.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '@duibiao/server*', '@duibiao/core*', ...io],
              message: 'web talks to the server over HTTP: import shapes from @duibiao/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'server/test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

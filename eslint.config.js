import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'jest.config.js',
      'eslint.config.js',
      'src/api-client/openapi.d.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // the architecture (docs/architecture.md): only infrastructure adapters import a driver;
    // infrastructure and the shared kernel import no feature; a feature uses another feature
    // through its services and types, never its repositories, tables, listeners, jobs or routes
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/elements': [
        // metrics and logging serve every layer
        { type: 'observability', pattern: 'src/infrastructure/(metrics|logging)', mode: 'folder' },
        { type: 'infrastructure', pattern: 'src/infrastructure', mode: 'folder' },
        { type: 'kernel', pattern: 'src/(common|config|contract|events|ports)', mode: 'folder' },
        { type: 'app', pattern: 'src/*.ts', mode: 'file' },
        { type: 'feature', pattern: 'src/*', mode: 'folder', capture: ['feature'] },
      ],
    },
    rules: {
      'boundaries/element-types': [
        2,
        {
          default: 'allow',
          rules: [
            {
              from: ['infrastructure', 'observability'],
              disallow: ['feature', 'app'],
              message: 'infrastructure imports no feature (invert it: a port, or a domain event)',
            },
            {
              // the event map and the config name feature types; no feature code runs from here
              from: ['kernel'],
              disallow: ['feature', 'app'],
              importKind: 'value',
              message: 'the shared kernel imports no feature code (types only)',
            },
            {
              from: ['kernel'],
              disallow: ['infrastructure'],
              message: 'the shared kernel imports no adapter',
            },
          ],
        },
      ],
      'boundaries/entry-point': [
        2,
        {
          default: 'allow',
          rules: [
            {
              target: ['feature'],
              disallow: [
                '**/*.repository.ts',
                '**/sql-*.ts',
                '**/*.migrations.ts',
                '**/*.listener.ts',
                '**/*.job.ts',
                '**/*.controller.ts',
              ],
              message:
                "another feature's records, listeners, jobs and routes are its own: ask its service (docs/records.md)",
            },
          ],
        },
      ],
      'boundaries/external': [
        2,
        {
          default: 'allow',
          rules: [
            {
              from: ['feature', 'kernel', 'app'],
              disallow: ['better-sqlite3', '@electric-sql/*', 'pg', 'mqtt', 'aedes', '@influxdata/*', 'ws'],
              message: 'only infrastructure adapters import a driver (src/infrastructure/)',
            },
          ],
        },
      ],
    },
  },
  {
    // the composition root wires every feature's migrations and modules; the SQLite upgrade
    // writes an old file's records through each feature's repository, by design
    files: ['src/app.module.ts', 'src/upgrade/**/*.ts'],
    rules: { 'boundaries/entry-point': 'off' },
  },
  {
    // standalone scripts, deliberately outside the TypeScript build
    files: ['tools/**/*.mjs', 'scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly' },
    },
    rules: { eqeqeq: ['error', 'always'] },
  },
  {
    // worker threads that must run untranspiled
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { eqeqeq: ['error', 'always'] },
  },
);

import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Services may use libraries; their tests and benchmarks may also drive the simulators in tools. */
function moduleBoundaries(appDependencies, allow = []) {
  return {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: appDependencies },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
      {
        sourceTag: 'type:launcher',
        onlyDependOnLibsWithTags: ['type:app', 'type:tool', 'type:lib', 'type:contracts'],
      },
      { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.angular/**',
      '**/.data/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-console': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Nest declares its option bags as classes; passing literals is how the framework is used.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*'], message: 'Import across folders with @deskpilot/* aliases.' },
          ],
        },
      ],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(['type:lib', 'type:contracts'])],
    },
  },
  {
    // Angular's Validators are static functions that do not use `this`.
    files: ['frontend/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }] },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.suite.ts',
      '**/test/**/*.ts',
      '**/bench/**/*.ts',
      'frontend/e2e/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries(['type:lib', 'type:contracts', 'type:tool']),
      ],
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The gateway's answering, tickets and analytics tests run the real llm and whmcs-sync
    // services beside it, and its documents tests the real ingest and retrieval services on
    // RabbitMQ.
    files: ['services/gateway/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries(
          ['type:lib', 'type:contracts', 'type:tool'],
          ['@deskpilot/llm', '@deskpilot/ingest', '@deskpilot/retrieval', '@deskpilot/whmcs-sync'],
        ),
      ],
    },
  },
  prettier,
);

import tseslint from 'typescript-eslint';

// Import rules for src/ (one list, because a later config object replaces a rule's options
// rather than adding to them).
const NODE_BUILTINS = {
  group: ['node:*', 'fs', 'path', 'worker_threads', 'os', 'child_process'],
  message: 'src/ must run in browsers: no Node built-ins.',
};
// A family's `_private` modules are its own: another family (or core) must not reach into them.
// What two families need lives in src/core; what one family offers the others is a public module.
const OTHER_FAMILY_PRIVATE = {
  group: ['../*/_*', '../../*/_*'],
  message: "Another family's private (_-prefixed) module: move what you need to src/core, or make it a public module of that family.",
};
// The metrics are small pure functions: they must not depend on the estimator base classes.
const METRICS_NO_BASE = {
  group: ['../core/base', '**/core/base'],
  message: 'src/metrics is pure functions: no import of core/base (use the types in core/types).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'benchmarks/results/**', 'test/browser/.out/**', 'examples/playground/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use RandomState (randomState option) instead of Math.random.' },
      ],
      'no-restricted-imports': ['error', { patterns: [NODE_BUILTINS, OTHER_FAMILY_PRIVATE] }],
    },
  },
  {
    files: ['src/metrics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NODE_BUILTINS, OTHER_FAMILY_PRIVATE, METRICS_NO_BASE] }],
    },
  },
  {
    // typelearn/node: the one Node-only entry point (file paths); Node built-ins allowed.
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [OTHER_FAMILY_PRIVATE] }],
    },
  },
);

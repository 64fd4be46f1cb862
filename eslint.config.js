// Type-aware lint for the Worker and the Node side: the rules that catch real bugs (floating
// promises, misused promises, unsafe any), not style; Prettier owns the formatting.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/.wrangler/',
      'dist/',
      // Built by og/scripts/build-fonts.ts and wrangler.
      'og/dist/',
      'og/public/',
      'og/src/generated/',
      'test-results/',
      'bench/results/',
      '**/worker-configuration.d.ts',
      'worker-env.d.ts',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The Node side (publisher scripts, benchmark, Node-run tests, the Vitest config) is typed by
    // tsconfig.node.json. The project service only discovers files named tsconfig.json, so point
    // these files at their own project explicitly rather than letting them fall outside any.
    files: [
      'scripts/**',
      'bench/**',
      'og/scripts/**',
      'test/node/**',
      'vitest.config.ts',
      'worker-bindings.d.ts',
    ],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.node.json',
      },
    },
  },
  {
    // Plain JavaScript helpers (a Node loader hook the tests pass to `node --import`) are in no
    // tsconfig: lint them without type information.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)

// ESLint for the project's JavaScript (scripts/test.sh runs it): the recommended rules, which catch a name
// used but never defined, an import or variable left unused, unreachable code. Formatting is not its job.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // bindings.post.js is Emscripten glue pasted into the generated module (its Module, addOnPostRun), not a module
  { ignores: ['build/**', 'node_modules/**', 'wasm/bindings.post.js', 'web/lib'] }, // web/lib links to wasm/
  js.configs.recommended,
  {
    files: ['web/**/*.js', 'wasm/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.worker } },
  },
  // the JS API also runs under Node (it looks for `process` to know)
  { files: ['wasm/tinyformer.js'], languageOptions: { globals: { process: 'readonly' } } },
  // the benchmark's classic Worker script
  { files: ['tests/bench/bench-worker.js'], languageOptions: { sourceType: 'script', globals: { ...globals.worker } } },
  {
    files: ['tests/**/*.mjs', 'tests/**/*.js', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
];

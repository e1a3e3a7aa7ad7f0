// Lint as the official Office add-in templates do (typescript-eslint, react-hooks, office-addins),
// with formatting left to Prettier (`npm run format`), which runs on its own and is faster than
// running it through ESLint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/old-webview/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Nothing leaves the machine and cell text is data, never code.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Office.js lives in the adapter; the add-in rules guard its load/sync discipline.
    files: ['src/adapter/**/*.ts', 'src/commands/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The WPS add-in's entry script: plain ES5 in a page, its functions named by ribbon.xml.
    files: ['src/wps/addin/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script', ecmaVersion: 5 },
    rules: { 'no-var': 'off' },
  },
  {
    // Tests read terminal output, escapes and all.
    files: ['test/**/*.{ts,tsx}'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js', 'test/helpers/*.js', '*.js', '*.mjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

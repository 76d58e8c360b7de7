import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LAYERS = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'];

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'coverage', 'public', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The core is pure tensor maths: the page and the command line both call it.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LAYERS, message: 'src/core is pure: no React or store.' },
            {
              group: [
                '**/components/**',
                '**/store/**',
                '**/engine/**',
                '**/render/**',
                '**/image/**',
                '**/i18n/**',
                '**/cli/**',
              ],
              message: 'src/core must not import higher layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // Drawing turns tensors into pixels for the engine and the command line: no page state, no React.
    files: ['src/render/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LAYERS, message: 'src/render draws tensors: no React or store.' },
            {
              group: ['**/components/**', '**/store/**', '**/engine/**', '**/i18n/**', '**/cli/**'],
              message: 'src/render must not import higher layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // Messages and the language sit below the store: the store and the components import them.
    files: ['src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/components/**',
                '**/store/**',
                '**/engine/**',
                '**/render/**',
                '**/image/**',
                '**/cli/**',
              ],
              message:
                'src/i18n must not import the store or the page: pass the language, or use language.ts.',
            },
          ],
        },
      ],
    },
  },
);

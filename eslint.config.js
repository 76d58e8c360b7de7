import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LAYERS = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'];

/** A lower layer of src/ may not import the folders above it (nor React and zustand unless `react`). */
function layerGuard(folder, { react, above }) {
  const patterns = [
    { group: above.map((name) => `**/${name}/**`), message: `src/${folder} must not import higher layers.` },
  ];
  if (!react)
    patterns.unshift({ group: UI_LAYERS, message: `src/${folder} is below the page: no React or store.` });
  return { files: [`src/${folder}/**`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

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
  // The core is pure tensor maths: the page and the command line both call it.
  layerGuard('core', {
    react: false,
    above: ['components', 'store', 'engine', 'render', 'image', 'i18n', 'cli'],
  }),
  // Drawing turns tensors into pixels for the engine and the command line: no page state, no React.
  layerGuard('render', { react: false, above: ['components', 'store', 'engine', 'i18n', 'cli'] }),
  // Messages and the language sit below the store: the store and the components import them.
  layerGuard('i18n', { react: true, above: ['components', 'store', 'engine', 'render', 'image', 'cli'] }),
);

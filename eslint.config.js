import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const frameworkAndIo = ['vue', 'pinia', 'vue-router', 'vue-i18n', 'petite-vue-i18n', 'vant', 'localforage', 'fastify', 'kysely', 'pg', 'better-sqlite3']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'dev-dist/**'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', ...frameworkAndIo, '**/client/**', '**/server/**'], message: 'core is isomorphic: no DOM, Node or framework imports' }] },
      ],
    },
  },
  {
    files: ['src/client/**', 'src/sw.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'node:*', 'fastify', 'kysely'], message: 'the client never imports the server' }] }],
      // petite-vue-i18n's types declare the whole vue-i18n composer, but at run time it has `t` and
      // no `te`/`tm`/`rt`/`d`/`n`: calling one throws "is not a function" only in the browser.
      'no-restricted-syntax': [
        'error',
        {
          selector: "VariableDeclarator[init.callee.name='useI18n'] > ObjectPattern > Property[key.name=/^(te|tm|rt|d|n)$/]",
          message: 'petite-vue-i18n has no te/tm/rt/d/n at run time: use hasText() from i18n/index.ts, or format with Intl',
        },
        {
          selector: "MemberExpression[object.property.name='global'][property.name=/^(te|tm|rt|d|n)$/]",
          message: 'petite-vue-i18n has no te/tm/rt/d/n at run time: use hasText() from i18n/index.ts, or format with Intl',
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**', 'vue', 'pinia', 'vant', 'localforage'], message: 'the server never imports the client' }] }],
    },
  },
)

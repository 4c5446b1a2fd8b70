import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath } from 'node:url'

/** The message files: the app's (Chinese in two parts, English) and the bureau workspace's lazily merged pair. */
export const MESSAGE_FILES = ['src/client/i18n/{zh-CN,zh-CN.later,en}.ts', 'src/client/features/bureau/i18n/*.ts', 'src/client/features/bureau/builder/i18n/{zh-CN,en}.ts']

/**
 * vue-i18n's own message compiler, run at build time: each text becomes a message AST that
 * petite-vue-i18n's runtime-only build evaluates, so no compiler ships to the phone and linked
 * messages, literal interpolation, plurals and the HTML check are vue-i18n's, not ours. The app
 * (vite.config.ts) and the tests (vitest.config.ts) both use this, so tests render texts the way
 * the phone does. `extra` adds message files only tests import.
 */
export function compiledMessages(extra: readonly string[] = []) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  return VueI18nPlugin({
    module: 'petite-vue-i18n',
    include: [...MESSAGE_FILES, ...extra].map((pattern) => `${root}${pattern}`),
    // Runtime-only build (the plugin aliases petite-vue-i18n to it) and no compiler in the bundle.
    runtimeOnly: true,
    dropMessageCompiler: true,
    compositionOnly: true,
    fullInstall: false,
    // A text with HTML in it fails the build instead of reaching v-html or the DOM unescaped.
    strictMessage: true,
  })
}

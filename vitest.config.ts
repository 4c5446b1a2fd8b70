import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vitest/config'
import { compiledMessages } from './scripts/compiledMessages.js'

export default defineConfig({
  // The same Vant auto-import as the app, so component tests render real Vant components; texts
  // compiled by the same plugin as the app's, so tests take the phone's path (plus one test-only file).
  plugins: [vue(), Components({ resolvers: [VantResolver()], dts: false, dirs: [] }), compiledMessages(['test/client/i18n/fixtures/*.ts'])],
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'client',
          include: ['test/client/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['test/client/setup.ts'],
          // Vant's ES build imports its CSS: let Vite transform it instead of Node loading it.
          server: { deps: { inline: ['vant'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})

import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { fileURLToPath } from 'node:url'
import { compiledMessages } from './scripts/compiledMessages.js'
import { firstScreenScript } from './scripts/firstScreenScript.js'
import { precompress } from './scripts/precompress.js'
import { vantIconSubset } from './scripts/vantIconSubset.js'

// Vant's icon font lists a CDN woff (at.alicdn.com) after its inline woff2: an offline-first app
// loads nothing from third parties, and the Content Security Policy would block it anyway.
const noRemoteFonts = {
  name: 'no-remote-fonts',
  enforce: 'pre' as const,
  transform: (code: string, id: string) =>
    /[\\/]vant[\\/].*\.css$/.test(id) && code.includes('at.alicdn.com') ? code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/g, '') : null,
}

const bureauOnly = /\/src\/client\/features\/bureau\/|\/node_modules\/(echarts|zrender|tslib)\//

export default defineConfig({
  plugins: [
    noRemoteFonts,
    // No Options API anywhere (script setup, Vant 4, vue-router, pinia): Vue drops its code.
    vue({ features: { optionsAPI: false } }),
    // Texts compiled at build time by vue-i18n's own compiler; petite-vue-i18n's runtime-only build.
    compiledMessages(),
    // Vant tree-shaken: only the components a template names are bundled, with their CSS.
    Components({ resolvers: [VantResolver()], dts: false, dirs: [] }),
    // Vant's icon font is 28 KB gzip on the first screen: keep the glyphs our screens can show.
    vantIconSubset({ root: fileURLToPath(new URL('.', import.meta.url)) }),
    VitePWA({
      // injectManifest: our own service worker, so it can also answer Background Sync.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // prompt, never autoUpdate: a new version waits until the user agrees and no form is open.
      registerType: 'prompt',
      injectRegister: false,
      // The bureau's workspace (ECharts included) is for desks online: school phones never precache it.
      injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,woff2}'], globIgnores: ['assets/bureau/**'] },
      manifest: {
        name: '校园填报 School Report',
        short_name: '校园填报',
        description: '学校安全检查、食堂评级、统计上报与责任书签署 — offline-first school reporting',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0f766e',
        background_color: '#f7f8fa',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      devOptions: { enabled: false },
    }),
    // The 待办 painted before the app's modules run, which it then starts (src/client/first-screen.js).
    firstScreenScript(fileURLToPath(new URL('src/client/first-screen.js', import.meta.url)), '/src/client/first-screen.js'),
    // After the build: .br and .gz beside every hashed text asset, served as they are.
    precompress(),
  ],
  define: {
    // compiledMessages() sets the other vue-i18n flags (no legacy API, no full install, no compiler).
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  // Android Chrome/WebView ≥ 100 (WeChat's browser included) and iOS Safari ≥ 16.
  // manifest: lets the budget test (test/e2e/budget.spec.ts) and bench/ count the first routes' chunks.
  build: {
    target: ['chrome100', 'safari16'],
    // The later icons' woff2 (scripts/vantIconSubset.ts) stays a file: inlined, it would be back in the first screen's CSS.
    assetsInlineLimit: (file: string) => (file.endsWith('.woff2') ? false : undefined),
    sourcemap: false, manifest: true,
    rolldownOptions: {
      output: {
        // Chunks made only of the bureau's workspace and its chart library go to assets/bureau/,
        // which the service worker leaves out of the precache (see injectManifest above).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => bureauOnly.test(id)) ? 'assets/bureau/[name]-[hash].js' : 'assets/[name]-[hash].js',
        // The form engine (validation, the core/forms logic and date-fns, shared by the fill screen,
        // hazards, pledges and the bureau) as one lazy chunk: split by importer it made six, each a
        // file name in the first screen's preload map (budget.spec). Only modules no first-screen
        // code imports belong here, or the chunk would join the first screen.
        codeSplitting: { groups: [{ name: 'form-engine', includeDependenciesRecursively: false, test: /src[\\/]core[\\/](answerShapes|hashes|messages|rates|validate|forms[\\/](fieldTypes|walkForm|conditions|expressions|scope|itemPath))\.ts$|node_modules[\\/](date-fns|@date-fns[\\/]tz)[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
})

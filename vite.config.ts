import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const bureauOnly = /\/src\/client\/features\/bureau\/|\/node_modules\/(echarts|zrender|tslib)\//

export default defineConfig({
  plugins: [
    vue(),
    // Vant tree-shaken: only the components a template names are bundled, with their CSS.
    Components({ resolvers: [VantResolver()], dts: false, dirs: [] }),
    VitePWA({
      // injectManifest: our own service worker, so it can also answer Background Sync.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // prompt, never autoUpdate: a new version waits until the user agrees and no form is open.
      registerType: 'prompt',
      injectRegister: false,
      // The bureau's workspace (ECharts included) is for desks online: school phones never precache it.
      injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'], globIgnores: ['assets/bureau/**'] },
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
  ],
  // Android Chrome/WebView ≥ 100 (WeChat's browser included) and iOS Safari ≥ 16.
  build: {
    target: ['chrome100', 'safari16'],
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Chunks made only of the bureau's workspace and its chart library go to assets/bureau/,
        // which the service worker leaves out of the precache (see injectManifest above).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => bureauOnly.test(id)) ? 'assets/bureau/[name]-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
})

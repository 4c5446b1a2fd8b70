// The "framework floor": the libraries the app ships to a school phone, each used once the way the
// app uses it, with every Vant component the first screen shows, and nothing of ours; built with the
// app's own Vite config. The first-screen budget is stated against it (test/e2e/budget.spec.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildWithAppConfig, repoRoot } from './buildWithAppConfig.js'
import { measureFirstScreen, type FirstScreen } from './firstScreen.js'

/** What the first screen may weigh above the floor (gzip): the app's own code, texts and styles. */
export const OVER_FLOOR_BUDGET = 22 * 1024

const HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>baseline</title></head>
<body><div id="app"></div><script type="module" src="/main.ts"></script></body></html>
`

const FLOOR_HOME = `<script setup lang="ts">
import { ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { useRoute } from 'vue-router'
import { useCount } from './store'
const { t } = useI18n()
const route = useRoute()
const count = useCount()
const name = ref('')
</script>
<template>
  <van-notice-bar :text="t('hello')" />
  <van-nav-bar :title="t('hello')" />
  <van-form @submit="count.add">
    <van-cell-group inset>
      <van-field v-model="name" :label="t('hello')" />
      <van-cell :title="route.path" :label="String(count.n)" is-link to="/" />
    </van-cell-group>
    <van-button type="primary" block native-type="submit">{{ t('hello') }}</van-button>
  </van-form>
  <van-tabbar route>
    <van-tabbar-item to="/" icon="records-o" badge="1">{{ t('hello') }}</van-tabbar-item>
    <van-tabbar-item to="/me" icon="user-o">{{ t('hello') }}</van-tabbar-item>
  </van-tabbar>
</template>
`
const FLOOR_STORE = `import { defineStore } from 'pinia'
import { ref } from 'vue'
export const useCount = defineStore('count', () => {
  const n = ref(0)
  return { n, add: () => (n.value += 1) }
})
`
// petite-vue-i18n's runtime-only build with vue-i18n's dotted-key resolver, as the app; the text is
// a message function, the form the build-time compiler's output takes at run time. localforage
// with the IndexedDB driver and a UUID v7, as the outbox.
const FLOOR_MAIN = `import { resolveValue } from '@intlify/core-base'
import localforage from 'localforage'
import { createPinia } from 'pinia'
import { createApp, h } from 'vue'
import { createI18n } from 'petite-vue-i18n'
import { createRouter, createWebHistory, RouterView } from 'vue-router'
import { v7 } from 'uuid'
import { Workbox } from 'workbox-window'
import Home from './Home.vue'
const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { hello: () => '你好' } }, messageResolver: resolveValue })
const router = createRouter({ history: createWebHistory(), routes: [{ path: '/:any(.*)*', component: Home }] })
createApp({ render: () => h(RouterView) }).use(createPinia()).use(i18n).use(router).mount('#app')
void new Workbox('/sw.js').register()
const store = localforage.createInstance({ name: 'floor', storeName: 'records', driver: localforage.INDEXEDDB })
const id = v7()
void store.setItem(id, { id }).then(() => store.getItem(id))
`

const HELLO_APP = `<template>
  <van-nav-bar title="Hello" />
  <van-cell-group inset><van-cell title="Hello" label="Vue + Vant" is-link /></van-cell-group>
  <van-button type="primary" block>Hello</van-button>
</template>
`
const HELLO_MAIN = `import { createApp } from 'vue'\nimport App from './App.vue'\ncreateApp(App).mount('#app')\n`

/** A baseline lives under the repo (in .tmp/, ignored) so it resolves the same node_modules and Vant resolver. */
function writeBaseline(prefix: string, files: Record<string, string>): string {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', prefix))
  writeFileSync(join(dir, 'index.html'), HTML)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

export type Baseline = { readonly dir: string; readonly screen: FirstScreen }

export async function buildFrameworkFloor(): Promise<Baseline> {
  const dir = await buildWithAppConfig(writeBaseline('bench-floor-', { 'main.ts': FLOOR_MAIN, 'Home.vue': FLOOR_HOME, 'store.ts': FLOOR_STORE }), { withoutPwa: true })
  return { dir, screen: measureFirstScreen(dir, []) }
}

/** A Vue + Vant "hello": the smallest thing the same config builds. */
export async function buildHello(): Promise<Baseline> {
  const dir = await buildWithAppConfig(writeBaseline('bench-hello-', { 'main.ts': HELLO_MAIN, 'App.vue': HELLO_APP }), { withoutPwa: true })
  return { dir, screen: measureFirstScreen(dir, []) }
}

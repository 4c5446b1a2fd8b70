// npm run bench:bundle — the first screen a school phone downloads, beside two baselines built with
// the same Vite config: a Vue + Vant "hello", and the "framework floor" — the libraries the stack
// prescribes (Vue, vue-router, petite-vue-i18n, pinia, workbox-window) with every Vant component the
// first screen shows, used once each and nothing of ours — so the ratios show what the app adds.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtApp } from './appUnderTest.js'
import { buildWithAppConfig, repoRoot } from './buildWithAppConfig.js'
import { FIRST_SCREEN_BUDGET, FIRST_SCREEN_GOAL, kb, measureFirstScreen, type FirstScreen } from './firstScreen.js'

const HELLO_APP = `<template>
  <van-nav-bar title="Hello" />
  <van-cell-group inset><van-cell title="Hello" label="Vue + Vant" is-link /></van-cell-group>
  <van-button type="primary" block>Hello</van-button>
</template>
`
const HELLO_MAIN = `import { createApp } from 'vue'\nimport App from './App.vue'\ncreateApp(App).mount('#app')\n`
const HELLO_HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>hello</title></head>
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
const FLOOR_MAIN = `import { createPinia } from 'pinia'
import { createApp, h } from 'vue'
import { createI18n } from 'petite-vue-i18n'
import { createRouter, createWebHistory, RouterView } from 'vue-router'
import { Workbox } from 'workbox-window'
import Home from './Home.vue'
const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { hello: '你好' } }, messageCompiler: (source) => () => String(source) })
const router = createRouter({ history: createWebHistory(), routes: [{ path: '/:any(.*)*', component: Home }] })
createApp({ render: () => h(RouterView) }).use(createPinia()).use(i18n).use(router).mount('#app')
void new Workbox('/sw.js').register()
`

/** A baseline lives under the repo (in .tmp/, ignored) so it resolves the same node_modules and Vant resolver. */
function writeBaseline(prefix: string, files: Record<string, string>): string {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', prefix))
  writeFileSync(join(dir, 'index.html'), HELLO_HTML)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

function summary(name: string, screen: FirstScreen): Record<string, string | number> {
  const js = screen.files.filter((file) => file.kind === 'js')
  const css = screen.files.filter((file) => file.kind === 'css')
  return {
    build: name,
    files: screen.files.length,
    'JS gzip KB': kb(js.reduce((sum, file) => sum + file.gzip, 0)),
    'CSS gzip KB': kb(css.reduce((sum, file) => sum + file.gzip, 0)),
    'total gzip KB': kb(screen.gzip),
    'raw KB': kb(screen.bytes),
  }
}

const appDir = await builtApp()
const helloDir = await buildWithAppConfig(writeBaseline('bench-hello-', { 'main.ts': HELLO_MAIN, 'App.vue': HELLO_APP }), { withoutPwa: true })
const floorDir = await buildWithAppConfig(writeBaseline('bench-floor-', { 'main.ts': FLOOR_MAIN, 'Home.vue': FLOOR_HOME, 'store.ts': FLOOR_STORE }), { withoutPwa: true })
const app = measureFirstScreen(appDir)
const hello = measureFirstScreen(helloDir, [])
const floor = measureFirstScreen(floorDir, [])

console.log('\nFirst screen of the app (login + form list for a school user), per file:')
console.table(app.files.map((file) => ({ file: file.file, via: file.via, 'raw KB': kb(file.bytes), 'gzip KB': kb(file.gzip) })))
console.log('\nFirst screen, app vs two baselines built with the same config:')
console.table([summary('app', app), summary('framework floor (stack libraries + first-screen Vant components)', floor), summary('hello (Vue + Vant)', hello)])
console.log(`framework floor = ${kb(floor.gzip)} KB: the app's own code, texts and styles add ${kb(app.gzip - floor.gzip)} KB (app ÷ floor = ${(app.gzip / floor.gzip).toFixed(2)}×)`)
const ratio = app.gzip / hello.gzip
const against = (limit: number): string => (app.gzip <= limit ? `within (${kb(limit - app.gzip)} KB to spare)` : `OVER by ${kb(app.gzip - limit)} KB`)
console.log(`app ÷ hello = ${ratio.toFixed(2)}×`)
console.log(`goal ${kb(FIRST_SCREEN_GOAL)} KB gzip: ${against(FIRST_SCREEN_GOAL)}; asserted budget ${kb(FIRST_SCREEN_BUDGET)} KB: ${against(FIRST_SCREEN_BUDGET)}`)
console.log(`(builds kept in ${appDir}, ${floorDir} and ${helloDir})`)

// npm run bench:bundle — the first screen a school phone downloads, beside a Vue + Vant "hello" built
// with the same Vite config, so the ratio shows what the app itself adds.
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

/** The hello lives under the repo (in .tmp/, ignored) so it resolves the same node_modules and Vant resolver. */
function writeHello(): string {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'bench-hello-'))
  writeFileSync(join(dir, 'index.html'), HELLO_HTML)
  writeFileSync(join(dir, 'main.ts'), HELLO_MAIN)
  writeFileSync(join(dir, 'App.vue'), HELLO_APP)
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
const helloDir = await buildWithAppConfig(writeHello(), { withoutPwa: true })
const app = measureFirstScreen(appDir)
const hello = measureFirstScreen(helloDir, [])

console.log('\nFirst screen of the app (login + form list for a school user), per file:')
console.table(app.files.map((file) => ({ file: file.file, via: file.via, 'raw KB': kb(file.bytes), 'gzip KB': kb(file.gzip) })))
console.log('\nFirst screen, app vs a Vue + Vant hello built with the same config:')
console.table([summary('app', app), summary('hello (Vue + Vant)', hello)])
const ratio = app.gzip / hello.gzip
const against = (limit: number): string => (app.gzip <= limit ? `within (${kb(limit - app.gzip)} KB to spare)` : `OVER by ${kb(app.gzip - limit)} KB`)
console.log(`app ÷ hello = ${ratio.toFixed(2)}×`)
console.log(`goal ${kb(FIRST_SCREEN_GOAL)} KB gzip: ${against(FIRST_SCREEN_GOAL)}; asserted budget ${kb(FIRST_SCREEN_BUDGET)} KB: ${against(FIRST_SCREEN_BUDGET)}`)
console.log(`(builds kept in ${appDir} and ${helloDir})`)

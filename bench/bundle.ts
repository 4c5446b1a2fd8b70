// npm run bench:bundle — the first screen a school phone downloads, beside two baselines built with
// the same Vite config: a Vue + Vant "hello", and the "framework floor" (bench/frameworkFloor.ts) — the
// libraries the app ships (Vue, vue-router, petite-vue-i18n, pinia, workbox-window, localforage, uuid)
// with every Vant component the first screen shows, used once each and nothing of ours — so the
// ratios show what the app adds, and the asserted budget is floor + 22 KB.
import { builtApp } from './appUnderTest.js'
import { kb, measureFirstScreen, type FirstScreen } from './firstScreen.js'
import { buildFrameworkFloor, buildHello, OVER_FLOOR_BUDGET } from './frameworkFloor.js'

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
const hello = await buildHello()
const floor = await buildFrameworkFloor()
const app = measureFirstScreen(appDir)

console.log('\nFirst screen of the app (login + form list for a school user), per file:')
console.table(app.files.map((file) => ({ file: file.file, via: file.via, 'raw KB': kb(file.bytes), 'gzip KB': kb(file.gzip) })))
console.log('\nFirst screen, app vs two baselines built with the same config:')
console.table([summary('app', app), summary('framework floor (the app\'s libraries + first-screen Vant components)', floor.screen), summary('hello (Vue + Vant)', hello.screen)])
const over = app.gzip - floor.screen.gzip
console.log(`framework floor = ${kb(floor.screen.gzip)} KB: the app's own code, texts and styles add ${kb(over)} KB (app ÷ floor = ${(app.gzip / floor.screen.gzip).toFixed(2)}×)`)
console.log(`app ÷ hello = ${(app.gzip / hello.screen.gzip).toFixed(2)}×`)
const budget = floor.screen.gzip + OVER_FLOOR_BUDGET
console.log(`asserted budget: floor + ${kb(OVER_FLOOR_BUDGET)} KB = ${kb(budget)} KB gzip: ${app.gzip <= budget ? `within (${kb(budget - app.gzip)} KB to spare)` : `OVER by ${kb(app.gzip - budget)} KB`}`)
console.log(`(builds kept in ${appDir}, ${floor.dir} and ${hello.dir})`)

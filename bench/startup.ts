// npm run bench:startup — on a phone-sized Chromium with the network off and the CPU slowed 4×
// (CDP Emulation.setCPUThrottlingRate): cold start from the service worker to a usable form, and
// tap submit → "saved on this phone" for the canteen grading (19 fields) and for a food-hygiene
// inspection with three photos; the compression of a 12-megapixel photo is timed too. A fixed
// JavaScript workload run in the same throttled page is the yardstick for this machine's speed.
import type { BrowserContext, Page } from '@playwright/test'
import { serveBuiltApp, signIn, waitForServiceWorker } from './appUnderTest.js'
import { launchChromium, phoneContext } from './chromium.js'
import { fillFoodHygiene, openFormOn, timeCameraPhoto, timeSubmit } from './photoForm.js'
import { pngPhoto } from './pngPhoto.js'
import { throttledPage as slowPage, yardstick } from './yardstick.js'

const PORT = Number(process.env['BENCH_PORT'] ?? 8340)
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3)
const CPU_SLOWDOWN = 4
const CANTEEN_CHECKS = [
  'licence', 'healthCerts', 'management', 'purchaseRecords', 'storage', 'additives', 'rawCooked',
  'disinfection', 'samples', 'hygiene', 'pestControl', 'openKitchen', 'accompany', 'kitchenWaste',
]

function throttledPage(context: BrowserContext): Promise<Page> {
  return slowPage(context, CPU_SLOWDOWN)
}

async function offline(context: BrowserContext): Promise<void> {
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
}

/** From navigation to the form list, then from tapping a form to its first item answerable. */
async function coldStart(context: BrowserContext): Promise<{ home: number; form: number; yard: number }> {
  const page = await throttledPage(context)
  const started = Date.now()
  await page.goto('/')
  await page.locator('.form-entry[data-form="canteen-grading"]').waitFor()
  const home = Date.now() - started
  const tapped = Date.now()
  await page.locator('.form-entry[data-form="canteen-grading"]').click()
  await page.locator('[data-field="licence"] .check__choice--pass').waitFor()
  const form = Date.now() - tapped
  const yard = await yardstick(page)
  await page.close()
  return { home, form, yard }
}

async function openForm(context: BrowserContext, formId: string): Promise<Page> {
  return openFormOn(await throttledPage(context), formId)
}

async function submitCanteen(context: BrowserContext): Promise<number> {
  const page = await openForm(context, 'canteen-grading')
  for (const id of CANTEEN_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  await page.locator('[data-field="mealFeeShare"] input').fill('91.5')
  const ms = await timeSubmit(page)
  await page.close()
  return ms
}

async function submitWithPhotos(context: BrowserContext): Promise<{ submit: number; bigPhoto: number }> {
  const page = await openForm(context, 'food-hygiene')
  await fillFoodHygiene(page, [1, 2, 3].map((index) => ({ name: `scene-${index}.png`, mimeType: 'image/png', buffer: pngPhoto(1600, 1200, index * 60) })))
  const submit = await timeSubmit(page)
  await page.close()
  return { submit, bigPhoto: await timeCameraPhoto(context, CPU_SLOWDOWN) }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const server = await serveBuiltApp(PORT)
const browser = await launchChromium()
try {
  const context = await phoneContext(browser, server.url)
  const setup = await context.newPage()
  await signIn(setup)
  await waitForServiceWorker(setup)
  await setup.close()
  await offline(context)

  const starts = []
  for (let run = 0; run < RUNS; run++) starts.push(await coldStart(context))
  const canteen = []
  for (let run = 0; run < RUNS; run++) canteen.push(await submitCanteen(context))
  const photos = await submitWithPhotos(context)
  const yard = median(starts.map((start) => start.yard))

  console.log(`\nstartup: network off, CPU ${CPU_SLOWDOWN}× slower (CDP), 360 px phone; median of ${RUNS} runs where repeated`)
  const row = (what: string, ms: number, goal: string): Record<string, string | number> => ({
    what,
    ms: Math.round(ms),
    goal,
    '÷ yardstick': (ms / yard).toFixed(2),
  })
  console.table([
    row('yardstick: fixed JS + DOM workload in the throttled page (baseline)', yard, '-'),
    row('cold start from the service worker → form list shown', median(starts.map((start) => start.home)), '-'),
    row('tap a form → first item answerable', median(starts.map((start) => start.form)), '-'),
    row('cold start → usable form (sum)', median(starts.map((start) => start.home + start.form)), '≤ 1000'),
    row('submit → "saved on this phone", canteen grading (19 fields)', median(canteen), '≤ 200'),
    row('submit → "saved on this phone", food hygiene + 3 photos (17 fields)', photos.submit, '≤ 200'),
    row('12-megapixel photo picked → compressed and shown', photos.bigPhoto, '(timed)'),
  ])
  await context.close()
} finally {
  await browser.close()
  await server.close()
}

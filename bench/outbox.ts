// npm run bench:outbox — the outbox screen with 5,000 records on a 4×-slowed phone-sized Chromium:
// time from tapping the tab to the list shown, and scroll smoothness (frame times while scrolling
// from top to bottom). The yardstick (fixed JS + DOM work in the same page) is the baseline.
import type { Page } from '@playwright/test'
import { serveBuiltApp, signIn } from './appUnderTest.js'
import { launchChromium, phoneContext } from './chromium.js'
import { readSession, seedOutbox } from './outboxSeed.js'
import { textReport } from './textReport.js'
import { throttledPage, yardstick } from './yardstick.js'

const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 5000)
const PORT = Number(process.env['BENCH_PORT'] ?? 8350)
const CPU_SLOWDOWN = 4

/** Tap on the outbox tab → first row painted (the click event's timestamp to the next frame after it appears). */
async function openOutbox(page: Page): Promise<number> {
  const measured = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let tapAt = 0
        document.addEventListener('click', (event) => (tapAt = event.timeStamp), { capture: true, once: true })
        const observer = new MutationObserver(() => {
          if (tapAt > 0 && document.querySelector('.outbox__row')) {
            observer.disconnect()
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - tapAt)))
          }
        })
        observer.observe(document.body, { childList: true, subtree: true })
      }),
  )
  await page.getByTestId('tab-outbox').click()
  return measured
}

type Scroll = { frames: number; meanMs: number; p95Ms: number; longFrames: number; rowsInDom: number }

/**
 * Scrolls one step per frame, timing every frame: `pixels` per step from the top (a finger's
 * steady scroll), or, with pixels 0, from top to bottom in 40 jumps (a fling through everything),
 * or, with pixels -1, not at all (the page's own frame rate: the baseline).
 */
async function scrollThrough(page: Page, pixels: number): Promise<Scroll> {
  return page.evaluate(
    (perStep) =>
      new Promise<Scroll>((resolve) => {
        window.scrollTo(0, 0)
        const bottom = document.documentElement.scrollHeight - window.innerHeight
        const steps = perStep !== 0 ? 60 : 40
        const times: number[] = []
        let last = performance.now()
        let step = 0
        const frame = (now: number): void => {
          times.push(now - last)
          last = now
          if (step++ < steps) {
            if (perStep >= 0) window.scrollTo(0, perStep > 0 ? perStep * step : (bottom * step) / steps)
            requestAnimationFrame(frame)
            return
          }
          const sorted = times.slice(1).sort((a, b) => a - b)
          resolve({
            frames: sorted.length,
            meanMs: sorted.reduce((sum, time) => sum + time, 0) / sorted.length,
            p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
            longFrames: sorted.filter((time) => time > 50).length,
            rowsInDom: document.querySelectorAll('.outbox__row').length,
          })
        }
        requestAnimationFrame(frame)
      }),
    pixels,
  )
}

const server = await serveBuiltApp(PORT)
const browser = await launchChromium()
try {
  const context = await phoneContext(browser, server.url)
  const setup = await context.newPage()
  await signIn(setup)
  const { session, deviceId } = await readSession(setup)
  // Delivered reports (with receipts) and a few waiting ones, as a busy school's phone holds them.
  const now = Date.now()
  const records = Array.from({ length: RECORDS }, (_, index) => {
    const at = new Date(now - (RECORDS - index) * 60_000)
    const report = textReport(deviceId, at)
    const waiting = index >= RECORDS - 20
    return {
      ...report,
      state: waiting ? 'queued' : 'sent',
      attempts: 0,
      nextAttemptAt: now + 86_400_000,
      updatedAt: at.toISOString(),
      userId: session.user.id,
      ...(waiting ? {} : { receipt: { id: report.id, status: 'accepted', receivedAt: at.toISOString(), digest: '0'.repeat(64) } }),
    }
  })
  await seedOutbox(setup, records)
  await setup.close()

  const page = await throttledPage(context, CPU_SLOWDOWN)
  await page.goto('/forms')
  await page.locator('.form-entry').first().waitFor()
  const yard = await yardstick(page)
  const open = await openOutbox(page)
  await page.waitForTimeout(500)
  const idle = await scrollThrough(page, -1)
  const steady = await scrollThrough(page, 120)
  const scroll = await scrollThrough(page, 0)

  console.log(`\noutbox: ${RECORDS} records, CPU ${CPU_SLOWDOWN}× slower (CDP), 360 px phone`)
  console.table([
    { what: 'yardstick: fixed JS + DOM workload (baseline)', ms: Math.round(yard), '÷ yardstick': '1.00' },
    { what: 'tap the outbox tab → list painted', ms: Math.round(open), '÷ yardstick': (open / yard).toFixed(2) },
    { what: 'baseline: frames with no scrolling, same page: mean frame', ms: idle.meanMs.toFixed(1), '÷ yardstick': (idle.meanMs / yard).toFixed(2) },
    { what: `steady scroll, 120 px a frame: mean frame (${steady.frames} frames)`, ms: steady.meanMs.toFixed(1), '÷ yardstick': (steady.meanMs / yard).toFixed(2) },
    { what: 'steady scroll: 95th percentile frame', ms: steady.p95Ms.toFixed(1), '÷ yardstick': (steady.p95Ms / yard).toFixed(2) },
    { what: `fling top → bottom in 40 jumps: mean frame`, ms: scroll.meanMs.toFixed(1), '÷ yardstick': (scroll.meanMs / yard).toFixed(2) },
    { what: 'fling: 95th percentile frame', ms: scroll.p95Ms.toFixed(1), '÷ yardstick': (scroll.p95Ms / yard).toFixed(2) },
  ])
  console.log(`frames over 50 ms: steady ${steady.longFrames}/${steady.frames}, fling ${scroll.longFrames}/${scroll.frames}; rows in the DOM at the bottom: ${scroll.rowsInDom}`)
  await context.close()
} finally {
  await browser.close()
  await server.close()
}

// npm run bench:sync — drain 1,000 queued text reports from a Chromium page (the real app's sync
// engine, records seeded into its IndexedDB) to our local server; beside it, the same batches sent
// by a plain fetch loop from the same page: the engine's overhead shows as the ratio.
import { gzipSync } from 'node:zlib'
import type { Page, Request } from '@playwright/test'
import { MAX_BATCH } from '../src/core/protocol.js'
import { serveBuiltApp, signIn } from './appUnderTest.js'
import { launchChromium, phoneContext } from './chromium.js'
import { countSent, readSession, seedOutbox } from './outboxSeed.js'
import { textReport } from './textReport.js'

const REPORTS = Number(process.env['BENCH_REPORTS'] ?? 1000)
const PORT = Number(process.env['BENCH_PORT'] ?? 8320)

type Wire = { requests: number; requestBytes: number; requestBodyGzip: number; responseBytes: number }

function watchWire(page: Page): { wire: Wire; done: () => Promise<void> } {
  const wire: Wire = { requests: 0, requestBytes: 0, requestBodyGzip: 0, responseBytes: 0 }
  const pending: Promise<void>[] = []
  const onFinished = (request: Request): void => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/submissions')) return
    pending.push(
      request.sizes().then((sizes) => {
        wire.requests += 1
        wire.requestBytes += sizes.requestHeadersSize + sizes.requestBodySize
        wire.responseBytes += sizes.responseHeadersSize + sizes.responseBodySize
        wire.requestBodyGzip += gzipSync(request.postDataBuffer() ?? Buffer.alloc(0)).length
      }),
    )
  }
  page.on('requestfinished', onFinished)
  return {
    wire,
    done: async () => {
      page.off('requestfinished', onFinished)
      await Promise.all(pending)
    },
  }
}

function row(run: string, seconds: number, wire: Wire): Record<string, string | number> {
  return {
    run,
    reports: REPORTS,
    requests: wire.requests,
    seconds: seconds.toFixed(2),
    'reports/s': Math.round(REPORTS / seconds),
    'B/report up': Math.round(wire.requestBytes / REPORTS),
    'B/report up, body gzip': Math.round(wire.requestBodyGzip / REPORTS),
    'B/report down': Math.round(wire.responseBytes / REPORTS),
  }
}

const server = await serveBuiltApp(PORT)
const browser = await launchChromium()
try {
  const context = await phoneContext(browser, server.url)
  const page = await context.newPage()
  await signIn(page)
  const { session, deviceId } = await readSession(page)

  // The app's engine: seed while offline so nothing starts early, then the `online` event drains.
  const now = new Date()
  const records = Array.from({ length: REPORTS }, () => ({
    ...textReport(deviceId, now),
    state: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
    updatedAt: now.toISOString(),
    userId: session.user.id,
  }))
  await context.setOffline(true)
  await seedOutbox(page, records)
  const engineWire = watchWire(page)
  const started = performance.now()
  await context.setOffline(false)
  const ids = records.map((record) => record.id)
  while ((await countSent(page, ids)) < REPORTS) {
    if (performance.now() - started > 300_000) throw new Error(`the outbox did not drain within 5 minutes: ${await countSent(page, ids)} sent`)
    await page.waitForTimeout(50)
  }
  const engineSeconds = (performance.now() - started) / 1000
  await engineWire.done()

  // Baseline: the same number of reports, same batch size, fresh ids, one plain fetch per batch.
  const batches: unknown[][] = []
  for (let index = 0; index < REPORTS; index += MAX_BATCH) {
    batches.push(Array.from({ length: Math.min(MAX_BATCH, REPORTS - index) }, () => textReport(deviceId, now)))
  }
  const fetchWire = watchWire(page)
  const fetchMs = await page.evaluate(
    async ({ batches: all, token }) => {
      const t0 = performance.now()
      for (const submissions of all) {
        const response = await fetch('/api/v1/submissions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ submissions }),
        })
        await response.json()
      }
      return performance.now() - t0
    },
    { batches, token: session.token },
  )
  await fetchWire.done()

  console.log(`\nsync: ${REPORTS} queued text reports drained from Chromium to our server on 127.0.0.1:${PORT} (batches of ${MAX_BATCH})`)
  const engine = row('app sync engine (IndexedDB outbox → server, receipts written back)', engineSeconds, engineWire.wire)
  const plain = row('baseline: plain fetch of the same batches from the page', fetchMs / 1000, fetchWire.wire)
  console.table([engine, plain])
  console.log(`engine ÷ plain fetch time = ${(engineSeconds / (fetchMs / 1000)).toFixed(2)}×`)
  await context.close()
} finally {
  await browser.close()
  await server.close()
}

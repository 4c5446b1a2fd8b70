// npm run bench:upload — photo upload over a throttled link (CDP Network.emulateNetworkConditions:
// 1.6 Mbit/s up and down, 150 ms latency). Reports with photos are queued through the app itself
// (the food-hygiene form, photos compressed by the phone) while the server is unreachable; then
// the link comes back and the app's sync engine drains them. Beside it, from the same page under
// the same throttle, a plain fetch PUT of the same bytes: the rate shows against the link and
// against a bare fetch. The 12-megapixel compression on a 4× slowed CPU is timed as in bench:startup.
import type { Page, Request } from '@playwright/test'
import { serveBuiltApp, signIn, waitForServiceWorker } from './appUnderTest.js'
import { launchChromium, phoneContext } from './chromium.js'
import { describeMachine } from './machine.js'
import { countSent, readSession } from './outboxSeed.js'
import { fillFoodHygiene, openFormOn, timeCameraPhoto, timeSubmit } from './photoForm.js'
import { pngPhoto } from './pngPhoto.js'

const PORT = Number(process.env['BENCH_PORT'] ?? 8360)
const REPORTS = Number(process.env['BENCH_REPORTS'] ?? 3)
const PHOTOS_PER_REPORT = 3
/** 1.6 Mbit/s = 200,000 bytes/s each way; CDP's latency is added to every request. */
const LINK = { bytesPerSecond: 200_000, latencyMs: 150 }
const CPU_SLOWDOWN = 4

type Queued = { ids: string[]; photos: { hash: string; size: number }[] }

/** The queued records with photos, and each distinct photo's stored size, read from the app's IndexedDB. */
function readQueued(page: Page): Promise<Queued> {
  return page.evaluate(
    () =>
      new Promise<Queued>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction(['records', 'blobs'])
          const all = tx.objectStore('records').getAll()
          all.onsuccess = () => {
            const rows = (all.result as { id: string; state: string; attachments: string[] }[]).filter((row) => row.state === 'queued' && row.attachments.length > 0)
            const hashes = [...new Set(rows.flatMap((row) => row.attachments))]
            const photos: { hash: string; size: number }[] = []
            for (const hash of hashes) {
              const read = tx.objectStore('blobs').get(hash)
              read.onsuccess = () => photos.push({ hash, size: (read.result as { bytes: ArrayBuffer }).bytes.byteLength })
            }
            tx.oncomplete = () => resolve({ ids: rows.map((row) => row.id), photos })
          }
        }
      }),
  )
}

/**
 * Resolves once the app's engine says it is waiting with no pass due for `quietMs` (its 'outbox'
 * BroadcastChannel posts every state): the returning signal then meets an idle engine, as it
 * would after a while without signal, instead of racing a retry the timer started.
 */
function engineQuietFor(page: Page, quietMs: number): Promise<void> {
  return page.evaluate(
    (quiet) =>
      new Promise<void>((resolve, reject) => {
        const channel = new BroadcastChannel('outbox')
        const timer = setTimeout(() => reject(new Error('the sync engine did not settle within 60 s')), 60_000)
        channel.onmessage = (event: MessageEvent<{ state: { kind: string; nextAttemptAt?: number } }>) => {
          const { state } = event.data
          if (state.kind === 'waiting' && (state.nextAttemptAt ?? 0) - Date.now() > quiet) {
            clearTimeout(timer)
            channel.close()
            resolve()
          }
        }
      }),
    quietMs,
  )
}

/** Counts the API requests by method while the engine drains. */
function watchApi(page: Page): { counts: Record<string, number>; stop: () => void } {
  const counts: Record<string, number> = {}
  const onRequest = (request: Request): void => {
    if (!request.url().includes('/api/v1/')) return
    const path = new URL(request.url()).pathname.replace(/^\/api\/v1\//, '').replace(/\/[0-9a-f]{64}$/, '/:hash')
    const key = `${request.method()} ${path}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  page.on('request', onRequest)
  return { counts, stop: () => page.off('request', onRequest) }
}

/** The same bytes PUT one after another with a bare fetch (read from IndexedDB first, not timed). */
function plainFetchPut(page: Page, hashes: readonly string[], token: string): Promise<number> {
  return page.evaluate(
    async ({ wanted, bearer }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => resolve(open.result)
      })
      const blobs = await Promise.all(
        wanted.map(
          (hash) =>
            new Promise<{ hash: string; bytes: ArrayBuffer; type: string }>((resolve) => {
              const read = db.transaction('blobs').objectStore('blobs').get(hash)
              read.onsuccess = () => resolve({ hash, ...(read.result as { bytes: ArrayBuffer; type: string }) })
            }),
        ),
      )
      const started = performance.now()
      for (const blob of blobs) {
        const response = await fetch(`/api/v1/attachments/${blob.hash}`, {
          method: 'PUT',
          headers: { 'content-type': blob.type, authorization: `Bearer ${bearer}` },
          body: blob.bytes,
        })
        if (!response.ok) throw new Error(`PUT ${blob.hash}: HTTP ${response.status}`)
        await response.arrayBuffer()
      }
      return performance.now() - started
    },
    { wanted: hashes, bearer: token },
  )
}

const server = await serveBuiltApp(PORT)
const browser = await launchChromium()
try {
  const context = await phoneContext(browser, server.url)
  const page = await context.newPage()
  await signIn(page)
  await waitForServiceWorker(page)
  const { token } = (await readSession(page)).session

  // A principal without signal: the reports are filled, photographed and submitted; nothing leaves.
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'))
  for (let report = 0; report < REPORTS; report++) {
    await openFormOn(page, 'food-hygiene')
    const photos = Array.from({ length: PHOTOS_PER_REPORT }, (_, index) => {
      const tint = (report * PHOTOS_PER_REPORT + index) * 25
      return { name: `scene-${report}-${index}.png`, mimeType: 'image/png', buffer: pngPhoto(2000, 1500, tint) }
    })
    await fillFoodHygiene(page, photos)
    const quiet = report === REPORTS - 1 ? engineQuietFor(page, 3_000) : Promise.resolve()
    await timeSubmit(page)
    await quiet
  }
  const queued = await readQueued(page)
  const photoBytes = queued.photos.reduce((sum, photo) => sum + photo.size, 0)

  // The signal returns, slow: throttle first, then let requests through and tell the app.
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.latencyMs,
    downloadThroughput: LINK.bytesPerSecond,
    uploadThroughput: LINK.bytesPerSecond,
  })
  const api = watchApi(page)
  const started = performance.now()
  await context.unrouteAll()
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  while ((await countSent(page, queued.ids)) < queued.ids.length) {
    if (performance.now() - started > 300_000) throw new Error(`the outbox did not drain within 5 minutes: ${await countSent(page, queued.ids)} sent`)
    await page.waitForTimeout(50)
  }
  const engineSeconds = (performance.now() - started) / 1000
  api.stop()

  const fetchSeconds = (await plainFetchPut(page, queued.photos.map((photo) => photo.hash), token)) / 1000
  await page.close()
  const camera = await timeCameraPhoto(context, CPU_SLOWDOWN)

  const sizes = queued.photos.map((photo) => photo.size)
  console.log(
    `\nupload: ${queued.ids.length} reports × ${PHOTOS_PER_REPORT} photos (${Math.round(Math.min(...sizes) / 1000)}–${Math.round(Math.max(...sizes) / 1000)} KB each, compressed by the app) ` +
      `over ${(LINK.bytesPerSecond * 8) / 1e6} Mbit/s, ${LINK.latencyMs} ms latency (CDP), to our server on 127.0.0.1:${PORT}; load ${describeMachine()['load (1 min)']}`,
  )
  const row = (run: string, seconds: number): Record<string, string | number> => ({
    run,
    photos: queued.photos.length,
    'photo bytes': photoBytes,
    seconds: seconds.toFixed(2),
    'KB/s': (photoBytes / seconds / 1000).toFixed(1),
    'link KB/s': LINK.bytesPerSecond / 1000,
    '÷ link': `${((photoBytes / seconds / LINK.bytesPerSecond) * 100).toFixed(1)} %`,
  })
  console.table([
    row('app sync engine (photos then reports, receipts written back)', engineSeconds),
    row('baseline: plain fetch PUT of the same bytes, one after another', fetchSeconds),
  ])
  console.log(`engine ÷ plain fetch rate = ${((fetchSeconds / engineSeconds) * 100).toFixed(1)} %; goal: ≥ 90 % of the link`)
  console.log(`requests while draining: ${Object.entries(api.counts).map(([key, count]) => `${key} × ${count}`).join(', ')}`)
  console.log(`12-megapixel photo, CPU ${CPU_SLOWDOWN}× slower: change event → compressed, stored and shown ${Math.round(camera.inPage)} ms in the page (${camera.outside} ms as Playwright sees it, 11 MB handed over CDP first)`)
  await context.close()
} finally {
  await browser.close()
  await server.close()
}

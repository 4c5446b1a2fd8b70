import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type APIRequestContext, type BrowserContext, type Page, type Route } from '@playwright/test'
import { tinyPng } from '../server/images.js'
import { FIRE_CHECKS, goOffline, goOnline, signIn, waitForServiceWorkerControl } from './support.js'

/** Records every CSP violation the page reports, to assert the PWA runs under its policy. */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= [])
      list.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
}

/** Fills and submits a passing fire-safety check; returns the report id from the outbox URL. */
async function fileReport(page: Page, photo?: Buffer): Promise<string> {
  await page.goto('/forms')
  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  for (const id of FIRE_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  if (photo !== undefined) {
    const exits = page.locator('[data-field="exits"]')
    await exits.locator('[data-testid="photo-gallery"] input[type="file"]').setInputFiles({ name: 'exit.png', mimeType: 'image/png', buffer: photo })
    await expect(exits.locator('.photos__img')).toHaveCount(1)
  }
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  const id = page.url().split('/').pop() ?? ''
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  return id
}

type Stored = { id: string; digest: string; deviceId: string; attachments: string[] }

async function serverRows(request: APIRequestContext): Promise<Stored[]> {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'bureau', password: 'bureau123' } })
  const { token } = (await login.json()) as { token: string }
  const list = await request.get('/api/v1/submissions?formId=fire-safety&limit=200', { headers: { authorization: `Bearer ${token}` } })
  return ((await list.json()) as { submissions: Stored[] }).submissions
}

/** Each id is on the server exactly once, and the device sent nothing else since `before`. */
async function expectExactlyOnce(request: APIRequestContext, ids: readonly string[], before: ReadonlySet<string>): Promise<Stored[]> {
  const rows = await serverRows(request)
  const mine = rows.filter((row) => ids.includes(row.id))
  expect(mine.map((row) => row.id).sort()).toEqual([...ids].sort())
  const devices = new Set(mine.map((row) => row.deviceId))
  const fromDevice = rows.filter((row) => devices.has(row.deviceId) && !before.has(row.id))
  expect(fromDevice.map((row) => row.id).sort()).toEqual([...ids].sort())
  return mine
}

async function expectSent(page: Page, id: string): Promise<void> {
  await page.goto(`/outbox/${id}`)
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('receipt')).toContainText('与手机上保存的内容一致')
}

/**
 * Holds POST /submissions: forwards it (the server commits) and never answers, like a reply
 * lost when the tab goes away. Resolves once the server has the batch.
 */
async function holdSubmitReplies(context: BrowserContext): Promise<Promise<void>> {
  let committed: () => void = () => undefined
  const done = new Promise<void>((resolve) => (committed = resolve))
  await context.route('**/api/v1/submissions', async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue()
    await route.fetch()
    committed()
    // Never fulfilled: the page reloads or closes with the reply still out.
  })
  return done
}

test('a reload and a tab close in the middle of a sync lose nothing and double nothing', async ({ browser, request }) => {
  const violations: string[] = []
  const context = await browser.newContext()
  await watchCsp(context, violations)
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await waitForServiceWorkerControl(page)
  const before = new Set((await serverRows(request)).map((row) => row.id))

  await goOffline(context)
  const first = [await fileReport(page), await fileReport(page)]
  // Held before the signal returns: the sync the 'online' event starts is the one caught.
  const committed = await holdSubmitReplies(context)
  await goOnline(context)
  await page.locator('.sync__now').click()
  await committed
  // The server has the batch; the reply never comes: reload under it.
  await context.unroute('**/api/v1/submissions')
  await page.reload()
  for (const id of first) await expectSent(page, id)

  await goOffline(context)
  const second = await fileReport(page)
  const committedAgain = await holdSubmitReplies(context)
  await goOnline(context)
  await page.locator('.sync__now').click()
  await committedAgain
  // This time the tab is closed with the reply out; a new tab finishes the job.
  await context.unroute('**/api/v1/submissions')
  await page.close()
  const later = await context.newPage()
  await expectSent(later, second)

  const rows = await expectExactlyOnce(request, [...first, second], before)
  for (const row of rows) {
    await later.goto(`/outbox/${row.id}`)
    await expect(later.getByTestId('receipt')).toContainText(row.digest)
  }
  expect([...violations, ...(await cspViolations(later))]).toEqual([])
  await context.close()
})

test('a service-worker update while reports wait keeps them and delivers each once', async ({ browser, request }) => {
  const violations: string[] = []
  const context = await browser.newContext()
  await watchCsp(context, violations)
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await waitForServiceWorkerControl(page)
  const before = new Set((await serverRows(request)).map((row) => row.id))
  const oldWorker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '')

  // Reports wait: the server is unreachable for submissions.
  await context.route('**/api/v1/submissions', (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()))
  const ids = [await fileReport(page), await fileReport(page)]
  await page.goto('/outbox')

  // A new build of the service worker appears (same app, changed bytes), as after a deploy. The
  // browser fetches sw.js itself for the update check (no route sees it): change the served file.
  const swFile = join(process.cwd(), 'dist', 'sw.js')
  const original = await readFile(swFile, 'utf8')
  await writeFile(swFile, `${original}\n// update ${Date.now()}\n`)
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update()
    })
    await expect(page.locator('.update')).toBeVisible({ timeout: 30_000 })
  } finally {
    await writeFile(swFile, original)
  }
  // Accepting reloads the page once the new worker controls it: wait for that new document.
  const reloaded = page.waitForEvent('load')
  await page.locator('.update .update__go').click()
  await reloaded
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none').catch(() => 'navigating'), { timeout: 30_000 })
    .toBe('activated')
  await expect(page.locator('.update')).toHaveCount(0)
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '')).toBe(oldWorker)

  // Under the new worker the reports are still there, waiting; then the line comes back.
  for (const id of ids) await expect(page.locator(`.outbox__row[data-id="${id}"]`)).toBeVisible()
  await context.unroute('**/api/v1/submissions')
  for (const id of ids) await expectSent(page, id)
  await expectExactlyOnce(request, ids, before)
  expect([...violations, ...(await cspViolations(page))]).toEqual([])
  await context.close()
})

test('a photo upload through a flapping network arrives whole, with its report, once', async ({ browser, request }) => {
  // Each failure doubles the engine's backoff ceiling (2 s, 4 s, 8 s …): the last retry may wait a while.
  test.setTimeout(240_000)
  const violations: string[] = []
  const context = await browser.newContext()
  await watchCsp(context, violations)
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await waitForServiceWorkerControl(page)
  const before = new Set((await serverRows(request)).map((row) => row.id))

  // The faults are in place before the report exists: installed after the signal returns, the
  // upload could finish first on a fast (or idle) machine and the test would prove nothing.
  // The first uploads die mid-way, the first "which photos do you hold?" check fails; routes
  // registered later (goOffline's cut) take precedence over this one while the phone is offline.
  let puts = 0
  let heads = 0
  await context.route('**/api/v1/attachments/*', (route) => {
    const method = route.request().method()
    if (method === 'PUT' && ++puts <= 2) return route.abort('connectionreset')
    if (method === 'POST' && route.request().url().endsWith('/attachments/check') && ++heads === 1) return route.abort('connectionaborted')
    return route.continue()
  })
  await goOffline(context)
  const id = await fileReport(page, tinyPng(12, 200, 34))
  expect(puts + heads).toBe(0)

  // The line drops in and out until an upload has gone through the faults: each time it is
  // back, the phone tries again before the line drops once more (a state, not a timer, ends
  // each flap; one flap may see several tries, so the count of flaps is not fixed).
  for (let flap = 0; puts <= 2 && flap < 10; flap++) {
    const tried = puts + heads
    await goOnline(context)
    await expect
      .poll(async () => {
        await page.locator('.sync__now').click().catch(() => undefined)
        return puts + heads
      }, { timeout: 60_000, intervals: [500, 1_000, 2_000] })
      .toBeGreaterThan(tried)
    await goOffline(context)
  }
  await goOnline(context)
  await page.goto(`/outbox/${id}`)
  await expect
    .poll(async () => {
      await page.locator('.sync__now').click().catch(() => undefined)
      return page.locator('[data-state="sent"]').count()
    }, { timeout: 150_000, intervals: [1_000, 2_000, 3_000] })
    .toBeGreaterThan(0)
  expect(puts).toBeGreaterThan(2)

  const [row] = await expectExactlyOnce(request, [id], before)
  const login = await request.post('/api/v1/auth/login', { data: { username: 'bureau', password: 'bureau123' } })
  const { token } = (await login.json()) as { token: string }
  expect(row?.attachments).toHaveLength(1)
  const photo = await request.get(`/api/v1/attachments/${row?.attachments[0] ?? ''}`, { headers: { authorization: `Bearer ${token}` } })
  expect(photo.status()).toBe(200)
  const { createHash } = await import('node:crypto')
  expect(createHash('sha256').update(await photo.body()).digest('hex')).toBe(row?.attachments[0])
  expect([...violations, ...(await cspViolations(page))]).toEqual([])
  await context.close()
})

test('when the browser erases the outbox, the app says so instead of showing everything delivered', async ({ browser }) => {
  // No service worker here: it would hold the database open and delay the wipe.
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await context.route('**/api/v1/submissions', (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()))
  await fileReport(page)
  await page.goto('/outbox')
  await expect.poll(() => page.evaluate(() => localStorage.getItem('school-report.storage-marker') ?? '')).toContain('"waiting":1')

  // Storage gone (eviction, "clear data"), the marker beside it survived.
  await page.goto('/api/v1/health')
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('school-report')
        request.onsuccess = () => resolve()
        request.onerror = () => reject(request.error)
      }),
  )
  await page.goto('/')
  const banner = page.getByTestId('storage-lost')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('1 份报告尚未送达')
  // Signed in again, the empty outbox does not claim that everything was delivered.
  await page.getByLabel('用户名').fill('school1')
  await page.getByLabel('密码').fill('school123')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('tab-todo')).toBeVisible()
  await page.goto('/outbox')
  await expect(page.getByTestId('sync-status')).toContainText('无法确认全部送达')
  await page.getByTestId('storage-lost-ok').click()
  await expect(banner).toHaveCount(0)
  await expect(page.getByTestId('sync-status')).not.toContainText('无法确认全部送达')
  await context.close()
})

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { apiToken, FIRE_CHECKS, signIn } from './support.js'

/**
 * iOS WeChat and some Android shells run the page without a service worker: nothing is
 * precached. The phone must still file and keep reports for the rest of the visit offline, open
 * its screens, and say once that it cannot open offline from a cold start.
 */
async function screensWarmed(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name)
    return ['FormFillView', 'OutboxView', 'OutboxDetailView', 'HazardListView'].every((name) => loaded.some((url) => url.includes(`/${name}-`)))
  })
}

async function fileOfflineAndDeliver(context: BrowserContext, page: Page, browserName: string): Promise<void> {
  await signIn(page, 'school1', 'school123')
  const notice = page.locator('[data-warning="noServiceWorker"]')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('断网')
  await expect(notice).toHaveCount(1)
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull()
  await expect.poll(() => screensWarmed(page), { message: `${browserName}: phone screens loaded while online` }).toBe(true)

  await context.setOffline(true)
  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  for (const id of FIRE_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.locator('[data-state="queued"]').first()).toBeVisible()
  const reportId = page.url().split('/').pop() ?? ''

  // The outbox tab opens offline, and lists the report waiting, not as a fault.
  await page.getByTestId('tab-outbox').click()
  await expect(page).toHaveURL(/\/outbox$/)
  await expect(page.locator(`[data-id="${reportId}"]`)).toBeVisible()

  await context.setOffline(false)
  await page.getByRole('button', { name: '立即同步' }).click()
  await page.locator(`[data-id="${reportId}"]`).click()
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
}

async function reportsWithId(browser: Browser, baseURL: string, id: string): Promise<number> {
  const context = await browser.newContext({ baseURL })
  const token = await apiToken(context.request, 'bureau', 'bureau123')
  const list = await context.request.get('/api/v1/submissions?formId=fire-safety&limit=200', { headers: { authorization: `Bearer ${token}` } })
  const { submissions } = (await list.json()) as { submissions: { id: string }[] }
  await context.close()
  return submissions.filter((submission) => submission.id === id).length
}

test('with service workers blocked, a report filed offline is kept, the outbox opens, and it arrives once', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  await fileOfflineAndDeliver(context, page, 'blocked')
  const id = page.url().split('/').pop() ?? ''
  expect(await reportsWithId(browser, baseURL ?? '', id)).toBe(1)
  await context.close()
})

test('with no service worker API at all, the same', async ({ browser, baseURL }) => {
  const context = await browser.newContext()
  await context.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker
  })
  const page = await context.newPage()
  expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false)
  await fileOfflineAndDeliver(context, page, 'absent')
  const id = page.url().split('/').pop() ?? ''
  expect(await reportsWithId(browser, baseURL ?? '', id)).toBe(1)
  await context.close()
})

test('a screen whose chunk cannot load says it needs a signal, instead of doing nothing', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  // The settings screen's chunk never arrives (as offline before it was ever fetched).
  await context.route(/\/assets\/SettingsView-[^/]+\.js$/, (route) => route.abort('internetdisconnected'))
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await page.locator('.van-tabbar-item', { hasText: '我的' }).click()
  const notice = page.locator('[data-warning="screenNeedsNetwork"]')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('需要联网')
  await context.close()
})

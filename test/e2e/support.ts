import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'

/** Every check item of the fire-safety self-check, in form order. */
export const FIRE_CHECKS = [
  'exits', 'emergencyLights', 'drill', 'extinguishers', 'hydrants', 'alarm',
  'miniStation', 'wiring', 'dormAppliances', 'kitchenGas', 'labChemicals', 'responsibility',
] as const

/** Cuts the page's and the service worker's network (setOffline alone misses the SW's fetches). */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/*')
  await context.setOffline(false)
}

/** Offline tests only mean something once the built service worker controls the page. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload()
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
}

/**
 * Signs in through the real login screen, lands on the first screen (a school's 待办, the form
 * list for the district's people) and goes on to the list of forms, one tap away.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('tab-forms')).toBeVisible()
  await page.getByTestId('tab-forms').click()
  await expect(page.locator('.form-entry').first()).toBeVisible()
}

/**
 * A phone that signed in while online, whose service worker controls the page, then lost its
 * signal and reopened the app: the start of every offline story.
 */
export async function signedInThenOffline(browser: Browser, username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, username, password)
  await waitForServiceWorkerControl(page)
  await goOffline(context)
  // Offline, a reload still opens the app from the service worker.
  await page.reload()
  return { context, page }
}

/** A session token for probing the API directly. */
export async function apiToken(request: APIRequestContext, username: string, password: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password } })
  expect(login.status()).toBe(200)
  return ((await login.json()) as { token: string }).token
}

/** Whether the phone's meta store holds `key` (a pulled list): wait for it instead of a guessed delay. */
export async function metaHolds(page: Page, key: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const names = Array.from(open.result.objectStoreNames)
          if (!names.includes('meta')) {
            open.result.close()
            resolve(false)
            return
          }
          const count = open.result.transaction('meta').objectStore('meta').count(wanted)
          count.onerror = () => reject(count.error)
          count.onsuccess = () => {
            open.result.close()
            resolve(count.result > 0)
          }
        }
      }),
    key,
  )
}

/**
 * The answers of the draft as IndexedDB holds them: what a reload will find. Autosave is
 * debounced and "已自动保存" shows after the first save, so a test reloads once the answers it
 * needs are stored, not after a guessed delay.
 */
export async function savedDraftAnswers(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('records').objectStore('records').getAll()
          all.onerror = () => reject(all.error)
          all.onsuccess = () => {
            open.result.close()
            const drafts = (all.result as { state: string; answers: Record<string, unknown> }[]).filter((record) => record.state === 'draft')
            resolve(drafts[0]?.answers ?? null)
          }
        }
      }),
  )
}

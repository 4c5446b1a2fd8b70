import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { v7 as uuidv7 } from 'uuid'
import { apiToken, FIRE_CHECKS, goOffline, signIn, waitForServiceWorkerControl } from './support.js'

const DAY = 86_400_000

/** A fire self-check with one failed item, filed two days ago with a deadline that has passed: an overdue hazard of school-1. */
async function fileOverdueHazard(request: APIRequestContext, description: string): Promise<string> {
  const token = await apiToken(request, 'school1', 'school123')
  const found = new Date(Date.now() - 3 * DAY).toISOString()
  const deadline = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10)
  const answers: Record<string, unknown> = { checkType: 'self', inspector: '王老师', checkDate: found.slice(0, 10) }
  for (const id of FIRE_CHECKS) answers[id] = { result: 'pass' }
  answers['exits'] = { result: 'fail', hazard: { description, severity: 'high', deadline, responsible: '总务处' } }
  const envelope = { id: uuidv7(), formId: 'fire-safety', formVersion: 1, schoolId: 'school-1', answers, attachments: [], startedAt: found, completedAt: found, deviceId: 'e2e-todo' }
  const response = await request.post('/api/v1/submissions', { data: { submissions: [envelope] }, headers: { authorization: `Bearer ${token}` } })
  expect(await response.json()).toMatchObject({ results: [{ status: 'accepted' }] })
  return `${envelope.id}:exits`
}

/** school1 signed in on a phone its service worker controls, with an overdue hazard just filed. */
async function schoolPhoneWithHazard(browser: Browser, request: APIRequestContext, description: string): Promise<{ context: BrowserContext; page: Page; hazardId: string }> {
  const hazardId = await fileOverdueHazard(request, description)
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await waitForServiceWorkerControl(page)
  return { context, page, hazardId }
}

test('a school sees its overdue hazard and its pledge on 待办, still sees them offline after a reload, and taps through to the hazard', async ({ browser, request }) => {
  const description = `待办测试：安全出口堵塞 ${Date.now()}`
  const { context, page, hazardId } = await schoolPhoneWithHazard(browser, request, description)

  // Online: the first screen after sign-in is the 待办, with the hazard under the red heading.
  await page.getByTestId('tab-todo').click()
  await expect(page).toHaveURL(/\/$/)
  const hazard = page.locator(`.todo-item[data-key="hazard:${hazardId}"]`)
  await expect(hazard).toContainText(description)
  await expect(hazard).toContainText(/逾期 \d+ 天/)
  await expect(page.locator('.todo-group--overdue')).toContainText(description)
  const pledge = page.locator('.todo-item[data-kind="pledge"]').first()
  await expect(pledge).toBeVisible()
  const pledgeTitle = (await pledge.locator('.van-cell__title').textContent()) ?? ''
  expect(pledgeTitle.length).toBeGreaterThan(0)
  // The count on the tab: everything owed, the hazard and the pledge among it.
  const badge = page.getByTestId('tab-todo').locator('.van-badge')
  await expect(badge).toHaveText(/^\d+$/)
  expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(2)

  // Offline, reopened: the same list from what was last pulled.
  await goOffline(context)
  await page.reload()
  await expect(hazard).toContainText(description)
  await expect(hazard).toContainText(/逾期 \d+ 天/)
  await expect(page.locator('.todo-item[data-kind="pledge"]').filter({ hasText: pledgeTitle })).toBeVisible()

  // One tap to the hazard, still offline.
  await hazard.click()
  await expect(page).toHaveURL(`/hazards/${encodeURIComponent(hazardId)}`)
  await expect(page.getByTestId('hazard-detail')).toContainText(description)
  await context.close()
})

/** Holds the app's entry module (started by first-screen.js) until the test releases it: the early paint stays alone on screen. */
const HOLD_APP = `
  const append = HTMLHeadElement.prototype.appendChild
  globalThis.__held = []
  globalThis.__releaseApp = () => { globalThis.__appReleased = true; for (const script of globalThis.__held.splice(0)) append.call(document.head, script) }
  HTMLHeadElement.prototype.appendChild = function (node) {
    if (node instanceof HTMLScriptElement && node.type === 'module' && !globalThis.__appReleased) { globalThis.__held.push(node); return node }
    return append.call(this, node)
  }`

test('offline, the 待办 is painted before the app runs, and a row tapped then is opened once the app is live', async ({ browser, request }) => {
  const description = `待办早绘：楼梯间堆放杂物 ${Date.now()}`
  const { context, page, hazardId } = await schoolPhoneWithHazard(browser, request, description)
  await page.getByTestId('tab-todo').click()
  const hazard = page.locator(`.todo-item[data-key="hazard:${hazardId}"]`)
  await expect(hazard).toContainText(description)
  // The phone remembers the screen once the list and the outbox were read from IndexedDB.
  await page.waitForFunction((key) => (localStorage.getItem('school-report.first-paint') ?? '').includes(key), `hazard:${hazardId}`)

  await goOffline(context)
  await context.addInitScript({ content: HOLD_APP })
  const cold = await context.newPage()
  await cold.goto('/')
  // Painted from the remembered screen, the app not yet run: the same rows, the same "逾期 N 天".
  const early = cold.locator(`.todo-item[data-key="hazard:${hazardId}"]`)
  await expect(early).toContainText(description)
  await expect(early).toContainText(/逾期 \d+ 天/)
  await cold.waitForFunction(() => (globalThis as unknown as { __held: unknown[] }).__held.length === 1)
  expect(await cold.evaluate(() => performance.getEntriesByName('app-mounted').length)).toBe(0)

  // A tap now is not lost: the app opens the hazard as soon as it runs.
  await early.click()
  await cold.evaluate(() => (globalThis as unknown as { __releaseApp: () => void }).__releaseApp())
  await expect(cold).toHaveURL(`/hazards/${encodeURIComponent(hazardId)}`)
  await expect(cold.getByTestId('hazard-detail')).toContainText(description)
  await context.close()
})

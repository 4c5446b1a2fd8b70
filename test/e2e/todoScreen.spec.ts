import { expect, test, type APIRequestContext } from '@playwright/test'
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

test('a school sees its overdue hazard and its pledge on 待办, still sees them offline after a reload, and taps through to the hazard', async ({ browser, request }) => {
  const description = `待办测试：安全出口堵塞 ${Date.now()}`
  const hazardId = await fileOverdueHazard(request, description)
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await waitForServiceWorkerControl(page)

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

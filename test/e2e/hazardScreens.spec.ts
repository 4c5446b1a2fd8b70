import { expect, test } from '@playwright/test'
import { v7 as uuidv7 } from 'uuid'
import { fireSafetyEnvelope, passingAnswers } from '../server/envelopes.js'
import { FIRE_CHECKS, apiToken, goOnline, signIn, signedInThenOffline } from './support.js'

test('a rectification delivered online shows the hazard as 待核查 on the hazard screens without tapping 立即同步', async ({ browser, request }) => {
  // An open hazard of school 1, found by a report another phone filed.
  const school = await apiToken(request, 'school1', 'school123')
  const envelope = fireSafetyEnvelope({
    id: uuidv7(),
    deviceId: 'e2e-other-phone',
    answers: { ...passingAnswers(), wiring: { result: 'fail', hazard: { description: '配电箱门锁损坏', severity: 'medium', deadline: '2099-12-31' } } },
  })
  const filed = await request.post('/api/v1/submissions', { headers: { authorization: `Bearer ${school}` }, data: { submissions: [envelope] } })
  expect(((await filed.json()) as { results: { status: string }[] }).results[0]?.status).toBe('accepted')
  const hazardId = `${envelope.id}:wiring`

  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await page.getByTestId('tab-hazards').click()
  const row = page.locator(`[data-hazard="${hazardId}"]`)
  await expect(row).toHaveAttribute('data-status', 'open', { timeout: 30_000 })
  await row.click()
  await page.getByTestId('rectify').click()
  await expect(page).toHaveURL(/\/fill\//)
  await page.locator('[data-field="measures"] textarea').fill('已更换配电箱门锁')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })

  // Straight back to the hazard screens: no sync button tapped.
  await page.getByTestId('tab-hazards').click()
  await expect(page.getByRole('tab', { name: /待核查/ })).toBeVisible()
  await expect(row).toHaveCount(0)
  await page.getByRole('tab', { name: /待核查/ }).click()
  await expect(row).toHaveAttribute('data-status', 'rectified')
  await row.click()
  await expect(page.getByTestId('hazard-status')).toContainText('待核查')
  await expect(page.getByTestId('rectify')).toHaveCount(0)
  await context.close()
})

test('a hazard registered offline shows on the hazard tab at once, marked not delivered, until it arrives', async ({ browser }) => {
  const { context, page } = await signedInThenOffline(browser, 'school1', 'school123')
  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  for (const id of FIRE_CHECKS.filter((check) => check !== 'exits')) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  const exits = page.locator('[data-field="exits"]')
  await exits.locator('.check__choice--fail').click()
  await exits.locator('textarea').nth(1).fill('东侧安全出口被杂物堵塞')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.locator('[data-state="queued"]').first()).toBeVisible()
  const hazardId = `${page.url().split('/').pop() ?? ''}:exits`

  await page.getByTestId('tab-hazards').click()
  const row = page.locator(`[data-hazard="${hazardId}"]`)
  await expect(row).toHaveAttribute('data-on-phone', '')
  await expect(row).toContainText('未送达')
  await expect(row).toContainText('东侧安全出口被杂物堵塞')
  await expect(page.getByRole('tab', { name: /待整改 [1-9]/ })).toBeVisible()
  await row.click()
  await expect(page.getByTestId('hazard-on-phone')).toBeVisible()
  await expect(page.getByTestId('rectify')).toHaveCount(0)

  // Delivered, it is the server's hazard: the mark goes, nothing else changes.
  await goOnline(context)
  await page.getByTestId('tab-hazards').click()
  await page.locator('.sync__now').click()
  await expect(row).not.toHaveAttribute('data-on-phone', '', { timeout: 30_000 })
  await expect(row).toHaveAttribute('data-status', 'open')
  await expect(row).not.toContainText('未送达')
  await context.close()
})

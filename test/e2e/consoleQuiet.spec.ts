import { expect, test } from '@playwright/test'
import { tinyPng } from '../server/images.js'
import { FIRE_CHECKS, goOffline, goOnline, signIn, waitForServiceWorkerControl } from './support.js'

/** Lines a person reading the console would take for a fault; the offline cut's own lines are expected. */
const EXPECTED = /ERR_INTERNET_DISCONNECTED/

test('a photo upload retried after the signal returns leaves nothing in the console a person would read as a fault', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const faults: string[] = []
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && !EXPECTED.test(message.text())) faults.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => faults.push(`pageerror: ${error.message}`))
  await signIn(page, 'school1', 'school123')
  await waitForServiceWorkerControl(page)

  // Offline, the report and its photo are saved and the first upload fails: the retry then asks
  // the server what it holds before sending the photo (this used to be a HEAD answered 404).
  await goOffline(context)
  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  for (const id of FIRE_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  const exits = page.locator('[data-field="exits"]')
  await exits.locator('[data-testid="photo-gallery"] input[type="file"]').setInputFiles({ name: 'exit.png', mimeType: 'image/png', buffer: tinyPng(90, 120, 150) })
  await expect(exits.locator('.photos__img')).toHaveCount(1)
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.getByText(/已尝试 \d+ 次/)).toBeVisible({ timeout: 30_000 })

  await goOnline(context)
  await page.locator('.sync__now').click()
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
  expect(faults).toEqual([])
  await context.close()
})

import { expect, test, type Page } from '@playwright/test'
import { apiToken, goOffline, goOnline, signIn, waitForServiceWorkerControl } from './support.js'

const year = new Date().getFullYear()
const SAFE_CAMPUS = `safe-campus-${year}-v1`

/** A signature drawn with the mouse: two strokes across the pad. */
async function drawSignature(page: Page): Promise<void> {
  const canvas = page.locator('[data-testid="signature-pad"] canvas')
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  if (!box) throw new Error('the signature pad has no canvas')
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const
  await page.mouse.move(...at(0.15, 0.6))
  await page.mouse.down()
  await page.mouse.move(...at(0.35, 0.25), { steps: 8 })
  await page.mouse.move(...at(0.55, 0.7), { steps: 8 })
  await page.mouse.move(...at(0.8, 0.3), { steps: 8 })
  await page.mouse.up()
}

test('a principal signs the safe-campus pledge offline, the record proves the text, the bureau sees the school as signed', async ({ browser, request }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  await signIn(page, 'principal1', 'principal123')
  await waitForServiceWorkerControl(page)

  // Online once: the pledges are pulled onto the phone.
  // The pledge list is one tap from the 待办, which took the pledges' tab (issue 14).
  await page.getByTestId('tab-todo').click()
  await page.getByTestId('todo-pledges').click()
  await expect(page.locator(`.pledge-entry[data-pledge="${SAFE_CAMPUS}"]`)).toBeVisible()

  await goOffline(context)
  await page.reload()
  const entry = page.locator(`.pledge-entry[data-pledge="${SAFE_CAMPUS}"]`)
  await expect(entry).toContainText('平安校园创建目标管理责任书')
  await entry.click()
  await expect(page).toHaveURL(new RegExp(`/pledges/${SAFE_CAMPUS}/sign$`))

  // The Markdown is rendered (headings), and no sign button until the end has been read.
  await expect(page.locator('.pledge-text h2').first()).toContainText('责任主体')
  await expect(page.getByTestId('sign-form')).toHaveCount(0)
  await page.getByTestId('pledge-end').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('sign-form')).toBeVisible()

  await page.getByTestId('signer-name').locator('input').fill('张明')
  await drawSignature(page)
  await page.getByRole('button', { name: '确认签署' }).click()
  await expect(page.getByText('已完整阅读《')).toBeVisible()
  await page.locator('.van-dialog').getByRole('button', { name: '签署', exact: true }).click()

  // Kept on the phone: the record page shows it from the phone, not yet delivered.
  await expect(page).toHaveURL(new RegExp(`/pledges/${SAFE_CAMPUS}/signatures/[0-9a-f-]{36}$`))
  const signatureId = page.url().split('/').pop() ?? ''
  await expect(page.locator('.proof__sheet[data-source="phone"]')).toBeVisible()
  await expect(page.getByTestId('record-received')).toContainText('尚未送达')
  const phoneHash = (await page.getByTestId('record-text-hash').textContent())?.trim() ?? ''
  expect(phoneHash).toMatch(/^[0-9a-f]{64}$/)
  await expect(page.getByTestId('record-text-check')).toContainText('一致')

  // A reload with no signal loses nothing.
  await page.reload()
  await expect(page.locator('.proof__sheet[data-source="phone"]')).toBeVisible()
  await expect(page.getByTestId('record-signer')).toHaveText('张明')
  await expect(page.getByTestId('record-signature')).toBeVisible()

  // Signal returns: the outbox delivers it and the page turns into the server's record.
  await goOnline(context)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect(page.locator('.proof__sheet[data-source="server"]')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('record-text-check')).toContainText('一致')
  expect(await page.getByTestId('record-signature').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)

  // The hash and digest on the page are the ones the server holds.
  const bureau = await apiToken(request, 'bureau', 'bureau123')
  const recordResponse = await request.get(`/api/v1/pledges/${SAFE_CAMPUS}/signatures/${signatureId}`, { headers: { authorization: `Bearer ${bureau}` } })
  expect(recordResponse.status()).toBe(200)
  const record = (await recordResponse.json()) as { pledge: { textHash: string }; signature: { textHash: string; textHashMatches: boolean; digest: string; signerName: string } }
  expect(record.signature).toMatchObject({ textHash: phoneHash, textHashMatches: true, signerName: '张明' })
  expect(record.pledge.textHash).toBe(phoneHash)
  await expect(page.getByTestId('record-text-hash')).toHaveText(record.signature.textHash)
  await expect(page.getByTestId('record-digest')).toHaveText(record.signature.digest)

  // The bureau's API and screen show school-1 as signed.
  const reportResponse = await request.get(`/api/v1/reports/pledges?versionId=${SAFE_CAMPUS}`, { headers: { authorization: `Bearer ${bureau}` } })
  const report = (await reportResponse.json()) as { schools: { schoolId: string; signed: boolean; latest: { id: string } | null }[] }
  expect(report.schools.find((row) => row.schoolId === 'school-1')).toMatchObject({ signed: true, latest: { id: signatureId } })

  await page.goto('/settings')
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.getByRole('button', { name: '确认' }).click()
  await signIn(page, 'bureau', 'bureau123')
  await page.goto('/bureau/pledges')
  // Pick the safe-campus letter from the version menu.
  await page.locator('.van-dropdown-menu__bar').click()
  await page.locator('.van-dropdown-item__option', { hasText: '平安校园创建目标管理责任书' }).click()
  await expect(page).toHaveURL(new RegExp(`versionId=${SAFE_CAMPUS}`))
  await expect(page.locator('.report__row[data-school="school-1"]')).toHaveAttribute('data-signed', 'yes')
  await expect(page.locator('.report__row[data-school="school-1"]')).toContainText('张明')
  await expect(page.locator('.report__row[data-school="school-2"]')).toHaveAttribute('data-signed', 'no')

  // The bureau opens the record from its screen: same text, same hash.
  await page.locator('.report__row[data-school="school-1"]').click()
  await expect(page.locator('.proof__sheet[data-source="server"]')).toBeVisible()
  await expect(page.getByTestId('record-text-hash')).toHaveText(phoneHash)
  await expect(page.getByTestId('record-text-check')).toContainText('一致')
  await context.close()
})

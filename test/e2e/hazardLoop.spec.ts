import { expect, test, type Page } from '@playwright/test'
import { apiToken, goOffline, goOnline, savedDraftAnswers, waitForServiceWorkerControl } from './support.js'
import { pngPhoto } from '../../bench/pngPhoto.js'

const FOOD_CHECKS = [
  'licence', 'healthCerts', 'foodSafetyOfficer', 'invoices', 'storage', 'additives',
  'pests', 'rawCooked', 'disinfection', 'samples', 'openKitchen', 'accompanyMeal',
]

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let offset = 2
  while (offset < bytes.length) {
    const marker = bytes[offset + 1] ?? 0
    const length = bytes.readUInt16BE(offset + 2)
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) }
    offset += 2 + length
  }
  throw new Error('no SOF marker')
}

async function syncNow(page: Page): Promise<void> {
  await page.locator('.sync__now').click()
}

test('an offline inspection with a failed item and a photo becomes a hazard, is rectified offline and closed by the bureau', async ({ browser, request }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  await page.getByLabel('用户名').fill('school1')
  await page.getByLabel('密码').fill('school123')
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByTestId('tab-forms').click()
  await expect(page.locator('.form-entry[data-form="food-hygiene"]')).toBeVisible()
  await waitForServiceWorkerControl(page)

  // Offline from here: the inspection, its photo and the reload all happen without a signal.
  await goOffline(context)
  await page.reload()
  await page.locator('.form-entry[data-form="food-hygiene"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  for (const id of FOOD_CHECKS.slice(1)) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  const licence = page.locator('[data-field="licence"]')
  await licence.locator('.check__choice--fail').click()
  await licence.locator('textarea').nth(1).fill('食品经营许可证已过期两个月')
  await licence.getByPlaceholder('如：总务处 李主任').fill('后勤主任 王老师')
  await licence.locator('[data-testid="photo-gallery"] input[type="file"]').setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: pngPhoto(3000, 2000, 40) })
  await expect(licence.locator('.photos__img')).toHaveCount(1)

  // The draft and its photo survive a reload with no connection.
  await expect(page.locator('.fill__saved')).toBeVisible()
  // Reloaded only once the last answers are in IndexedDB (autosave is debounced), not after a guessed delay.
  await expect
    .poll(async () => {
      const licence = (await savedDraftAnswers(page))?.['licence'] as { photos?: string[]; hazard?: { responsible?: string } } | undefined
      return { photos: licence?.photos?.length ?? 0, responsible: licence?.hazard?.responsible ?? null }
    })
    .toEqual({ photos: 1, responsible: '后勤主任 王老师' })
  await page.reload()
  await expect(page.locator('[data-field="licence"] .photos__img')).toHaveCount(1)
  await expect(page.locator('[data-field="licence"] textarea').nth(1)).toHaveValue('食品经营许可证已过期两个月')

  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.locator('[data-state="queued"]').first()).toBeVisible()
  await expect(page.locator('[data-testid="photos"] .photos__img')).toHaveCount(1)
  const reportId = page.url().split('/').pop() ?? ''
  const hazardId = `${reportId}:licence`

  // Signal back: the photo goes up before the report, the report is delivered.
  await goOnline(context)
  await syncNow(page)
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })

  // The server holds a compressed JPEG (long edge 1600) and an open hazard with the responsible person.
  const bureau = await apiToken(request, 'bureau', 'bureau123')
  const hazards = await request.get('/api/v1/hazards', { headers: { authorization: `Bearer ${bureau}` } })
  const hazard = ((await hazards.json()) as { hazards: { id: string; status: string; responsible: string; photos: string[] }[] }).hazards.find((item) => item.id === hazardId)
  expect(hazard).toMatchObject({ status: 'open', responsible: '后勤主任 王老师' })
  const photo = await request.get(`/api/v1/attachments/${hazard?.photos[0] ?? ''}`, { headers: { authorization: `Bearer ${bureau}` } })
  expect(photo.status()).toBe(200)
  const bytes = await photo.body()
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  expect(jpegSize(bytes)).toEqual({ width: 1600, height: 1067 })
  expect(bytes.length).toBeLessThan(600_000)

  // The phone lists the hazard after the next sync, with days left and its warning level.
  await page.getByTestId('tab-hazards').click()
  await syncNow(page)
  const row = page.locator(`[data-hazard="${hazardId}"]`)
  await expect(row).toBeVisible({ timeout: 30_000 })
  await expect(row).toContainText('剩余 7 天')
  await expect(row.locator('[data-level="yellow"]')).toBeVisible()

  // Rectification offline, with an evidence photo.
  await goOffline(context)
  await row.click()
  await expect(page.getByTestId('hazard-status')).toContainText('待整改')
  await page.getByTestId('rectify').click()
  await expect(page).toHaveURL(/\/fill\//)
  await page.locator('[data-field="measures"] textarea').fill('已补办食品经营许可证并公示')
  await page.locator('[data-field="evidence"] [data-testid="photo-gallery"] input[type="file"]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: pngPhoto(1200, 900, 200) })
  await expect(page.locator('[data-field="evidence"] .photos__img')).toHaveCount(1)
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.locator('[data-state="queued"]').first()).toBeVisible()

  await goOnline(context)
  await syncNow(page)
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })

  // The bureau verifies (销号); a school cannot.
  const school = await apiToken(request, 'school1', 'school123')
  const refused = await request.post(`/api/v1/hazards/${encodeURIComponent(hazardId)}/verify`, { headers: { authorization: `Bearer ${school}` }, data: { action: 'close' } })
  expect(refused.status()).toBe(403)
  const verified = await request.post(`/api/v1/hazards/${encodeURIComponent(hazardId)}/verify`, {
    headers: { authorization: `Bearer ${bureau}` },
    data: { action: 'close', reason: '现场核查，许可证已公示' },
  })
  expect(verified.status()).toBe(200)

  // After the next sync the phone shows it closed, with the whole history.
  await page.getByTestId('tab-hazards').click()
  await syncNow(page)
  await page.getByRole('tab', { name: /已销号/ }).click()
  await expect(page.locator(`[data-hazard="${hazardId}"][data-status="closed"]`)).toBeVisible({ timeout: 30_000 })
  await page.locator(`[data-hazard="${hazardId}"]`).click()
  await expect(page.getByTestId('hazard-status')).toContainText('已销号')
  await expect(page.locator('[data-event]')).toHaveCount(3)
  await expect(page.locator('[data-event="closed"]')).toContainText('现场核查，许可证已公示')

  // The inspection history reads the same story.
  await page.goto('/history')
  await expect(page.locator(`[data-inspection="${reportId}"]`)).toContainText('合格 11 · 不合格 1 · 不适用 0')
  await context.close()
})

test('an inspector picks a district school offline, files a supervision for it, and closes the hazard on the phone', async ({ browser, request }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  await page.getByLabel('用户名').fill('inspector')
  await page.getByLabel('密码').fill('inspector123')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.locator('.form-entry[data-form="fire-safety"]')).toBeVisible()
  await waitForServiceWorkerControl(page)

  // The school list comes from the last sync: it works with the network cut.
  await goOffline(context)
  await page.reload()
  await page.getByPlaceholder('请选择学校').click()
  const kindergarten = page.locator('.van-picker-column__item', { hasText: '河口镇中心幼儿园' })
  await kindergarten.click()
  // Confirmed once the column has settled on it, whatever the machine's speed.
  await expect(kindergarten).toHaveClass(/van-picker-column__item--selected/)
  await page.locator('.van-picker__confirm').click()
  await expect(page.getByPlaceholder('请选择学校')).toHaveValue('河口镇中心幼儿园')
  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await expect(page.locator('.fill__status')).toContainText('河口镇中心幼儿园')
  const checks = ['emergencyLights', 'drill', 'extinguishers', 'hydrants', 'alarm', 'miniStation', 'wiring', 'dormAppliances', 'kitchenGas', 'labChemicals', 'responsibility']
  for (const id of checks) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  await page.locator('[data-field="exits"] .check__choice--fail').click()
  await page.locator('[data-field="exits"] textarea').nth(1).fill('幼儿园后门安全出口被杂物堵塞')
  await page.locator('[data-field="exits"] .van-radio', { hasText: '重大' }).click()
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  const reportId = page.url().split('/').pop() ?? ''
  const hazardId = `${reportId}:exits`

  await goOnline(context)
  await syncNow(page)
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })

  // Filed for school-3 as a bureau supervision.
  const bureau = await apiToken(request, 'bureau', 'bureau123')
  const history = await request.get('/api/v1/inspections?schoolId=school-3', { headers: { authorization: `Bearer ${bureau}` } })
  expect(((await history.json()) as { inspections: { id: string; checkType: string }[] }).inspections).toContainEqual(
    expect.objectContaining({ id: reportId, checkType: 'bureau' }),
  )

  // The inspector sees it among the district's hazards and closes it on site.
  await page.getByTestId('tab-hazards').click()
  await syncNow(page)
  const row = page.locator(`[data-hazard="${hazardId}"]`)
  await expect(row).toContainText('河口镇中心幼儿园', { timeout: 30_000 })
  await expect(row.locator('[data-level="orange"]')).toBeVisible()
  await row.click()
  await page.getByTestId('verify-close').click()
  await page.getByTestId('verify-reason').locator('textarea').fill('现场已清理')
  await page.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('hazard-status')).toContainText('已销号')
  await expect(page.locator('[data-event="closed"]')).toContainText('现场已清理')
  await context.close()
})

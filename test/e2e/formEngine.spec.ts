import ExcelJS from 'exceljs'
import { expect, test, type Page } from '@playwright/test'
import { apiToken, goOnline, savedDraftAnswers, signedInThenOffline } from './support.js'

const BUSES = [
  { plate: '浙A10001', seats: '40', riders: '35', load: '87.5' },
  { plate: '浙A10002', seats: '30', riders: '30', load: '100' },
  { plate: '浙A10003', seats: '19', riders: '10', load: '52.6' },
]
const BUS_CHECKS = ['busPermit', 'annualCheck', 'driverLicence', 'safetyKit', 'seatbelts']

async function choose(page: Page, fieldId: string, label: string): Promise<void> {
  await page.locator(`[data-field="${fieldId}"] .van-radio`).filter({ hasText: label }).click()
}

test('a school files a bus checklist offline with three buses and a skipped section, and the export shows three bus rows', async ({ browser, request }) => {
  const { context, page } = await signedInThenOffline(browser, 'school1', 'school123')
  await page.locator('.form-entry[data-form="school-bus"]').click()
  await expect(page).toHaveURL(/\/fill\//)

  await choose(page, 'checkType', '学校自查')
  await page.locator('[data-field="inspector"] input').fill('王老师')
  await page.locator('[data-field="checkDate"] input').fill('2026-03-02')
  // The boarders' section follows the answer live, offline.
  await choose(page, 'boarders', '是')
  await expect(page.locator('[data-section="boarding"]')).toBeVisible()
  await choose(page, 'boarders', '否')
  await expect(page.locator('[data-section="boarding"]')).toHaveCount(0)
  await page.locator('[data-field="ridersTotal"] input').fill('75')

  const repeat = page.locator('[data-repeat="buses"]')
  for (let i = 0; i < 3; i += 1) await repeat.getByRole('button', { name: '添加校车' }).click()
  await expect(repeat.locator('.repeat__title')).toHaveText(['校车 1', '校车 2', '校车 3'])
  for (const [index, bus] of BUSES.entries()) {
    await page.locator(`[data-path="buses[${index}].plate"] input`).fill(bus.plate)
    await page.locator(`[data-path="buses[${index}].seats"] input`).fill(bus.seats)
    await page.locator(`[data-path="buses[${index}].riders"] input`).fill(bus.riders)
    for (const id of BUS_CHECKS) await page.locator(`[data-path="buses[${index}].${id}"] .check__choice--pass`).click()
    // The load rate is calculated as the figures are typed.
    await expect(page.locator(`[data-path="buses[${index}].loadRate"] input`)).toHaveValue(bus.load)
  }
  await expect(page.locator('[data-field="busCount"] input')).toHaveValue('3')
  await expect(page.locator('[data-field="seatTotal"] input')).toHaveValue('89')
  for (const id of ['escort', 'preTripCheck', 'busDrill']) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()

  // The draft keeps its three instances across a reload, still offline.
  await expect.poll(async () => ((await savedDraftAnswers(page))?.buses as unknown[] | undefined)?.length ?? 0).toBe(3)
  await expect.poll(async () => Object.keys((await savedDraftAnswers(page)) ?? {})).toContain('busDrill')
  await page.reload()
  await expect(page.locator('[data-repeat="buses"] .repeat__title')).toHaveText(['校车 1', '校车 2', '校车 3'])
  await expect(page.locator('[data-path="buses[2].plate"] input')).toHaveValue('浙A10003')

  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  const reportId = page.url().split('/').pop() ?? ''
  await page.close()

  await goOnline(context)
  const later = await context.newPage()
  await later.goto(`/outbox/${reportId}`)
  await expect(later.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
  await expect(later.getByTestId('receipt')).toContainText('与手机上保存的内容一致')

  const token = await apiToken(request, 'bureau', 'bureau123')
  const headers = { authorization: `Bearer ${token}` }
  const list = await request.get('/api/v1/submissions?formId=school-bus&limit=100', { headers })
  const stored = ((await list.json()) as { submissions: { id: string; answers: Record<string, unknown> }[] }).submissions.find((each) => each.id === reportId)
  expect((stored?.answers.buses as unknown[]).length).toBe(3)
  expect(stored?.answers).not.toHaveProperty('boarderHandover')
  expect(stored?.answers.seatTotal).toBe(89)

  const exported = await request.get('/api/v1/exports/school-bus.xlsx', { headers })
  expect(exported.status()).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await exported.body()) as unknown as ArrayBuffer)
  const busSheet = workbook.getWorksheet('逐车检查')
  const plates: unknown[] = []
  busSheet?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1)
    if (values[0] === reportId) plates.push(values[3])
  })
  expect(plates).toEqual(BUSES.map((bus) => bus.plate))
  await context.close()
})

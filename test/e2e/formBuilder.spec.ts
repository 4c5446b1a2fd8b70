import ExcelJS from 'exceljs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { FormTemplate } from '../../src/core/forms/types.js'
import { apiToken, goOnline, signedInThenOffline, signIn } from './support.js'

// The bureau builds forms at a desk.
test.use({ viewport: { width: 1400, height: 900 }, isMobile: false, hasTouch: false })

const sections = (page: Page) => page.locator('fieldset[data-section]')

/** Adds a question of `type` at the end of `section` and names it. */
async function addQuestion(section: Locator, type: string, id: string, label: string): Promise<void> {
  await section.getByTestId('new-field-type').selectOption(type)
  await section.getByTestId('add-field').click()
  const field = section.locator('.builder-field').last()
  await field.getByTestId('field-id').fill(id)
  await field.getByTestId('field-label').fill(label)
}

test('a bureau officer builds a bus checklist with a repeat per bus and a dormitory section shown only to boarding schools, publishes it, and a school files it offline', async ({ page, request, browser }) => {
  await signIn(page, 'bureau', 'bureau123')
  await page.goto('/bureau/admin/forms')
  await page.getByTestId('open-builder').click()
  await expect(page).toHaveURL(/\/bureau\/admin\/forms\/build$/)

  await page.getByTestId('blank-kind').selectOption('inspection')
  await page.getByTestId('blank-form').click()
  await page.getByTestId('form-id').fill('e2e-bus-dorm')
  await page.getByTestId('form-title').fill('校车与宿舍专项检查')

  // The inspection-info section is there already; the boarding question goes at its end.
  await addQuestion(sections(page).nth(0), 'choice', 'boarders', '学校是否有寄宿生')

  await page.getByTestId('add-section').click()
  const buses = sections(page).nth(1)
  await buses.getByTestId('section-id').fill('buses')
  await buses.getByTestId('section-title').fill('校车')
  await buses.getByTestId('section-repeat').check()
  await buses.getByTestId('section-repeat-label').fill('校车')
  await addQuestion(buses, 'text', 'plate', '车牌号')
  await addQuestion(buses, 'check', 'belts', '安全带齐全有效')

  await page.getByTestId('add-section').click()
  const dorm = sections(page).nth(2)
  await dorm.getByTestId('section-id').fill('dorm')
  await dorm.getByTestId('section-title').fill('学生宿舍')
  // A typo is named in Chinese as it is typed, and publishing waits for the fix.
  await dorm.getByTestId('section-relevant').fill("${boarders} = 'yes")
  await expect(dorm.locator('.builder-error')).toContainText('引号没有结束')
  await expect(page.getByTestId('publish-form')).toBeDisabled()
  await dorm.getByTestId('section-relevant').fill("${boarders} = 'yes'")
  await expect(dorm.locator('.builder-error')).toHaveCount(0)
  await addQuestion(dorm, 'check', 'nightGuard', '宿舍夜间有人值守')

  // An empty section is a problem the core check names until it has a question.
  await expect(page.getByTestId('builder-status')).toContainText('模板检查通过')
  const preview = page.getByTestId('phone-preview')
  await expect(preview).toContainText('校车 1')
  await expect(preview).toContainText('宿舍夜间有人值守')
  await expect(preview).toContainText('条件成立时显示')

  await page.getByTestId('show-changes').click()
  await expect(page.getByTestId('builder-changes')).toContainText('新表单 e2e-bus-dorm')
  await page.getByTestId('publish-form').click()
  await expect(page.getByText('已发布第 1 版')).toBeVisible()

  const token = await apiToken(request, 'bureau', 'bureau123')
  const stored = await request.get('/api/v1/admin/forms/e2e-bus-dorm/versions/1', { headers: { authorization: `Bearer ${token}` } })
  expect(stored.status()).toBe(200)
  const template = ((await stored.json()) as { template: FormTemplate }).template
  expect(template.sections.find((section) => section.id === 'buses')?.repeat).toEqual({ min: 1, label: { zh: '校车', en: '校车' } })
  expect(template.sections.find((section) => section.id === 'dorm')?.relevant).toEqual({ op: 'eq', field: 'boarders', value: 'yes' })

  // Back on the forms screen the new form offers its Excel file.
  await page.goto('/bureau/admin/forms')
  const row = page.locator('tr[data-form="e2e-bus-dorm@1"]')
  await expect(row).toContainText('校车与宿舍专项检查')
  const download = page.waitForEvent('download')
  await row.getByTestId('form-download').click()
  expect((await download).suggestedFilename()).toBe('校车与宿舍专项检查-v1.xlsx')

  // A school pulls the new form, files it offline with two buses and no boarders, and it arrives.
  const { context, page: phone } = await signedInThenOffline(browser, 'school1', 'school123')
  await phone.locator('.form-entry[data-form="e2e-bus-dorm"]').click()
  await phone.locator('[data-field="checkType"] .van-radio').filter({ hasText: '学校自查' }).click()
  await phone.locator('[data-field="inspector"] input').fill('王老师')
  await phone.locator('[data-field="checkDate"] input').fill('2026-03-02')
  await phone.locator('[data-field="boarders"] .van-radio').filter({ hasText: '是' }).click()
  await expect(phone.locator('[data-section="dorm"]')).toBeVisible()
  await phone.locator('[data-field="boarders"] .van-radio').filter({ hasText: '否' }).click()
  await expect(phone.locator('[data-section="dorm"]')).toHaveCount(0)
  const busesOnPhone = phone.locator('[data-repeat="buses"]')
  for (let i = 0; i < 2; i += 1) await busesOnPhone.getByRole('button', { name: '添加校车' }).click()
  await expect(busesOnPhone.locator('.repeat__title')).toHaveText(['校车 1', '校车 2'])
  for (const [index, plate] of ['浙A20001', '浙A20002'].entries()) {
    await phone.locator(`[data-path="buses[${index}].plate"] input`).fill(plate)
    await phone.locator(`[data-path="buses[${index}].belts"] .check__choice--pass`).click()
  }
  await phone.getByRole('button', { name: '提交' }).click()
  await expect(phone).toHaveURL(/\/outbox\//)
  const reportId = phone.url().split('/').pop() ?? ''
  await phone.close()
  await goOnline(context)
  const later = await context.newPage()
  await later.goto(`/outbox/${reportId}`)
  await expect(later.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
  await context.close()

  const exported = await request.get('/api/v1/exports/e2e-bus-dorm.xlsx', { headers: { authorization: `Bearer ${token}` } })
  expect(exported.status()).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await exported.body()) as unknown as ArrayBuffer)
  const plates: unknown[] = []
  for (const sheet of workbook.worksheets.slice(1)) {
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1)
      if (values[0] === reportId) plates.push(...values.filter((value) => typeof value === 'string' && value.startsWith('浙A')))
    })
  }
  expect(plates).toEqual(['浙A20001', '浙A20002'])
})

import { readFile } from 'node:fs/promises'
import { expect, test, type APIRequestContext } from '@playwright/test'
import ExcelJS from 'exceljs'
import { v7 as uuidv7 } from 'uuid'
import { periodOf } from '../../src/core/periods.js'
import { apiToken, signIn } from './support.js'

// The bureau works at a desk: a laptop-sized window, mouse, no touch.
test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })

const period = periodOf(new Date(), 'term')

/** A school's myopia screening for this term, filed through the same endpoint the phone uses. */
async function fileMyopia(request: APIRequestContext, [username, password]: readonly [string, string], schoolId: string, counts: Record<string, number>): Promise<void> {
  const token = await apiToken(request, username, password)
  const now = new Date().toISOString()
  const envelope = {
    id: uuidv7(), formId: 'myopia-screening', formVersion: 1, schoolId, period, answers: counts, attachments: [],
    startedAt: now, completedAt: now, deviceId: `e2e-${username}`,
  }
  const response = await request.post('/api/v1/submissions', { data: { submissions: [envelope] }, headers: { authorization: `Bearer ${token}` } })
  expect(((await response.json()) as { results: { status: string }[] }).results[0]?.status).toBe('accepted')
}

test('a bureau user at a desk reads completeness, drills into a school and exports the table to Excel', async ({ page, request }) => {
  // Schools 2 and 5 (school 1's own survey belongs to the canteen/survey story, which shares this server).
  await fileMyopia(request, ['inspector', 'inspector123'], 'school-5', { enrolled: 520, screened: 500, myopic: 110 })
  await fileMyopia(request, ['school2', 'school123'], 'school-2', { enrolled: 800, screened: 790, myopic: 200 })

  await signIn(page, 'bureau', 'bureau123')
  await page.goto('/bureau')
  // On a desktop the workspace takes the window and its navigation sits at the side.
  const nav = page.getByTestId('bureau-nav')
  await expect(nav).toBeVisible()
  const navBox = await nav.boundingBox()
  expect(navBox?.height ?? 0).toBeGreaterThan(400)
  expect(navBox?.width ?? 999).toBeLessThan(260)

  const row = page.locator(`.home__row[data-form="myopia-screening"][data-period="${period}"]`)
  await expect(row).toContainText('近视筛查统计')
  await row.click()
  await expect(page).toHaveURL(new RegExp(`/bureau/completeness/myopia-screening/${period}$`))

  // Counts at the top, one row per school of the district (the deadline is two weeks away).
  await expect(page.locator('[data-testid="completeness-totals"] [data-state="on_time"] strong')).toHaveText('2')
  await expect(page.locator('[data-testid="completeness-totals"] [data-state="not_due"] strong')).toHaveText('3')
  const table = page.getByTestId('completeness-table')
  await expect(table.locator('tbody tr')).toHaveCount(5)
  await expect(table.locator('tr[data-school="school-5"]')).toContainText('按时')

  // Filter by township: 城关镇 holds schools 1, 2 and 5.
  await page.getByTestId('filter-township').selectOption('城关镇')
  await expect(table.locator('tbody tr')).toHaveCount(3)
  await page.getByTestId('filter-township').selectOption('')

  // One click from a school to its report.
  await table.locator('tr[data-school="school-5"]').click()
  await expect(page).toHaveURL(/\/bureau\/schools\/school-5\?/)
  await expect(page.locator('.bw-title')).toContainText('示范区第一高级中学')
  await expect(page.locator('dd[data-field="myopic"]')).toHaveText('110')
  await page.goBack()

  // Export the completeness table: progress shows, the file is saved and opens in ExcelJS.
  const downloadPromise = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出本表' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  await expect(page.getByTestId('export-outcome').first()).toContainText('已保存')
  const path = await download.path()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  expect(sheet?.getRow(1).getCell(1).value).toBe('学校')
  const states = new Map<string, unknown>()
  sheet?.eachRow((line, index) => {
    if (index > 1) states.set(String(line.getCell(1).value), line.getCell(4).value)
  })
  expect(states.size).toBe(5)
  expect(states.get('示范区第一高级中学')).toBe('按时')
  expect(states.get('示范区实验初级中学')).toBe('按时')
  expect(states.get('河口镇中心幼儿园')).toBe('未到期')

  // The reports themselves as CSV from the export screen: UTF-8 with a BOM, one row per report.
  await page.getByTestId('bureau-nav').getByRole('link', { name: '导出' }).click()
  await page.getByTestId('export-form').selectOption('myopia-screening')
  await page.getByTestId('export-period').fill(period)
  const csvPromise = page.waitForEvent('download')
  await page.getByTestId(`export-/exports/myopia-screening.csv?period=${period}`).click()
  const csv = await readFile(await (await csvPromise).path())
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = csv.subarray(3).toString('utf8').trim().split('\r\n')
  expect(lines).toHaveLength(3)
  expect(lines[0]).toContain('筛查出近视人数')
  expect(lines.slice(1).some((line) => line.includes('示范区第一高级中学') && line.includes(',110'))).toBe(true)
})

test('the workspace is usable on a 360 px phone: the navigation scrolls across the top', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await signIn(page, 'bureau', 'bureau123')
  await page.goto('/bureau/hazards')
  const nav = page.getByTestId('bureau-nav')
  const box = await nav.boundingBox()
  expect(box?.width ?? 0).toBeLessThanOrEqual(360)
  expect(box?.height ?? 999).toBeLessThan(80)
  await expect(page.getByTestId('hazard-totals')).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await context.close()
})

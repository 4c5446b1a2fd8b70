import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { goOnline, signedInThenOffline } from './support.js'

const CANTEEN_CHECKS = [
  'licence', 'healthCerts', 'management', 'purchaseRecords', 'storage', 'additives', 'rawCooked',
  'disinfection', 'samples', 'hygiene', 'pestControl', 'openKitchen', 'accompany', 'kitchenWaste',
]

async function bureauGet<T>(request: APIRequestContext, url: string): Promise<T> {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'bureau', password: 'bureau123' } })
  const { token } = (await login.json()) as { token: string }
  const response = await request.get(url, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status()).toBe(200)
  return (await response.json()) as T
}

/** The latest reports the last sync pulled into the phone's IndexedDB (localforage's meta store). */
async function pulledReportIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('school-report')
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('meta')) return resolve([])
          const get = db.transaction('meta').objectStore('meta').get('reports')
          get.onsuccess = () => resolve(((get.result as { submissionId: string }[] | undefined) ?? []).map((report) => report.submissionId))
          get.onerror = () => resolve([])
        }
        open.onerror = () => resolve([])
      }),
  )
}

async function fillCount(page: Page, fieldId: string, value: string): Promise<void> {
  await page.locator(`[data-field="${fieldId}"] input`).fill(value)
}

test('a canteen graded offline gets its grade from the server; a survey is blocked, fixed, sent and corrected', async ({ browser, request }) => {
  // Canteen grading, offline: the running score and grade follow the answers.
  const { context, page } = await signedInThenOffline(browser, 'school1', 'school123')
  await page.locator('.form-entry[data-form="canteen-grading"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  const score = page.getByTestId('canteen-score')
  for (const id of CANTEEN_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  await expect(score).toHaveAttribute('data-grade', 'A')
  await expect(score).toContainText('得分 100 / 100')
  for (const id of ['samples', 'accompany']) {
    await page.locator(`[data-field="${id}"] .check__choice--fail`).click()
    await page.locator(`[data-field="${id}"] textarea`).nth(1).fill('留样不足、陪餐记录缺失')
  }
  await expect(score).toHaveAttribute('data-grade', 'B')
  await expect(score).toContainText('得分 84 / 100')
  await expect(score).toContainText('B 级')
  await page.locator('[data-field="additives"] .check__choice--na').click()
  await expect(score).toContainText('得分 78 / 94')
  await fillCount(page, 'mealFeeShare', '91.5')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  const canteenId = page.url().split('/').pop() ?? ''
  await expect(page.locator('[data-state="queued"]').first()).toBeVisible()

  await goOnline(context)
  await page.reload()
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
  const grades = await bureauGet<{ schools: { history: { submissionId: string; grade: string; score: number; maxScore: number; mealFeeShare: number }[] }[] }>(
    request,
    '/api/v1/reports/canteen-grades?schoolId=school-1',
  )
  expect(grades.schools[0]?.history.find((entry) => entry.submissionId === canteenId)).toMatchObject({ grade: 'B', score: 78, maxScore: 94, mealFeeShare: 91.5 })

  // A survey: the rule breaks, the Chinese reason shows, the fix goes through.
  await page.goto('/forms')
  await page.locator('.form-entry[data-form="myopia-screening"]').click()
  await expect(page.getByTestId('survey-period')).toBeVisible()
  const period = await page.getByTestId('survey-period').locator('input').inputValue()
  expect(period).toMatch(/^\d{4}年(春|秋)季学期$/)
  await fillCount(page, 'enrolled', '500')
  await page.locator('[data-field="enrolled"] input').press('Enter')
  await expect(page.locator('[data-field="screened"] input')).toBeFocused()
  await page.keyboard.type('480')
  await fillCount(page, 'myopic', '490')
  await expect(page.locator('[data-rate="myopiaRate"]')).toContainText('102.1%')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('[data-field="myopic"]')).toContainText('“筛查出近视人数”不能大于“筛查人数”')
  await expect(page).toHaveURL(/\/fill\//)
  await fillCount(page, 'myopic', '120')
  await expect(page.locator('[data-rate="myopiaRate"]')).toContainText('25%')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  const firstId = page.url().split('/').pop() ?? ''
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })

  // The next sync pulls the school's latest reports; a new draft for the period starts from it.
  await page.goto('/forms')
  await expect.poll(() => pulledReportIds(page), { timeout: 30_000 }).toContain(firstId)
  await page.locator('.form-entry[data-form="myopia-screening"]').click()
  await expect(page.getByTestId('survey-correcting')).toBeVisible()
  await expect(page.locator('[data-field="myopic"] input')).toHaveValue('120')
  await fillCount(page, 'myopic', '118')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  const correctionId = page.url().split('/').pop() ?? ''
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })

  const completeness = await bureauGet<{ schools: { schoolId: string; corrected: boolean; currentSubmissionId: string; reports: number }[] }>(
    request,
    `/api/v1/reports/completeness?formId=myopia-screening&period=${encodeURIComponent(await currentTerm(page))}`,
  )
  expect(completeness.schools.find((row) => row.schoolId === 'school-1')).toMatchObject({ corrected: true, currentSubmissionId: correctionId, reports: 2 })
  await context.close()
})

/** The term the phone defaulted to, as the API writes it. */
async function currentTerm(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date()
    const month = now.getMonth() + 1
    if (month === 1) return `${now.getFullYear() - 1}-T2`
    return month >= 9 ? `${now.getFullYear()}-T2` : `${now.getFullYear()}-T1`
  })
}

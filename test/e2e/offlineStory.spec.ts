import { expect, test } from '@playwright/test'
import { apiToken, FIRE_CHECKS, goOnline, savedDraftAnswers, signedInThenOffline, signIn } from './support.js'

test('a school reporter fills a fire-safety check offline and it arrives exactly once', async ({ browser, request }) => {
  const { context, page } = await signedInThenOffline(browser, 'school1', 'school123')
  await expect(page.locator('.form-entry[data-form="fire-safety"]')).toBeVisible()

  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  const draftUrl = page.url()
  for (const id of FIRE_CHECKS.slice(0, 6)) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()

  // The draft autosaves: a reload (still offline) keeps what was answered.
  await expect(page.locator('.fill__saved')).toBeVisible()
  // "Saved" shows after the first autosave; the reload waits until the last answer is stored too.
  await expect.poll(async () => Object.keys((await savedDraftAnswers(page)) ?? {}).filter((id) => (FIRE_CHECKS as readonly string[]).includes(id)).sort())
    .toEqual([...FIRE_CHECKS.slice(0, 6)].sort())
  await page.reload()
  await expect(page).toHaveURL(draftUrl)
  await expect(page.locator('[data-field="alarm"] .check__choice--pass')).toHaveAttribute('aria-checked', 'true')

  for (const id of FIRE_CHECKS.slice(6, 11)) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  // A failed item without its hazard is refused by the core validation, in Chinese.
  await page.locator('[data-field="responsibility"] .check__choice--fail').click()
  await page.locator('[data-field="responsibility"] textarea').nth(1).fill('')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('[data-field="responsibility"] .check__error')).toContainText('请描述隐患情况')

  await page.locator('[data-field="responsibility"] textarea').nth(1).fill('未明确消防安全管理人')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.locator('[data-state="queued"]').first()).toBeVisible()
  const reportId = page.url().split('/').pop() ?? ''
  expect(reportId).toMatch(/^[0-9a-f-]{36}$/)
  await page.close()

  // Later, with signal back, a new page delivers it and shows the receipt.
  await goOnline(context)
  const later = await context.newPage()
  await later.goto(`/outbox/${reportId}`)
  await expect(later.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
  const receipt = later.getByTestId('receipt')
  await expect(later.getByText('送达回执')).toBeVisible()
  await expect(receipt).toContainText('服务器接收时间')
  await expect(receipt).toContainText('与手机上保存的内容一致')

  // The bureau sees exactly one report with that id; its digest is the one on the phone.
  const token = await apiToken(request, 'bureau', 'bureau123')
  const list = await request.get('/api/v1/submissions?formId=fire-safety&limit=100', { headers: { authorization: `Bearer ${token}` } })
  const { submissions } = (await list.json()) as { submissions: { id: string; digest: string }[] }
  const matching = submissions.filter((submission) => submission.id === reportId)
  expect(matching).toHaveLength(1)
  await expect(receipt).toContainText(matching[0]?.digest ?? 'missing')

  // The bureau's workspace shows it among the school's reports, with the school's name.
  const bureauPage = await context.newPage()
  await bureauPage.goto('/settings')
  await bureauPage.getByRole('button', { name: '退出登录' }).click()
  await bureauPage.getByRole('button', { name: '确认' }).click()
  await signIn(bureauPage, 'bureau', 'bureau123')
  await bureauPage.goto('/bureau/schools/school-1?formId=fire-safety')
  await expect(bureauPage.locator(`[data-report="${reportId}"]`)).toBeVisible()
  await expect(bureauPage.locator('h1')).toContainText('第一小学')
  await context.close()
})

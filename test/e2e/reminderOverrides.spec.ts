import { expect, test } from '@playwright/test'
import { signIn } from './support.js'

// A bureau officer on a phone (360 px) gives one form its own automatic reminders in 催报设置.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

test('the bureau adds a per-form override, sees it after a reload, is told in Chinese what the server refuses, and removes it', async ({ page }) => {
  await signIn(page, 'bureau', 'bureau123')
  await page.goto('/bureau/admin/reminders')
  const form = page.getByTestId('auto-form')
  await expect(form.getByTestId('no-overrides')).toBeVisible()
  await form.getByTestId('override-pick').selectOption({ label: '近视筛查统计' })
  await form.getByTestId('override-add').click()
  const row = form.locator('[data-testid="override"][data-form="myopia-screening"]')
  await expect(row.locator('legend')).toHaveText('近视筛查统计')
  await row.getByTestId('override-before').fill('40')
  await expect(row.getByTestId('override-issues')).toHaveText('「近视筛查统计」的截止前提醒天数应为 0 到 30 之间的整数')
  await expect(form.getByTestId('auto-save')).toBeDisabled()
  await row.getByTestId('override-before').fill('7')
  await row.getByTestId('override-enabled').selectOption('off')
  // Nothing of the editor spills sideways at phone width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await form.getByTestId('auto-save').click()
  await expect(page.locator('.van-toast')).toContainText('自动提醒设置已保存')

  await page.reload()
  await expect(row.getByTestId('override-before')).toHaveValue('7')
  await expect(row.getByTestId('override-enabled')).toHaveValue('off')

  // A form the district does not have: the server's own check answers, in Chinese.
  const token = await page.evaluate(() => fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bureau', password: 'bureau123' }) }).then((reply) => reply.json()).then((body: { token: string }) => body.token))
  const refused = await page.request.put('/api/v1/reminder-settings', { headers: { authorization: `Bearer ${token}` }, data: { enabled: true, daysBefore: 3, daysAfter: 1, forms: { 'no-such-form': { daysBefore: 31 } } } })
  expect(refused.status()).toBe(400)
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('本区县没有这张表单：no-such-form')

  await row.getByTestId('override-remove').click()
  await form.getByTestId('auto-save').click()
  await expect(page.locator('.van-toast')).toContainText('自动提醒设置已保存')
  await page.reload()
  await expect(form.getByTestId('no-overrides')).toBeVisible()
  await expect(form.getByTestId('override')).toHaveCount(0)
})

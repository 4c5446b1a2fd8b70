import { expect, test } from '@playwright/test'
import { signIn } from './support.js'

// A bureau officer on a phone (360 px): the schedules list and the editor's live preview.
test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

  test('the bureau sees the seeded schedules and previews a new one before saving it', async ({ page }) => {
    await signIn(page, 'bureau', 'bureau123')
    await page.goto('/bureau/schedules')
    const fire = page.locator('[data-form="fire-safety"]').first()
    await expect(fire).toContainText('每月 · 次月5日前')
    await expect(fire.getByTestId('schedule-row-preview')).toContainText('将要求 5 所学校填报')
    await expect(page.locator('[data-form="physical-health"]').first().getByTestId('schedule-row-preview')).toContainText('将要求 4 所学校填报（1 所无需填报）')
    // Nothing of the list spills sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    await page.getByTestId('new-schedule').click()
    const editor = page.getByTestId('schedule-editor')
    await editor.getByTestId('schedule-form').selectOption('drowning-prevention')
    await editor.getByTestId('schedule-recurrence').selectOption('weekly')
    await editor.locator('[data-kind="primary"]').check()
    await editor.locator('[data-kind="nine_year"]').check()
    // The first primary school and the nine-year school of 青山乡.
    await expect(editor.getByTestId('schedule-preview')).toContainText('将要求 2 所学校填报（3 所无需填报）')
    await editor.getByTestId('schedule-due-number').fill('40')
    await expect(editor.getByTestId('schedule-issues')).toContainText('截止日须为 1–31 日')
    await expect(editor.getByTestId('schedule-save')).toBeDisabled()
    await editor.getByTestId('schedule-due-number').fill('3')
    await editor.getByTestId('schedule-save').click()
    await expect(page.getByTestId('schedule-editor')).toHaveCount(0)
    await expect(page.locator('[data-form="drowning-prevention"]')).toHaveCount(2)
  })
})

test.describe('at a desk', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })

  test('completeness for the yearly physical-health report shows the kindergarten as not applicable', async ({ page }) => {
    await signIn(page, 'bureau', 'bureau123')
    const year = String(new Date().getFullYear())
    await page.goto(`/bureau/completeness/physical-health/${year}`)
    await expect(page.locator('[data-testid="completeness-totals"] [data-state="not_applicable"] strong')).toHaveText('1')
    await expect(page.locator('tr[data-school="school-3"]')).toContainText('无需填报')
    // A check (no period of its own) can be asked by week as well.
    await page.goto('/bureau/completeness/fire-safety/2026-W10')
    await expect(page.getByTestId('pick-period')).toBeVisible()
    await expect(page.getByTestId('completeness-table').locator('tbody tr')).toHaveCount(5)
  })
})

import { expect, test, type Page } from '@playwright/test'
import { signIn, signedInThenOffline } from './support.js'

/**
 * A toast is a .van-popup too: popup's white background and toast's dark one have the same
 * specificity, so the later stylesheet won. The toast must stay dark whatever the load order:
 * each flow adds popup's rule again after everything else before the toast shows.
 */
async function toastColours(page: Page): Promise<{ background: string; color: string; text: string }> {
  const toast = page.locator('.van-toast').filter({ hasText: '处需要修改' })
  await expect(toast).toBeVisible()
  return toast.evaluate((element) => {
    const style = getComputedStyle(element)
    return { background: style.backgroundColor, color: style.color, text: element.textContent ?? '' }
  })
}

async function submitEmptyFireCheck(page: Page): Promise<void> {
  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await expect(page).toHaveURL(/\/fill\//)
  // Popup's rule arriving after the toast's, as a lazily loaded chunk's stylesheet did on some paths.
  await page.evaluate(() => {
    const late = document.createElement('style')
    late.textContent = '.van-popup{background:var(--van-popup-background);box-sizing:border-box}'
    document.head.append(late)
  })
  await page.getByRole('button', { name: '提交' }).click()
}

const DARK_TOAST = 'rgba(0, 0, 0, 0.7)'
const WHITE = 'rgb(255, 255, 255)'

test('a toast is light text on a dark box in the online flow', async ({ page }) => {
  await signIn(page, 'school1', 'school123')
  await submitEmptyFireCheck(page)
  const toast = await toastColours(page)
  expect(toast.background).toBe(DARK_TOAST)
  expect(toast.color).toBe(WHITE)
})

test('a toast is light text on a dark box in the offline flow', async ({ browser }) => {
  const { context, page } = await signedInThenOffline(browser, 'school1', 'school123')
  await submitEmptyFireCheck(page)
  const toast = await toastColours(page)
  expect(toast.background).toBe(DARK_TOAST)
  expect(toast.color).toBe(WHITE)
  await context.close()
})

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { signIn, signedInThenOffline } from './support.js'

/**
 * A toast is a .van-popup too: popup's white background and toast's dark one have the same
 * specificity, so the later stylesheet wins. Popup's rules must come first on every path.
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
  await page.getByRole('button', { name: '提交' }).click()
}

const DARK_TOAST = 'rgba(0, 0, 0, 0.7)'
const WHITE = 'rgb(255, 255, 255)'

test('the built app carries popup rules only in the first stylesheet, before any lazily loaded toast rules', () => {
  const dist = join(process.cwd(), 'dist')
  const entryCss = [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/href="\/?(assets\/[^"]+\.css)"/g)].map((match) => match[1])
  const cssFiles = (dir: string): string[] =>
    readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? cssFiles(join(dir, entry.name)) : entry.name.endsWith('.css') ? [join(dir, entry.name)] : [],
    )
  const withPopup = cssFiles('assets').filter((file) => readFileSync(join(dist, file), 'utf8').includes('.van-popup{'))
  expect(withPopup).toEqual(entryCss)
})

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

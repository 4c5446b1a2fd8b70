import { expect, test, type Page } from '@playwright/test'
import { pngPhoto } from '../../bench/pngPhoto.js'
import { signIn } from './support.js'

/** A thumb needs 44 × 44 CSS px (WCAG 2.5.5, Apple's and Android's guidance). */
const MIN = 44

/**
 * Every interactive element shown, with its touch box: a text input is tapped through its whole
 * field row, a radio or checkbox through its label. Returns those under MIN in either direction.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = [
      'a[href]', 'button', '[role="button"]', '[role="radio"]', '[role="checkbox"]', '[role="tab"]',
      'input:not([type="hidden"])', 'textarea', 'select', '.van-tabbar-item', '.van-cell--clickable',
      '.van-uploader__upload', '.van-uploader__preview-delete', '.van-image-preview__close-icon',
    ].join(',')
    const small: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(element)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      // Inputs are reached through their field row; an input Vant hides inside a radio or uploader through its label.
      const target = element.closest<HTMLElement>('.van-field, .van-radio, .van-checkbox, .van-uploader__upload') ?? element
      const box = target.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        const name = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 16)
        small.push(`${target.tagName.toLowerCase()}.${[...target.classList].slice(0, 2).join('.')} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`)
      }
    }
    return [...new Set(small)]
  }, MIN)
}

test.describe('tap targets at 360 px', () => {
  test('the sign-in screen', async ({ page }) => {
    await page.goto('/login')
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
    expect(await smallTargets(page)).toEqual([])
  })

  test('a staff member’s screens: forms, a check with a hazard and photos, outbox, hazards, pledges, settings', async ({ page }) => {
    await signIn(page, 'school1', 'school123')
    const found: Record<string, string[]> = {}
    found['form list'] = await smallTargets(page)

    await page.locator('.form-entry[data-form="fire-safety"]').click()
    await page.locator('[data-field="responsibility"] .check__choice--fail').click()
    await expect(page.locator('[data-field="responsibility"] .van-uploader').first()).toBeVisible()
    await page
      .locator('[data-field="responsibility"] [data-testid="photo-gallery"] input[type="file"]')
      .setInputFiles({ name: 'exit.png', mimeType: 'image/png', buffer: pngPhoto(640, 480, 10) })
    await expect(page.locator('[data-field="responsibility"] .photos__item')).toHaveCount(1)
    found['fire self-check with a failed item and a photo'] = await smallTargets(page)
    await page.locator('[data-field="responsibility"] .photos__thumb').click()
    await expect(page.locator('.van-image-preview__close-icon')).toBeVisible()
    found['photo viewer'] = await smallTargets(page)
    await page.locator('.van-image-preview__close-icon').click()
    await expect(page.locator('.van-image-preview')).toBeHidden()
    await page.goBack()

    for (const [name, path] of [['outbox', '/outbox'], ['hazards', '/hazards'], ['pledges', '/pledges'], ['settings', '/settings']] as const) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      found[name] = await smallTargets(page)
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])))
  })
})

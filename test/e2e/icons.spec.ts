import { expect, test, type Page } from '@playwright/test'
import { signedInThenOffline } from './support.js'

/**
 * The icon font is split in two faces of one family (scripts/vantIconSubset.ts): the first
 * screen's glyphs in the stylesheet, the rest loaded when idle. Every icon shown must have its
 * glyph in a loaded face's unicode-range, or it would render as an empty box.
 */
async function iconsWithoutGlyph(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready
    const ranges = [...document.fonts]
      .filter((face) => face.family.replace(/"/g, '') === 'vant-icon' && face.status === 'loaded')
      .flatMap((face) => face.unicodeRange.split(',').map((part) => part.trim().replace(/^U\+/i, '')))
      .map((part) => {
        const [low = '0', high = low] = part.split('-')
        return [parseInt(low, 16), parseInt(high, 16)] as const
      })
    const missing: string[] = []
    for (const icon of document.querySelectorAll('.van-icon')) {
      const content = getComputedStyle(icon, '::before').content.replace(/"/g, '')
      const code = content.codePointAt(0)
      if (code === undefined || content === 'none' || content === '') continue
      if (!ranges.some(([low, high]) => code >= low && code <= high)) missing.push(`${icon.className} U+${code.toString(16)}`)
    }
    return missing
  })
}

test('every icon on the first screen and on a form with a photo picker has its glyph loaded, offline too', async ({ browser }) => {
  const { context, page } = await signedInThenOffline(browser, 'school1', 'school123')
  await expect(page.locator('.van-tabbar .van-icon').first()).toBeVisible()
  expect(await page.locator('.van-icon').count()).toBeGreaterThan(4)
  expect(await iconsWithoutGlyph(page)).toEqual([])

  // Later screens' icons (camera, album) come from the face loaded when idle, from the precache.
  await page.locator('.form-entry[data-form="fire-safety"]').click()
  await page.locator('[data-field="responsibility"] .check__choice--fail').click()
  await expect(page.locator('[data-field="responsibility"] .van-icon').first()).toBeVisible()
  await expect.poll(() => iconsWithoutGlyph(page)).toEqual([])
  await context.close()
})

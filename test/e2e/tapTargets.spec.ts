import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { v7 as uuidv7 } from 'uuid'
import { pngPhoto } from '../../bench/pngPhoto.js'
import { apiToken, FIRE_CHECKS, signIn } from './support.js'

/** A thumb needs 44 × 44 CSS px (WCAG 2.5.5, Apple's and Android's guidance). */
const MIN = 44
/** A mouse at a desk needs less, but not Vant's mini buttons (24 px): 32 px, as desktop toolkits draw theirs. */
const MIN_DESK = 32

/**
 * Every interactive element shown, with its touch box: a text input is tapped through its whole
 * field row, a radio or checkbox through its label. Returns those under MIN in either direction.
 */
async function smallTargets(page: Page, least = MIN): Promise<string[]> {
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
  }, least)
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

    for (const [name, path] of [['待办', '/'], ['outbox', '/outbox'], ['hazards', '/hazards'], ['pledges', '/pledges'], ['settings', '/settings']] as const) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      found[name] = await smallTargets(page)
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])))
  })
})

/** An open hazard on the board, so its row's buttons are measured too: a fire self-check with one failed item. */
async function fileHazard(request: APIRequestContext): Promise<void> {
  const token = await apiToken(request, 'school1', 'school123')
  const now = new Date().toISOString()
  const answers: Record<string, unknown> = { checkType: 'self', inspector: '王老师', checkDate: now.slice(0, 10) }
  for (const id of FIRE_CHECKS) answers[id] = { result: 'pass' }
  answers['wiring'] = { result: 'fail', hazard: { description: '配电箱线路老化', severity: 'medium', deadline: now.slice(0, 10), responsible: '后勤主任' } }
  const envelope = { id: uuidv7(), formId: 'fire-safety', formVersion: 1, schoolId: 'school-1', answers, attachments: [], startedAt: now, completedAt: now, deviceId: 'e2e-taps' }
  const response = await request.post('/api/v1/submissions', { data: { submissions: [envelope] }, headers: { authorization: `Bearer ${token}` } })
  expect(await response.json()).toMatchObject({ results: [{ status: 'accepted' }] })
}

const BUREAU_SCREENS = [
  ['overview', '/bureau'], ['hazard board', '/bureau/hazards'], ['canteen', '/bureau/canteen'], ['surveys', '/bureau/surveys'],
  ['signing', '/bureau/signing'], ['exports', '/bureau/exports'], ['schools', '/bureau/admin/schools'], ['accounts', '/bureau/admin/users'],
  ['forms', '/bureau/admin/forms'], ['deadlines', '/bureau/admin/deadlines'], ['pledges', '/bureau/admin/pledges'], ['audit', '/bureau/admin/audit'],
] as const

/** Every workspace screen, the completeness table of the first periodic form included. */
async function bureauTargets(page: Page, least: number): Promise<Record<string, string[]>> {
  await signIn(page, 'admin', 'admin123')
  const found: Record<string, string[]> = {}
  for (const [name, path] of BUREAU_SCREENS) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
    await expect(page.locator('.bw-title').first()).toBeVisible()
    if (name === 'hazard board') await expect(page.locator('[data-hazard]').first()).toBeVisible()
    found[name] = await smallTargets(page, least)
  }
  await page.goto('/bureau')
  await page.locator('.home__row').first().click()
  await page.waitForLoadState('networkidle')
  found['completeness'] = await smallTargets(page, least)
  return found
}

test.describe('the bureau’s workspace', () => {
  test.beforeAll(async ({ request }) => fileHazard(request))

  test('at 360 px every target is a thumb’s size (44 px)', async ({ page }) => {
    const found = await bureauTargets(page, MIN)
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])))
  })

  test.describe('at a desk', () => {
    test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })
    test('at 1280 px every target is at least 32 px', async ({ page }) => {
      const found = await bureauTargets(page, MIN_DESK)
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])))
    })
  })
})

// The food-hygiene inspection as a person fills it: its checks, its photo gallery, submit. Shared by
// bench:startup (submit and 12 MP compression timed on a slowed CPU) and bench:upload (reports
// with photos queued through the app itself, then drained over a throttled link).
import type { BrowserContext, Page } from '@playwright/test'
import { pngPhoto } from './pngPhoto.js'
import { throttledPage } from './yardstick.js'

export const SAVED_ON_PHONE = '已保存在手机上'
export const FOOD_CHECKS = [
  'licence', 'healthCerts', 'foodSafetyOfficer', 'invoices', 'storage', 'additives',
  'pests', 'rawCooked', 'disinfection', 'samples', 'openKitchen', 'accompanyMeal',
]

export type PickedFile = { name: string; mimeType: string; buffer: Buffer }

/** Opens a form from the list on `page` and waits until its first item is answerable. */
export async function openFormOn(page: Page, formId: string): Promise<Page> {
  await page.goto('/forms')
  await page.locator(`.form-entry[data-form="${formId}"]`).click()
  await page.locator('.check__choice--pass').first().waitFor()
  return page
}

/** Picks a photo into the scene gallery; milliseconds until the `expected`-th thumbnail shows (compressed and stored). */
export async function addPhoto(page: Page, file: PickedFile, expected: number): Promise<number> {
  const started = Date.now()
  await page.locator('[data-field="scenePhotos"] [data-testid="photo-gallery"] input[type="file"]').setInputFiles(file)
  await page.locator('[data-field="scenePhotos"] .photos__img').nth(expected - 1).waitFor({ timeout: 120_000 })
  return Date.now() - started
}

/** Answers every food-hygiene check "pass" and adds `photos` to the scene gallery. */
export async function fillFoodHygiene(page: Page, photos: readonly PickedFile[]): Promise<void> {
  for (const id of FOOD_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  for (const [index, photo] of photos.entries()) await addPhoto(page, photo, index + 1)
}

/** Milliseconds from the tap on submit (the click event's own timestamp) to the "saved on this phone" toast. */
export async function timeSubmit(page: Page): Promise<number> {
  const measured = page.evaluate(
    (text) =>
      new Promise<number>((resolve) => {
        let tapAt = 0
        document.addEventListener('click', (event) => (tapAt = event.timeStamp), { capture: true, once: true })
        const observer = new MutationObserver(() => {
          if (tapAt > 0 && document.body.innerText.includes(text)) {
            observer.disconnect()
            resolve(performance.now() - tapAt)
          }
        })
        observer.observe(document.body, { childList: true, subtree: true, characterData: true })
      }),
    SAVED_ON_PHONE,
  )
  await page.getByRole('button', { name: '提交' }).click()
  return measured
}

/** A 12-megapixel photo's timings: inside the page from the input's change event, and from outside. */
export type CameraPhotoTiming = {
  /** The file input's `change` event (the file is in the page) → its thumbnail in the DOM: the app's own work. */
  readonly inPage: number
  /** Playwright's setInputFiles → thumbnail found, including handing 11 MB to the page over CDP. */
  readonly outside: number
}

/** A 12-megapixel picture (4000 × 3000 PNG, 11 MB) through the phone's own compression on a fresh draft, CPU `cpuSlowdown`× slower. */
export async function timeCameraPhoto(context: BrowserContext, cpuSlowdown: number): Promise<CameraPhotoTiming> {
  const page = await openFormOn(await throttledPage(context, cpuSlowdown), 'food-hygiene')
  const buffer = pngPhoto(4000, 3000, 90)
  const inPage = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let changedAt = 0
        document.addEventListener('change', (event) => (changedAt = event.timeStamp), { capture: true, once: true })
        const observer = new MutationObserver(() => {
          if (changedAt > 0 && document.querySelector('[data-field="scenePhotos"] .photos__img')) {
            observer.disconnect()
            resolve(performance.now() - changedAt)
          }
        })
        observer.observe(document.body, { childList: true, subtree: true })
      }),
  )
  const outside = await addPhoto(page, { name: 'camera.png', mimeType: 'image/png', buffer }, 1)
  const timing = { inPage: await inPage, outside }
  await page.close()
  return timing
}

import { expect, test, type Locator } from '@playwright/test'
import { signIn } from './support.js'

// The bureau at a desk: a laptop-sized window, mouse, no touch.
test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The boxes of a chart's SVG texts, split into the legend's entries and everything drawn on the plot. */
async function chartTexts(chart: Locator, legend: readonly string[]): Promise<{ legend: Box[]; plot: Box[] }> {
  return chart.evaluate((host, names) => {
    const boxes = { legend: [] as Box[], plot: [] as Box[] }
    for (const text of host.querySelectorAll('text')) {
      const { x, y, width, height } = text.getBoundingClientRect()
      if (width === 0) continue
      ;(names.includes((text.textContent ?? '').trim()) ? boxes.legend : boxes.plot).push({ x, y, width, height })
    }
    return boxes
  }, legend)
}

test('at 1280 px the workspace takes the window: no phone tab bar, the phone screens are in the side navigation', async ({ page }) => {
  await signIn(page, 'admin', 'admin123')
  await page.goto('/bureau/hazards')
  const nav = page.getByTestId('bureau-nav')
  await expect(nav).toBeVisible()
  await expect(page.locator('.van-tabbar')).toBeHidden()
  // What the tab bar offered stays one click away: filing, the outbox and the settings (sign out).
  for (const name of ['填报', '发件箱', '我的']) await expect(nav.getByRole('link', { name })).toBeVisible()
  // …and within the window without scrolling the side bar (1280 × 800, an admin's longest list).
  const last = await nav.getByRole('link', { name: '我的' }).boundingBox()
  expect((last?.y ?? 999) + (last?.height ?? 0)).toBeLessThanOrEqual(800)
  // Nothing is reserved at the bottom for a bar that is not there.
  expect(await page.locator('.page').evaluate((element) => getComputedStyle(element).paddingBottom)).toBe('0px')

  // The pledge report is drawn outside the workspace's layout: there the bar stays, as its way back.
  await page.goto('/bureau/pledges')
  await expect(page.locator('.van-nav-bar')).toBeVisible()
  await expect(page.locator('.van-tabbar')).toBeVisible()
})

test('the hazard trend’s legend sits clear of the axes and the lines', async ({ page }) => {
  await signIn(page, 'bureau', 'bureau123')
  await page.goto('/bureau/hazards')
  const chart = page.locator('.echart[aria-label="近 12 周趋势"]')
  await expect(chart.locator('text', { hasText: '新发现' })).toBeVisible()
  const texts = await chartTexts(chart, ['新发现', '销号'])
  expect(texts.legend).toHaveLength(2)
  expect(texts.plot.length).toBeGreaterThan(2)
  // The plot spans from its highest axis label to its lowest; the legend lies wholly outside that band.
  const top = Math.min(...texts.plot.map((box) => box.y))
  const bottom = Math.max(...texts.plot.map((box) => box.y + box.height))
  for (const entry of texts.legend) {
    expect(texts.plot.filter((box) => overlaps(entry, box))).toEqual([])
    expect(entry.y + entry.height <= top || entry.y >= bottom).toBe(true)
  }
})

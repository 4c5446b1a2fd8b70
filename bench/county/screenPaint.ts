import type { Browser, Page } from '@playwright/test'

export type ScreenTiming = { readonly screen: string; readonly samples: number[]; readonly note?: string }

type Screen = { readonly name: string; readonly path: string; readonly painted: string }

/** The workspace screens a bureau opens most, and the element that says each one's table is there. */
export function bureauScreens(options: { month: string; schoolId: string }): Screen[] {
  return [
    { name: 'screen: overview', path: '/bureau', painted: '.home__row' },
    { name: 'screen: hazard board', path: '/bureau/hazards', painted: '[data-testid="hazard-table"] tbody tr' },
    { name: 'screen: completeness fire month', path: `/bureau/completeness/fire-safety/${options.month}`, painted: '[data-testid="completeness-table"] tbody tr' },
    { name: "screen: a school's reports", path: `/bureau/schools/${encodeURIComponent(options.schoolId)}`, painted: 'article[data-report]' },
  ]
}

async function signInAsBureau(page: Page): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('用户名').fill('bureau')
  await page.getByLabel('密码').fill('bureau123')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/**
 * Navigation → the screen's first table row painted, each screen `runs` times after one warm-up
 * (which also fills the HTTP cache with the app's chunks, as a bureau's second visit would have).
 * "Painted" is the element attached plus the next animation frame, so layout and paint ran.
 */
export async function timeScreens(browser: Browser, baseURL: string, screens: readonly Screen[], runs: number): Promise<ScreenTiming[]> {
  // The bureau works at a desk: a laptop-sized window, as in the e2e lane.
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' })
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  const page = await context.newPage()
  const results: ScreenTiming[] = []
  try {
    await signInAsBureau(page)
    for (const screen of screens) {
      const samples: number[] = []
      try {
        for (let run = 0; run <= runs; run++) {
          await page.goto('about:blank')
          const started = performance.now()
          await page.goto(screen.path)
          await page.locator(screen.painted).first().waitFor({ timeout: 120_000 })
          await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())))
          if (run > 0) samples.push(performance.now() - started)
        }
        results.push({ screen: screen.name, samples })
      } catch (error) {
        results.push({ screen: screen.name, samples, note: String(error).split('\n')[0]?.slice(0, 120) ?? 'failed' })
      }
    }
  } finally {
    await context.close()
  }
  return results
}

import { chromium, type Browser, type BrowserContext } from '@playwright/test'

/** Debian's Chromium with the flags this closed network needs (see STACK.md). */
export const CHROME_PATH = process.env['CHROME_PATH'] || '/usr/bin/chromium'
export const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS })
}

/** A phone-sized context like the e2e lane's (360 px, touch, zh-CN). */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'allow' })
  // tsx (esbuild keepNames) wraps named functions inside page.evaluate callbacks in __name().
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context
}

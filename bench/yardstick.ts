import type { BrowserContext, Page } from '@playwright/test'

/** A page whose CPU runs `rate`× slower (CDP Emulation.setCPUThrottlingRate), like a cheap phone. */
export async function throttledPage(context: BrowserContext, rate: number): Promise<Page> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return page
}

/** The same fixed work every run (math, JSON, DOM): how slow this (throttled) page is right now. */
export async function yardstick(page: Page): Promise<number> {
  return page.evaluate(() => {
    const started = performance.now()
    let sum = 0
    for (let i = 0; i < 2_000_000; i++) sum += Math.sqrt(i)
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `row ${i}`, ok: sum > i }))
    JSON.parse(JSON.stringify(rows))
    const box = document.createElement('div')
    for (let i = 0; i < 1000; i++) box.appendChild(document.createElement('span')).textContent = String(i)
    document.body.appendChild(box).getBoundingClientRect()
    box.remove()
    return performance.now() - started
  })
}

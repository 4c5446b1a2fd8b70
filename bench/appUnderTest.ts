import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startBenchServer, type BenchServer } from './benchServer.js'
import { buildWithAppConfig, repoRoot } from './buildWithAppConfig.js'

/** A fresh production build of the app, or BENCH_DIST when `npm run bench` already built one. */
export async function builtApp(): Promise<string> {
  const given = process.env['BENCH_DIST']
  if (given && existsSync(join(given, 'index.html'))) return given
  return buildWithAppConfig(repoRoot)
}

/** The built app served by our own server (SQLite on a temp data dir, demo seed) on `port`. */
export async function serveBuiltApp(port: number): Promise<BenchServer> {
  return startBenchServer({ port, staticDir: await builtApp() })
}

export async function signIn(page: Page, username = 'school1', password = 'school123'): Promise<void> {
  await page.goto('/')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  // A school lands on its 待办; the forms are one tap away.
  await page.getByTestId('tab-forms').click()
  await page.locator('.form-entry').first().waitFor()
}

/** Waits until the service worker controls the page (reloading once if it activated after load). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

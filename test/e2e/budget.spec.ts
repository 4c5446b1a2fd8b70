import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { FIRST_SCREEN_ROUTES_NOTE, kb, measureFirstScreen } from '../../bench/firstScreen.js'
import { buildFrameworkFloor, OVER_FLOOR_BUDGET } from '../../bench/frameworkFloor.js'

// The budget follows the stack: the framework floor (the app's own libraries and first-screen Vant
// components, nothing of ours) is built here with the same config, and the app may add 22 KB to it.
test('the first screen a school phone downloads stays within the framework floor + 22 KB (JS + CSS, gzip)', async () => {
  test.setTimeout(240_000)
  // scripts/e2e.mjs builds dist/ just before the browser tests: this checks that build.
  const screen = measureFirstScreen(join(process.cwd(), 'dist'))
  const floor = (await buildFrameworkFloor()).screen
  const budget = floor.gzip + OVER_FLOOR_BUDGET
  const table = screen.files.map((file) => `${kb(file.gzip).padStart(6)} KB  ${file.file}  (${file.via})`).join('\n')
  console.log(
    `first screen (${FIRST_SCREEN_ROUTES_NOTE}):\n${table}\n${kb(screen.gzip).padStart(6)} KB total; floor ${kb(floor.gzip)} KB, ` +
      `budget ${kb(budget)} KB, app ÷ floor = ${(screen.gzip / floor.gzip).toFixed(2)}×`,
  )
  expect(screen.files.some((file) => file.via.startsWith('route'))).toBe(true)
  expect(floor.gzip).toBeGreaterThan(40 * 1024)
  expect(screen.gzip, `first screen is ${kb(screen.gzip)} KB gzip, budget ${kb(budget)} KB (floor + ${kb(OVER_FLOOR_BUDGET)})`).toBeLessThanOrEqual(budget)
})

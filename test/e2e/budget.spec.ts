import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { FIRST_SCREEN_BUDGET, FIRST_SCREEN_ROUTES_NOTE, kb, measureFirstScreen } from '../../bench/firstScreen.js'

// scripts/e2e.mjs builds dist/ just before the browser tests: this checks that build.
test('the first screen a school phone downloads stays within the byte budget (JS + CSS, gzip)', () => {
  const screen = measureFirstScreen(join(process.cwd(), 'dist'))
  const table = screen.files.map((file) => `${kb(file.gzip).padStart(6)} KB  ${file.file}  (${file.via})`).join('\n')
  console.log(`first screen (${FIRST_SCREEN_ROUTES_NOTE}):\n${table}\n${kb(screen.gzip).padStart(6)} KB total, budget ${kb(FIRST_SCREEN_BUDGET)} KB`)
  expect(screen.files.some((file) => file.via.startsWith('route'))).toBe(true)
  expect(screen.gzip, `first screen is ${kb(screen.gzip)} KB gzip, budget ${kb(FIRST_SCREEN_BUDGET)} KB`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET)
})

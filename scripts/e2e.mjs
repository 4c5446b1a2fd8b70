// The browser lane of `npm test`: build the PWA, then Playwright drives Debian's Chromium.
// Without Chromium the lane fails under CI and is reported (not silently passed) elsewhere.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  const message = `Chromium not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROME_PATH).`
  if (process.env.CI) {
    console.error(`e2e: ${message}`)
    process.exit(1)
  }
  console.warn(`\n*** e2e lane NOT RUN: ${message} ***\n`)
  process.exit(0)
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('npx', ['vite', 'build'])
// Lets context.route() see (and cut) the service worker's own requests when a test goes offline.
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS: '1' })

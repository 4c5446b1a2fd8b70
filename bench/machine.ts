import { execFileSync } from 'node:child_process'
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { CHROME_PATH } from './chromium.js'

/** The machine the figures come from, and how busy it is right now (load average over 1 minute). */
export function describeMachine(): Record<string, string> {
  let chromium = 'not found'
  try {
    chromium = execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    // reported as not found
  }
  return {
    cores: String(cpus().length),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free)`,
    node: process.version,
    chromium,
    'load (1 min)': loadavg()[0]?.toFixed(2) ?? 'n/a',
  }
}

// npm run bench:lighthouse — Lighthouse (mobile, default simulated throttling) on the built app
// served by our own server, driving Debian's Chromium. A blank page served by the same server is
// audited in the same run as the baseline for this machine's speed.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtApp } from './appUnderTest.js'
import { startBenchServer } from './benchServer.js'
import { CHROME_FLAGS, CHROME_PATH } from './chromium.js'

const PORT = Number(process.env['BENCH_PORT'] ?? 8330)
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive', 'max-potential-fid']

type Audit = { numericValue?: number; score: number | null; title?: string; details?: { items?: { node?: { snippet?: string }; url?: string }[] } }
type Lhr = { categories: Record<string, { score: number | null }>; audits: Record<string, Audit>; runWarnings: string[] }

async function load(): Promise<{ lighthouse: (url: string, flags: object) => Promise<{ lhr: Lhr } | undefined>; launch: (options: object) => Promise<{ port: number; kill: () => void }> }> {
  try {
    const lighthouse = (await import('lighthouse')).default as unknown as (url: string, flags: object) => Promise<{ lhr: Lhr } | undefined>
    const { launch } = (await import('chrome-launcher')) as unknown as { launch: (options: object) => Promise<{ port: number; kill: () => void }> }
    return { lighthouse, launch }
  } catch (error) {
    console.error(`bench:lighthouse: the lighthouse package could not be loaded (${String(error)}). It is a devDependency: run npm ci.`)
    process.exit(1)
  }
}

async function audit(url: string): Promise<Record<string, string | number>> {
  const { lighthouse, launch } = await load()
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, userDataDir: mkdtempSync(join(tmpdir(), 'bench-lh-profile-')) })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    const score = (name: string): number | string => {
      const value = lhr.categories[name]?.score
      return value === null || value === undefined ? 'n/a' : Math.round(value * 100)
    }
    const metric = (id: string, digits = 0): string => lhr.audits[id]?.numericValue?.toFixed(digits) ?? 'n/a'
    const failing = Object.entries(lhr.audits)
      .filter(([id, entry]) => entry.score !== null && entry.score < 0.9 && !METRICS.includes(id))
      .map(([id]) => id)
    for (const id of failing) {
      const items = (lhr.audits[id]?.details?.items ?? []).slice(0, 3).map((item) => item.node?.snippet ?? item.url ?? '').filter(Boolean)
      if (items.length > 0) console.log(`  ${url.replace(/^http:\/\/[^/]+/, '')} ${id}: ${items.join(' | ').slice(0, 300)}`)
    }
    if (lhr.runWarnings.length > 0) console.warn(`Lighthouse warnings for ${url}:\n  ${lhr.runWarnings.join('\n  ')}`)
    return {
      page: url.replace(/^http:\/\/[^/]+/, ''),
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      'FCP ms': metric('first-contentful-paint'),
      'LCP ms': metric('largest-contentful-paint'),
      'TBT ms': metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift', 3),
      'audits below 0.9': failing.slice(0, 6).join(' ') || '-',
    }
  } finally {
    chrome.kill()
  }
}

const dist = await builtApp()
// The baseline: an empty HTML page from the same server (a file in the same static root).
writeFileSync(join(dist, 'bench-blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="blank"><title>blank</title></head><body><main><h1>blank</h1></main></body></html>')
const server = await startBenchServer({ port: PORT, staticDir: dist })
try {
  const rows = [await audit(`${server.url}/bench-blank.html`), await audit(`${server.url}/`)]
  console.log(`\nLighthouse (mobile, simulated throttling) with ${CHROME_PATH}; the app's / is its sign-in screen for a new phone:`)
  console.table(rows)
} finally {
  await server.close()
}

// npm run bench:county [-- --sizes 150,600,2000 --runs 5] — builds a county of each size through
// the real API (seedCounty), then times the bureau's reads against it: p50/p95 per read per size,
// how each grows from one size to the next, and the longest synchronous SQLite call of each read.
// SQLite always; PostgreSQL too when DATABASE_URL is set (a new schema per size; --dialects to pick). With screens on
// (the default; --screens false to skip), the built app is served on BENCH_PORT (8213) and Debian's
// Chromium times the workspace's screens from navigation to their table painted.
import { mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { periodOf } from '../../src/core/periods.js'
import type { Database } from '../../src/server/db/schema.js'
import { openCounty, type CountyTarget } from './countyApp.js'
import { login, seedCounty, type CountySummary } from './seedCounty.js'
import { builtApp } from '../appUnderTest.js'
import { launchChromium } from '../chromium.js'
import { bureauScreens, timeScreens } from './screenPaint.js'
import { installSyncDbTimer } from './syncDbTimer.js'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '150,600,2000' }, runs: { type: 'string', default: '5' }, screens: { type: 'string', default: 'true' }, dialects: { type: 'string' },
    // Time a county seed:county built earlier instead of seeding afresh: {size} in the dir or schema name.
    'sqlite-dir': { type: 'string' }, 'pg-schema': { type: 'string' },
  },
})
const SIZES = values.sizes.split(',').map(Number)
const RUNS = Number(values.runs)
const TARGET_P95_MS = 300
const TARGET_PAINT_MS = 2000
const SCREENS = values.screens !== 'false'
const PORT = Number(process.env['BENCH_PORT'] ?? 8213)
const staticDir = SCREENS ? await builtApp() : undefined
const timer = installSyncDbTimer()

type Sample = { ms: number; syncMs: number; bytes: number; healthMs: number }

/**
 * Asks /health every 10 ms while a read runs and keeps the longest wait for an answer, counted from
 * when the question was due: a timer that fires late was held up by the same blocked event loop
 * (a long synchronous database call, or rows serialised without a pause), as a user's request would be.
 */
function healthProbe(app: FastifyInstance): { stop(): Promise<number> } {
  let running = true
  let worst = 0
  const loop = (async () => {
    while (running) {
      const due = performance.now() + 10
      await new Promise((resolve) => setTimeout(resolve, 10))
      // Late already: the loop was held up, even if the read ended meanwhile.
      worst = Math.max(worst, performance.now() - due)
      if (!running) break
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' })
      if (response.statusCode !== 200) throw new Error(`/health: ${response.statusCode}`)
      worst = Math.max(worst, performance.now() - due)
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      return worst
    },
  }
}
type Measured = { read: string; samples: Sample[]; note?: string; screen?: boolean }

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

async function timed(app: FastifyInstance, token: string, url: string): Promise<Sample & { body: string }> {
  timer.reset()
  const health = healthProbe(app)
  const started = performance.now()
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } })
  const ms = performance.now() - started
  const syncMs = timer.longestMs()
  const healthMs = await health.stop()
  if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
  return { ms, syncMs, healthMs, bytes: response.rawPayload.length, body: response.body }
}

/** Follows a cursor list to its end: each page is a sample; the whole walk is one more read. */
async function walk(app: FastifyInstance, token: string, first: string, next: (cursor: string) => string): Promise<{ pages: Sample[]; total: Sample; count: number }> {
  const pages: Sample[] = []
  let url = first
  for (;;) {
    const page = await timed(app, token, url)
    pages.push(page)
    const cursor = (JSON.parse(page.body) as { nextCursor: string | null }).nextCursor
    if (cursor === null) break
    url = next(cursor)
  }
  const total = {
    ms: pages.reduce((sum, page) => sum + page.ms, 0), syncMs: Math.max(...pages.map((page) => page.syncMs)),
    healthMs: Math.max(...pages.map((page) => page.healthMs)), bytes: pages.reduce((sum, page) => sum + page.bytes, 0),
  }
  return { pages, total, count: pages.length }
}

async function measure(app: FastifyInstance, now: Date): Promise<Measured[]> {
  const bureau = await login(app, 'bureau', 'bureau123')
  const inspector = await login(app, 'inspector', 'inspector123')
  const admin = await login(app, 'admin', 'admin123')
  const school = await login(app, 'county1', 'county-staff-1')
  const month = periodOf(new Date(now.getTime() - 31 * 86_400_000), 'month')
  const term = periodOf(new Date(now.getTime() - 120 * 86_400_000), 'term')
  const reads: [string, string, string][] = [
    ['bureau', '/reports/overview', 'overview'],
    ['bureau', '/reports/hazard-board', 'hazard-board (counts)'],
    ['bureau', '/reports/hazard-board/rows', 'hazard-board rows p.1'],
    ['bureau', '/reports/hazard-board/rows?status=overdue&sort=school&page=20', 'hazard-board rows overdue p.20'],
    ['bureau', '/reports/hazard-board/rows?level=red&sort=age', 'hazard-board rows red'],
    ['bureau', `/reports/completeness?formId=fire-safety&period=${month}`, 'completeness fire month'],
    ['bureau', `/reports/completeness?formId=myopia-screening&period=${term}`, 'completeness survey term'],
    ['bureau', `/reports/canteen-summary?term=${term}`, 'canteen-summary'],
    ['bureau', '/reports/canteen-grades', 'canteen-grades'],
    ['bureau', `/reports/survey-totals?formId=myopia-screening&period=${term}`, 'survey-totals'],
    ['bureau', '/reports/pledge-summary', 'pledge-summary'],
    ['bureau', '/admin/deadlines', 'admin/deadlines'],
    ['school', '/reports/latest', 'latest (a school)'],
    ['bureau', '/schools', 'schools'],
    ['bureau', '/admin/schools', 'admin/schools'],
    ['bureau', '/admin/users', 'admin/users'],
    ['admin', '/admin/schools', 'admin/schools (admin)'],
    ['bureau', '/inspections?limit=50', 'inspections p.1'],
    ['bureau', `/exports/fire-safety.xlsx?period=${month}`, 'export fire month xlsx'],
    ['bureau', '/exports/hazards.xlsx', 'export hazards xlsx'],
    ['bureau', `/exports/completeness.csv?formId=myopia-screening&period=${term}`, 'export completeness csv'],
  ]
  const tokens: Record<string, string> = { bureau, inspector, admin, school }
  const results: Measured[] = []
  for (const [who, url, read] of reads) {
    const samples: Sample[] = []
    try {
      await timed(app, tokens[who] ?? bureau, url)
      for (let run = 0; run < RUNS; run++) samples.push(await timed(app, tokens[who] ?? bureau, url))
      results.push({ read, samples })
    } catch (error) {
      results.push({ read, samples: [], note: String(error).slice(0, 120) })
    }
  }
  const hazards = await walk(app, inspector, '/hazards', (cursor) => `/hazards?cursor=${encodeURIComponent(cursor)}`)
  results.push({ read: 'hazards page (500)', samples: hazards.pages, note: `${hazards.count} pages` })
  results.push({ read: 'hazards all pages', samples: [hazards.total] })
  const subs = await walk(app, bureau, '/submissions?limit=200', (cursor) => `/submissions?limit=200&cursor=${encodeURIComponent(cursor)}`)
  results.push({ read: 'submissions page (200)', samples: subs.pages, note: `${subs.count} pages` })
  results.push({ read: 'submissions all pages', samples: [subs.total] })
  return results
}

/** The workspace's screens in Chromium against this county, served by the same in-process app. */
async function measureScreens(app: FastifyInstance, now: Date): Promise<Measured[]> {
  const bureau = await login(app, 'bureau', 'bureau123')
  const schools = JSON.parse((await timed(app, bureau, '/schools')).body) as { schools: { id: string }[] }
  const month = periodOf(new Date(now.getTime() - 31 * 86_400_000), 'month')
  await app.listen({ port: PORT, host: '127.0.0.1' })
  const browser = await launchChromium()
  try {
    const timings = await timeScreens(browser, `http://127.0.0.1:${PORT}`, bureauScreens({ month, schoolId: schools.schools[0]?.id ?? '' }), RUNS)
    return timings.map((timing) => ({
      read: timing.screen, screen: true, samples: timing.samples.map((ms) => ({ ms, syncMs: 0, healthMs: 0, bytes: 0 })), ...(timing.note ? { note: timing.note } : {}),
    }))
  } finally {
    await browser.close()
  }
}

type Row = { dialect: string; size: number; summary: CountySummary; seedSeconds: number | null; reads: Measured[]; load: string }

/** The machine's 1/5/15-minute load averages: the figures mean little without them on a shared machine. */
function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(1)).join(' / ')
}

/** What a county built earlier holds, counted from its tables (seed:county printed the rest). */
async function countCounty(db: Kysely<Database>): Promise<CountySummary> {
  const count = async (table: 'schools' | 'submissions' | 'hazards' | 'users', where?: [string, string]) => {
    let query = db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n'))
    if (where) query = query.where(sql.ref(where[0]), '=', where[1])
    return Number((await query.executeTakeFirstOrThrow()).n)
  }
  return {
    schools: await count('schools'), users: await count('users'), reports: await count('submissions'), hazards: await count('hazards'),
    rectified: 0, closed: await count('hazards', ['status', 'closed']), refused: 0,
  }
}

async function runSize(dialect: 'sqlite' | 'postgres', size: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), `county-${size}-`))
  const databaseUrl = process.env['DATABASE_URL']
  const existing = dialect === 'sqlite' ? values['sqlite-dir']?.replaceAll('{size}', String(size)) : values['pg-schema']?.replaceAll('{size}', String(size))
  const schema = existing ?? `bench_county_${size}_${Date.now().toString(36)}`
  const target: CountyTarget = dialect === 'sqlite' ? { dataDir: existing ?? join(dir, 'data') } : { databaseUrl: databaseUrl ?? '', schema }
  const county = await openCounty(target, { fresh: existing === undefined, ...(staticDir === undefined ? {} : { staticDir }) })
  try {
    const started = performance.now()
    const summary = existing === undefined ? await seedCounty(county.app, county.clock, { schools: size, log: () => undefined }) : await countCounty(county.db)
    const seedSeconds = existing === undefined ? (performance.now() - started) / 1000 : null
    const load = loadAverage()
    console.error(`${dialect} ${size}: ${existing === undefined ? `seeded ${JSON.stringify(summary)} in ${seedSeconds?.toFixed(0)} s` : `county ${existing}`}; load ${load}`)
    const reads = await measure(county.app, county.clock.now)
    if (SCREENS) reads.push(...(await measureScreens(county.app, county.clock.now)))
    return { dialect, size, summary, seedSeconds, reads, load: `${load} → ${loadAverage()}` }
  } finally {
    await county.close()
    await rm(dir, { recursive: true, force: true })
    if (dialect === 'postgres' && databaseUrl && existing === undefined) {
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  }
}

function report(rows: readonly Row[]): void {
  const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
  for (const dialect of [...new Set(rows.map((row) => row.dialect))]) {
    const mine = rows.filter((row) => row.dialect === dialect)
    console.log(`\n### ${dialect}: ${mine.map((row) => `${row.size} schools = ${row.summary.reports} reports, ${row.summary.hazards} hazards (${row.seedSeconds === null ? 'built earlier' : `seeded in ${row.seedSeconds.toFixed(0)} s`}; load ${row.load})`).join('; ')}\n`)
    console.log(`| read | ${mine.map((row) => `${row.size}: p50 / p95 ms`).join(' | ')} | growth (×data → ×p50) | longest sync DB ms | longest /health wait ms | note |`)
    console.log(`|---|${mine.map(() => '---').join('|')}|---|---|---|---|`)
    const names = mine[0]?.reads.map((read) => read.read) ?? []
    for (const name of names) {
      const per = mine.map((row) => row.reads.find((read) => read.read === name))
      const stats = per.map((read) => {
        const ms = (read?.samples ?? []).map((sample) => sample.ms).sort((a, b) => a - b)
        return { p50: percentile(ms, 50), p95: percentile(ms, 95), sync: Math.max(0, ...(read?.samples ?? []).map((sample) => sample.syncMs)), health: Math.max(0, ...(read?.samples ?? []).map((sample) => sample.healthMs)) }
      })
      const growth: string[] = []
      let flagged = false
      for (let index = 1; index < mine.length; index++) {
        const before = stats[index - 1]
        const after = stats[index]
        const dataRatio = (mine[index]?.summary.reports ?? 1) / (mine[index - 1]?.summary.reports ?? 1)
        if (!before || !after || before.p50 <= 0) continue
        const timeRatio = after.p50 / before.p50
        // More than linear (time more than doubles when data doubles) and not lost in noise.
        const superlinear = Math.log(timeRatio) / Math.log(dataRatio) > 1 && after.p50 > 5
        flagged ||= superlinear
        growth.push(`×${dataRatio.toFixed(1)}→×${timeRatio.toFixed(1)}${superlinear ? ' ⚠' : ''}`)
      }
      const screen = per.some((read) => read?.screen === true)
      const target = screen ? TARGET_PAINT_MS : TARGET_P95_MS
      const over = stats.some((stat) => stat.p95 > target)
      const notes = per.map((read) => read?.note ?? '').filter(Boolean)
      const note = [[...new Set(notes)].join(' / '), over ? `over ${target} ms` : '', flagged ? 'superlinear' : ''].filter(Boolean).join('; ')
      console.log(`| ${name} | ${stats.map((stat) => `${fmt(stat.p50)} / ${fmt(stat.p95)}`).join(' | ')} | ${growth.join(', ')} | ${screen ? 'n/a (browser)' : dialect === 'postgres' ? 'n/a (async driver)' : stats.map((stat) => fmt(stat.sync)).join(' / ')} | ${screen ? 'n/a (browser)' : stats.map((stat) => fmt(stat.health)).join(' / ')} | ${note} |`)
    }
  }
}

const rows: Row[] = []
// --dialects postgres runs the PostgreSQL lane alone (DATABASE_URL set), e.g. beside a finished SQLite run.
const dialects = (values.dialects?.split(',') ?? (process.env['DATABASE_URL'] ? ['sqlite', 'postgres'] : ['sqlite'])) as ('sqlite' | 'postgres')[]
if (dialects.some((dialect) => dialect !== 'sqlite' && dialect !== 'postgres') || (dialects.includes('postgres') && !process.env['DATABASE_URL'])) {
  throw new Error('--dialects takes sqlite and/or postgres; postgres needs DATABASE_URL')
}
for (const dialect of dialects) {
  for (const size of SIZES) {
    rows.push(await runSize(dialect, size))
    // The table so far after every size: a long run that stops still leaves its figures.
    report(rows)
  }
}

// npm run bench:completeness [-- --schools 150 --runs 20] — a district of N schools with a year of
// schedules (the demo's: monthly, termly, yearly, weekly May–September, pledges) and a year of
// reports, then times completeness for one form and period and the overview on SQLite and, when
// DATABASE_URL is set, PostgreSQL (a throwaway schema). Goal: ≤ 100 ms per read (issue 14).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { SCHOOL_KINDS } from '../src/core/schoolKinds.js'
import { periodBounds, periodsOverlapping } from '../src/core/shanghaiCalendar.js'
import { loadConfig } from '../src/server/config.js'
import { createDatabase } from '../src/server/db/database.js'
import { migrateToLatest } from '../src/server/db/migrate.js'
import { createScratchSchema } from '../src/server/db/scratch-schema.js'
import type { Database } from '../src/server/db/schema.js'
import { seedDemo } from '../src/server/seed.js'
import { seedDemoSchedules } from '../src/server/seed-schedules.js'
import { computeCompleteness } from '../src/server/services/compute-completeness.js'
import { completenessOverview } from '../src/server/services/reports-completeness.js'
import { seededRandom } from './seededRandom.js'

const { values } = parseArgs({ options: { schools: { type: 'string', default: '150' }, runs: { type: 'string', default: '20' } } })
const SCHOOLS = Number(values.schools)
const RUNS = Number(values.runs)
const GOAL_MS = 100
const YEAR_START = new Date('2026-01-01T00:00:00+08:00')
const NOW = new Date('2026-12-20T10:00:00+08:00')
const TOWNSHIPS = ['城关镇', '河口镇', '青山乡', '江口镇', '东岭乡']

async function populate(db: Kysely<Database>): Promise<number> {
  await seedDemo(db, YEAR_START)
  // The demo's schedules, saved on 1 January: the whole year owes.
  await db.deleteFrom('schedule_versions').execute()
  await db.deleteFrom('schedules').execute()
  await db.deleteFrom('report_deadlines').execute()
  await seedDemoSchedules(db, YEAR_START, ['district-1'])
  const random = seededRandom(14)
  const schools = Array.from({ length: SCHOOLS }, (_, index) => ({
    id: `bench-school-${index}`, district_id: 'district-1', name: `学校${index}`,
    kind: SCHOOL_KINDS[index % SCHOOL_KINDS.length] ?? 'primary', township: TOWNSHIPS[index % TOWNSHIPS.length] ?? null,
  }))
  for (let at = 0; at < schools.length; at += 100) await db.insertInto('schools').values(schools.slice(at, at + 100)).execute()
  // A year of reports: most schools file each month's checks, each term's surveys and the yearly one.
  const rows: Database['submissions'][] = []
  const add = (schoolId: string, formId: string, period: string | null, doneAt: Date) => {
    const received = new Date(doneAt.getTime() + Math.floor(random() * 10 * 86_400_000))
    rows.push({
      id: uuidv7(), form_id: formId, form_version: 1, school_id: schoolId, period, subject_id: null, user_id: 'user-school1', device_id: 'bench',
      body: '{}', digest: '0'.repeat(64), started_at: doneAt.toISOString(), completed_at: doneAt.toISOString(), received_at: received.toISOString(), district_id: 'district-1',
    })
  }
  for (const school of schools) {
    for (const month of periodsOverlapping('month', YEAR_START, NOW)) {
      for (const formId of ['fire-safety', 'food-hygiene', 'campus-security']) if (random() < 0.85) add(school.id, formId, null, new Date(periodBounds(month).opensAt.getTime() + random() * 20 * 86_400_000))
    }
    for (const week of periodsOverlapping('week', new Date('2026-05-01T00:00:00+08:00'), new Date('2026-10-01T00:00:00+08:00'))) {
      if (random() < 0.7) add(school.id, 'drowning-prevention', null, new Date(periodBounds(week).opensAt.getTime() + random() * 5 * 86_400_000))
    }
    for (const term of ['2026-T1', '2026-T2']) for (const formId of ['enrolment', 'myopia-screening', 'home-visits']) if (random() < 0.8) add(school.id, formId, term, new Date(periodBounds(term).opensAt.getTime() + random() * 60 * 86_400_000))
    if (random() < 0.8) add(school.id, 'physical-health', '2026', new Date('2026-10-01T00:00:00+08:00'))
  }
  for (let at = 0; at < rows.length; at += 500) await db.insertInto('submissions').values(rows.slice(at, at + 500)).execute()
  return rows.length
}

type Read = { name: string; run: () => Promise<unknown> }

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

async function measure(dialect: string, db: Kysely<Database>): Promise<string[]> {
  const reports = await populate(db)
  const scope = { kind: 'district', districtId: 'district-1' } as const
  const query = (formId: string, period: string) => () => computeCompleteness(db, { scope, formId, period, now: NOW })
  const reads: Read[] = [
    { name: 'fire-safety 2026-11 (month)', run: query('fire-safety', '2026-11') },
    { name: 'drowning-prevention 2026-W30 (week)', run: query('drowning-prevention', '2026-W30') },
    { name: 'myopia-screening 2026-T2 (term)', run: query('myopia-screening', '2026-T2') },
    { name: 'physical-health 2026 (year)', run: query('physical-health', '2026') },
    { name: 'fire-safety 2026 (year asked of a monthly schedule)', run: query('fire-safety', '2026') },
    { name: 'overview (every schedule’s current period)', run: () => completenessOverview(db, { schools: scope, districtId: 'district-1', reach: { kind: 'district', districtId: 'district-1' } }, NOW) },
  ]
  const lines: string[] = []
  for (const read of reads) {
    const first = performance.now()
    await read.run()
    const cold = performance.now() - first
    const samples: number[] = []
    const cpu: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const cpuStart = process.cpuUsage()
      await read.run()
      samples.push(performance.now() - started)
      const used = process.cpuUsage(cpuStart)
      cpu.push((used.user + used.system) / 1000)
    }
    samples.sort((a, b) => a - b)
    cpu.sort((a, b) => a - b)
    const p95 = percentile(samples, 95)
    lines.push(`| ${dialect} | ${SCHOOLS + 5} | ${reports} | ${read.name} | ${cold.toFixed(1)} | ${percentile(samples, 50).toFixed(1)} | ${p95.toFixed(1)} | ${percentile(cpu, 50).toFixed(1)} | ${p95 <= GOAL_MS ? 'yes' : 'NO'} |`)
  }
  return lines
}

async function onSqlite(): Promise<string[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-completeness-'))
  const database = createDatabase({ ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: undefined })
  try {
    await migrateToLatest(database.db)
    return await measure('sqlite', database.db)
  } finally {
    await database.destroy()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function onPostgres(url: string): Promise<string[]> {
  const schema = await createScratchSchema(url, 'bench_completeness')
  const database = createDatabase({ ...loadConfig({ DATA_DIR: tmpdir() }), databaseUrl: url }, { searchPath: schema.name })
  try {
    await migrateToLatest(database.db)
    return await measure('postgres', database.db)
  } finally {
    await database.destroy()
    await schema.drop()
  }
}

const url = process.env['DATABASE_URL']
const lines = [...(await onSqlite()), ...(url ? await onPostgres(url) : [])]
console.log(`\ncompleteness from schedules: a district's year, ${RUNS} runs per read after one cold run; goal p95 ≤ ${GOAL_MS} ms\n`)
console.log('| dialect | schools | reports | read | cold ms | p50 ms | p95 ms | p50 CPU ms (this process) | p95 ≤ goal |')
console.log('|---|---|---|---|---|---|---|---|---|')
for (const line of lines) console.log(line)
// Wall time on a shared machine swings with its load; the CPU column is the server's own work.
console.log(`\nload average at the end: ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`)
if (!url) console.log('\n(PostgreSQL skipped: set DATABASE_URL to include it)')

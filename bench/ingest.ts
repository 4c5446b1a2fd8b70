// npm run bench:ingest — server ingest with 200 concurrent simulated devices posting batches, on
// SQLite (and PostgreSQL when DATABASE_URL is set), beside the same run's raw insert ceiling.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { canonicalJson, sha256Hex } from '../src/core/digest.js'
import type { SubmissionEnvelope } from '../src/core/protocol.js'
import { POSTGRES_POOL_SIZE } from '../src/server/db/database.js'
import { migrateToLatest } from '../src/server/db/migrate.js'
import type { Database } from '../src/server/db/schema.js'
import { publishDefaultForms, seedDemo } from '../src/server/seed.js'
import { createScratchDatabase, login, startBenchServer } from './benchServer.js'
import { percentile, textReport } from './textReport.js'

const DEVICES = Number(process.env['BENCH_DEVICES'] ?? 200)
const BATCHES_PER_DEVICE = Number(process.env['BENCH_BATCHES'] ?? 3)
const BATCH_SIZE = Number(process.env['BENCH_BATCH_SIZE'] ?? 20)
const PORT = Number(process.env['BENCH_PORT'] ?? 8310)

type Row = Record<string, string | number>

type LoadResult = { submissions: number; seconds: number; latencies: number[]; failures: number }

/** Every device sends its batches one after another; all devices at once (bounded: DEVICES × BATCHES requests). */
async function runLoad(baseUrl: string, token: string): Promise<LoadResult> {
  const latencies: number[] = []
  let failures = 0
  let accepted = 0
  const device = async (index: number): Promise<void> => {
    for (let batch = 0; batch < BATCHES_PER_DEVICE; batch++) {
      const submissions = Array.from({ length: BATCH_SIZE }, () => textReport(`bench-device-${index}`))
      const started = performance.now()
      const response = await fetch(`${baseUrl}/api/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ submissions }),
      })
      const body = (await response.json()) as { results?: { status: string }[] }
      latencies.push(performance.now() - started)
      const ok = (body.results ?? []).filter((result) => result.status === 'accepted').length
      accepted += ok
      failures += BATCH_SIZE - ok
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: DEVICES }, (_, index) => device(index)))
  const seconds = (performance.now() - started) / 1000
  return { submissions: accepted, seconds, latencies: latencies.sort((a, b) => a - b), failures }
}

async function ingestRow(dialect: string, databaseUrl?: string): Promise<{ row: Row; rate: number }> {
  const server = await startBenchServer({ port: PORT, ...(databaseUrl ? { databaseUrl } : {}) })
  try {
    const token = await login(server.url, 'school1', 'school123')
    // Warm-up: JIT, prepared plans, the first pages of the table.
    await runLoadOnce(server.url, token)
    const result = await runLoad(server.url, token)
    const rate = result.submissions / result.seconds
    return {
      rate,
      row: {
        run: `ingest via HTTP, ${dialect}`,
        submissions: result.submissions,
        'seconds': result.seconds.toFixed(2),
        'submissions/s': Math.round(rate),
        'batch p50 ms': percentile(result.latencies, 50).toFixed(0),
        'batch p99 ms': percentile(result.latencies, 99).toFixed(0),
        failed: result.failures,
      },
    }
  } finally {
    await server.close()
  }
}

async function runLoadOnce(baseUrl: string, token: string): Promise<void> {
  const submissions = Array.from({ length: BATCH_SIZE }, () => textReport('bench-warmup'))
  await fetch(`${baseUrl}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ submissions }),
  })
}

type StoredRow = [string, string, number, string, string, string, string, string, string, string, string]

async function storedRows(count: number, userId: string): Promise<StoredRow[]> {
  const rows: StoredRow[] = []
  const receivedAt = new Date().toISOString()
  for (let index = 0; index < count; index++) {
    const envelope: SubmissionEnvelope = textReport(`ceiling-${index % DEVICES}`)
    const body = canonicalJson(envelope)
    rows.push([envelope.id, envelope.formId, envelope.formVersion, envelope.schoolId, userId, envelope.deviceId, body, await sha256Hex(body), envelope.startedAt, envelope.completedAt, receivedAt])
  }
  return rows
}

const INSERT = `insert into submissions (id, form_id, form_version, school_id, user_id, device_id, body, digest, started_at, completed_at, received_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** Plain better-sqlite3 on the same schema and pragmas (WAL, synchronous=FULL): the physical limit. */
async function sqliteCeiling(count: number): Promise<Row[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-ceiling-')), 'ceiling.sqlite')
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrateToLatest(db)
  await publishDefaultForms(db)
  await seedDemo(db)
  const user = sqlite.prepare(`select id from users where username = 'school1'`).get() as { id: string }
  const insert = sqlite.prepare(INSERT)
  const inOne = await storedRows(count, user.id)
  let started = performance.now()
  sqlite.transaction((rows: StoredRow[]) => {
    for (const row of rows) insert.run(...row)
  })(inOne)
  const oneTx = (performance.now() - started) / 1000
  // The fair ceiling for a batched ingest: the same rows, one fsync'd transaction per batch of BATCH_SIZE.
  const perBatch = await storedRows(count, user.id)
  const insertBatch = sqlite.transaction((rows: StoredRow[]) => {
    for (const row of rows) insert.run(...row)
  })
  started = performance.now()
  for (const batch of batchesOf(perBatch)) insertBatch(batch)
  const batchTx = (performance.now() - started) / 1000
  // The same rows, one fsync'd transaction each: what "every item commits alone" costs at the floor.
  const perRowCount = Math.min(count, 2000)
  const perRow = await storedRows(perRowCount, user.id)
  started = performance.now()
  for (const row of perRow) insert.run(...row)
  const eachTx = (performance.now() - started) / 1000
  await db.destroy()
  return [
    { run: 'ceiling: better-sqlite3, all rows in one transaction', submissions: count, seconds: oneTx.toFixed(3), 'submissions/s': Math.round(count / oneTx) },
    { run: `ceiling: better-sqlite3, one transaction per batch of ${BATCH_SIZE}`, submissions: count, seconds: batchTx.toFixed(3), 'submissions/s': Math.round(count / batchTx) },
    { run: 'reference: better-sqlite3, one transaction per row', submissions: perRowCount, seconds: eachTx.toFixed(3), 'submissions/s': Math.round(perRowCount / eachTx) },
  ]
}

function batchesOf<T>(rows: readonly T[]): T[][] {
  const batches: T[][] = []
  for (let start = 0; start < rows.length; start += BATCH_SIZE) batches.push(rows.slice(start, start + BATCH_SIZE))
  return batches
}

/** Sends the batches on `connections` connections at once, each batch its own transaction (one batch of every row: one transaction). */
async function timedPostgresInserts(url: string, batches: readonly StoredRow[][], connections: number): Promise<number> {
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    return client
  }))
  let parameter = 0
  const text = INSERT.replace(/\?/g, () => `$${++parameter}`)
  let next = 0
  try {
    const started = performance.now()
    await Promise.all(clients.map(async (client) => {
      for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
        await client.query('begin')
        for (const row of batch) await client.query({ name: 'bench-insert', text, values: row })
        await client.query('commit')
      }
    }))
    return (performance.now() - started) / 1000
  } finally {
    await Promise.all(clients.map((client) => client.end()))
  }
}

/**
 * Plain pg inserts of the same rows, on a scratch database: all in one transaction on one
 * connection, one transaction per batch on one connection, and one per batch on as many
 * connections as the server's pool (the server runs that many batches at once).
 */
async function postgresCeiling(url: string, count: number): Promise<Row[]> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) })
  await migrateToLatest(db)
  await publishDefaultForms(db)
  await seedDemo(db)
  const user = await db.selectFrom('users').select('id').where('username', '=', 'school1').executeTakeFirstOrThrow()
  await db.destroy()
  const oneTx = await timedPostgresInserts(url, [await storedRows(count, user.id)], 1)
  const batchTx = await timedPostgresInserts(url, batchesOf(await storedRows(count, user.id)), 1)
  const pooled = await timedPostgresInserts(url, batchesOf(await storedRows(count, user.id)), POSTGRES_POOL_SIZE)
  const row = (run: string, seconds: number): Row => ({ run, submissions: count, seconds: seconds.toFixed(3), 'submissions/s': Math.round(count / seconds) })
  return [
    row('ceiling: pg, all rows in one transaction', oneTx),
    row(`ceiling: pg, one transaction per batch of ${BATCH_SIZE}`, batchTx),
    row(`ceiling: pg, one transaction per batch of ${BATCH_SIZE}, ${POSTGRES_POOL_SIZE} connections at once`, pooled),
  ]
}

const rows: Row[] = []
console.log(`ingest: ${DEVICES} devices × ${BATCHES_PER_DEVICE} batches × ${BATCH_SIZE} text reports, server on 127.0.0.1:${PORT}`)
const sqlite = await ingestRow('SQLite')
rows.push(sqlite.row)
const total = DEVICES * BATCHES_PER_DEVICE * BATCH_SIZE
const ceilings = await sqliteCeiling(total)
rows.push(...ceilings)
const percentOf = (rate: number, ceiling: Row | undefined): string => `${((rate / Number(ceiling?.['submissions/s'] ?? Number.NaN)) * 100).toFixed(1)}%`
const ratios: Row[] = [
  { ratio: 'SQLite ingest ÷ better-sqlite3 one-transaction ceiling', value: percentOf(sqlite.rate, ceilings[0]) },
  { ratio: `SQLite ingest ÷ better-sqlite3 one-transaction-per-batch-of-${BATCH_SIZE} ceiling`, value: percentOf(sqlite.rate, ceilings[1]) },
  { ratio: 'SQLite ingest ÷ one-transaction-per-row reference', value: percentOf(sqlite.rate, ceilings[2]) },
]

const adminUrl = process.env['DATABASE_URL']
if (adminUrl) {
  const scratch = await createScratchDatabase(adminUrl, `bench_ingest_${process.pid}`)
  let postgres: Awaited<ReturnType<typeof ingestRow>>
  try {
    postgres = await ingestRow('PostgreSQL', scratch.url)
    rows.push(postgres.row)
  } finally {
    await scratch.drop()
  }
  const ceilingDb = await createScratchDatabase(adminUrl, `bench_ceiling_${process.pid}`)
  try {
    const pgCeilings = await postgresCeiling(ceilingDb.url, total)
    rows.push(...pgCeilings)
    ratios.push({ ratio: 'PostgreSQL ingest ÷ pg one-transaction ceiling', value: percentOf(postgres.rate, pgCeilings[0]) })
    ratios.push({ ratio: `PostgreSQL ingest ÷ pg one-transaction-per-batch-of-${BATCH_SIZE} ceiling`, value: percentOf(postgres.rate, pgCeilings[1]) })
    ratios.push({ ratio: `PostgreSQL ingest ÷ pg per-batch ceiling on ${POSTGRES_POOL_SIZE} connections`, value: percentOf(postgres.rate, pgCeilings[2]) })
  } finally {
    await ceilingDb.drop()
  }
} else {
  rows.push({ run: 'ingest via HTTP, PostgreSQL', submissions: 'skipped: DATABASE_URL not set' })
}
console.table(rows)
console.table(ratios)

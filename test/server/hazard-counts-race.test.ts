import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { seededRandom } from '../../bench/seededRandom.js'
import { startServer, type TestServer } from './harness.js'

// Two transactions changing hazards of one school at once, on PostgreSQL (SQLite has one writer:
// its transactions never overlap). The hazard_counts triggers (migration 0011) must leave the
// table equal to a recount whichever commits first, rolls back, or waits for the other.
const postgresUrl = process.env['DATABASE_URL']
const AT = '2026-03-01T00:00:00.000Z'

type CountRow = { school_id: string; form_id: string; status: string; severity: string; deadline: string; n: number | string }

describe.runIf(postgresUrl !== undefined)('hazard_counts under concurrent transactions (postgres)', () => {
  let server: TestServer
  let schema: string
  let userId: string
  let serial = 0
  const clients: pg.Client[] = []

  async function connection(): Promise<{ client: pg.Client; pid: number }> {
    const client = new pg.Client({ connectionString: postgresUrl })
    await client.connect()
    clients.push(client)
    await client.query(`set search_path to ${schema}`)
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid')
    return { client, pid: rows[0]!.pid }
  }

  /** Resolves once the backend is blocked on a lock held by another transaction. */
  async function waitingOnLock(pid: number): Promise<void> {
    for (;;) {
      const { rows } = await sql<{ wait: string | null }>`select wait_event_type as wait from pg_stat_activity where pid = ${pid}`.execute(server.db)
      if (rows[0]?.wait === 'Lock') return
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  async function hazard(fields: { status?: string; deadline?: string; severity?: string } = {}): Promise<string> {
    const n = serial++
    const id = `race-${n}`
    await server.db.insertInto('submissions').values({
      id: `race-sub-${n}`, form_id: 'fire-safety', form_version: 1, school_id: 'school-1', period: null, subject_id: null, user_id: userId, device_id: 'race',
      body: '{}', digest: '0'.repeat(64), started_at: AT, completed_at: AT, received_at: AT, district_id: 'district-1',
    }).execute()
    await server.db.insertInto('hazards').values({
      id, school_id: 'school-1', submission_id: `race-sub-${n}`, form_id: 'fire-safety', field_id: 'exits', description: 'race', severity: fields.severity ?? 'low',
      deadline: fields.deadline ?? '2026-04-01', status: fields.status ?? 'open', photos: '[]', created_at: AT, responsible: null, updated_at: AT, district_id: 'district-1',
    }).execute()
    return id
  }

  function normalise(rows: readonly CountRow[]): CountRow[] {
    const key = (row: CountRow) => [row.school_id, row.form_id, row.status, row.severity, row.deadline].join(' ')
    return rows.map((row) => ({ ...row, n: Number(row.n) })).sort((a, b) => key(a).localeCompare(key(b)))
  }

  async function expectRecount(): Promise<void> {
    const { rows } = await sql<CountRow>`select school_id, form_id, status, severity, case when status = 'open' then deadline else '' end as deadline, count(*) as n
      from hazards group by school_id, form_id, status, severity, case when status = 'open' then deadline else '' end`.execute(server.db)
    const kept = await server.db.selectFrom('hazard_counts').select(['school_id', 'form_id', 'status', 'severity', 'deadline', 'n']).execute()
    expect(normalise(kept)).toEqual(normalise(rows))
  }

  beforeAll(async () => {
    server = await startServer('postgres')
    schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(server.db)).rows[0]!.schema
    userId = (await server.db.selectFrom('users').select('id').where('username', '=', 'school1').executeTakeFirstOrThrow()).id
  }, 120_000)
  beforeEach(async () => {
    await server.db.deleteFrom('hazards').execute()
  })
  afterEach(async () => {
    // A failed test must not leave a transaction holding locks for the next one.
    for (const client of clients.splice(0)) await client.end().catch(() => undefined)
  })
  afterAll(async () => {
    await server.close()
  })

  it('two closes of one count row: the second waits for the first and both are counted', async () => {
    const [a, b] = [await hazard(), await hazard()]
    const first = await connection()
    const second = await connection()
    await first.client.query('begin')
    await second.client.query('begin')
    await first.client.query(`update hazards set status = 'closed' where id = $1`, [a])
    const blocked = second.client.query(`update hazards set status = 'closed' where id = $1`, [b])
    await waitingOnLock(second.pid)
    await first.client.query('commit')
    await blocked
    await second.client.query('commit')
    await expectRecount()
    const rows = normalise(await server.db.selectFrom('hazard_counts').select(['school_id', 'form_id', 'status', 'severity', 'deadline', 'n']).execute())
    expect(rows).toEqual([{ school_id: 'school-1', form_id: 'fire-safety', status: 'closed', severity: 'low', deadline: '', n: 2 }])
  })

  for (const ending of ['commit', 'rollback'] as const) {
    it(`a new hazard counted into the row another transaction is emptying, which then ${ending}s`, async () => {
      const a = await hazard()
      const first = await connection()
      const second = await connection()
      await first.client.query('begin')
      await second.client.query('begin')
      // Its row drops to 0 and is deleted, not yet committed; the insert must wait to learn which.
      await first.client.query(`update hazards set status = 'closed' where id = $1`, [a])
      await second.client.query(`insert into submissions (id, form_id, form_version, school_id, user_id, device_id, body, digest, started_at, completed_at, received_at, district_id)
        values ($4, 'fire-safety', 1, 'school-1', $1, 'race', '{}', $2, $3, $3, $3, 'district-1')`, [userId, '0'.repeat(64), AT, `race-late-sub-${ending}`])
      const blocked = second.client.query(`insert into hazards (id, school_id, submission_id, form_id, field_id, description, severity, deadline, status, photos, created_at, updated_at, district_id)
        values ($2, 'school-1', $3, 'fire-safety', 'exits', 'race', 'low', '2026-04-01', 'open', '[]', $1, $1, 'district-1')`, [AT, `race-late-${ending}`, `race-late-sub-${ending}`])
      await waitingOnLock(second.pid)
      await first.client.query(ending)
      await blocked
      await second.client.query('commit')
      await expectRecount()
      const open = await server.db.selectFrom('hazard_counts').select('n').where('status', '=', 'open').executeTakeFirst()
      expect(Number(open?.n)).toBe(ending === 'commit' ? 1 : 2)
    })
  }

  it('two transactions moving hazards between the same rows in opposite directions, many times over', async () => {
    const random = seededRandom(16)
    const statuses = ['open', 'rectified', 'closed']
    const deadlines = ['2026-04-01', '2026-04-02']
    const ids: string[] = []
    for (let n = 0; n < 12; n++) ids.push(await hazard({ status: statuses[n % 3]!, deadline: deadlines[n % 2]! }))
    const deadlocks: number[] = [0]
    const worker = async () => {
      const { client } = await connection()
      for (let round = 0; round < 40; round++) {
        await client.query('begin')
        try {
          for (let step = 0; step < 3; step++) {
            const id = ids[Math.floor(random() * ids.length)]!
            await client.query('update hazards set status = $2, deadline = $3, severity = $4 where id = $1', [
              id, statuses[Math.floor(random() * 3)], deadlines[Math.floor(random() * 2)], random() < 0.5 ? 'low' : 'high',
            ])
          }
          if (random() < 0.2) await client.query(`delete from hazards where id = $1`, [ids[Math.floor(random() * ids.length)]])
          await client.query(random() < 0.15 ? 'rollback' : 'commit')
        } catch (error) {
          // Opposite moves can deadlock; PostgreSQL then rolls one of them back whole, as it should.
          if ((error as { code?: string }).code !== '40P01') throw error
          deadlocks[0]! += 1
          await client.query('rollback')
        }
      }
    }
    await Promise.all([worker(), worker()])
    await expectRecount()
    console.log(`hazard_counts race: ${deadlocks[0]} of 80 transactions rolled back by PostgreSQL as deadlocked`)
  }, 60_000)
})

describe('hazard_counts with a second writer (sqlite)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer('sqlite')
  }, 120_000)
  afterAll(() => server.close())

  it('a second writer waits for the first to commit (busy), so the counts need no guard against overlap', async () => {
    const userId = (await server.db.selectFrom('users').select('id').where('username', '=', 'school1').executeTakeFirstOrThrow()).id
    const file = join(server.config.dataDir, 'school-report.sqlite')
    const first = new BetterSqlite3(file, { timeout: 0 })
    const second = new BetterSqlite3(file, { timeout: 0 })
    try {
      for (const n of [1, 2]) {
        first.prepare(`insert into submissions (id, form_id, form_version, school_id, user_id, device_id, body, digest, started_at, completed_at, received_at, district_id)
          values (?, 'fire-safety', 1, 'school-1', ?, 'race', '{}', ?, ?, ?, ?, 'district-1')`).run(`lite-sub-${n}`, userId, '0'.repeat(64), AT, AT, AT)
        first.prepare(`insert into hazards (id, school_id, submission_id, form_id, field_id, description, severity, deadline, status, photos, created_at, updated_at, district_id)
          values (?, 'school-1', ?, 'fire-safety', 'exits', 'race', 'low', '2026-04-01', 'open', '[]', ?, ?, 'district-1')`).run(`lite-${n}`, `lite-sub-${n}`, AT, AT)
      }
      first.exec('begin immediate')
      first.prepare(`update hazards set status = 'closed' where id = 'lite-1'`).run()
      expect(() => second.exec('begin immediate')).toThrow(/busy|locked/i)
      first.exec('commit')
      second.exec('begin immediate')
      second.prepare(`update hazards set status = 'closed' where id = 'lite-2'`).run()
      second.exec('commit')
      const rows = first.prepare(`select status, deadline, n from hazard_counts where school_id = 'school-1' and form_id = 'fire-safety' order by status`).all()
      const recount = first.prepare(`select status, case when status = 'open' then deadline else '' end as deadline, count(*) as n from hazards
        where school_id = 'school-1' and form_id = 'fire-safety' group by 1, 2 order by status`).all()
      expect(rows).toEqual(recount)
      expect(rows).toEqual([{ status: 'closed', deadline: '', n: 2 }])
    } finally {
      first.close()
      second.close()
    }
  })
})

import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const AT = '2026-03-01T00:00:00.000Z'
const pad = (n: number): string => String(n).padStart(5, '0')

/** Counts the statements either driver runs, so a test can see how many ran between two turns. */
function statementCounter(): { count(): number; restore(): void } {
  let count = 0
  const probe = new BetterSqlite3(':memory:')
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>
  probe.close()
  const all = statement['all']!
  statement['all'] = function (this: unknown, ...args: unknown[]) {
    count += 1
    return all.apply(this, args)
  }
  const client = pg.Client.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
  const query = client['query']!
  client['query'] = function (this: unknown, ...args: unknown[]) {
    count += 1
    return query.apply(this, args)
  }
  return {
    count: () => count,
    restore() {
      statement['all'] = all
      client['query'] = query
    },
  }
}

/**
 * An export is written page by page; between pages the server must answer others. Counted in
 * turns of the event loop (a setImmediate ticker), not in milliseconds: a loop held for the whole
 * export gives the ticker no turn until it ends, whatever the machine's speed.
 */
describe.each(dialects)('exports let the server answer others between pages (%s)', (dialect) => {
  let server: TestServer
  let bureau: string
  const hazards = 1_600
  beforeAll(async () => {
    server = await startServer(dialect)
    const userId = (await server.db.selectFrom('users').select('id').where('username', '=', 'school1').executeTakeFirstOrThrow()).id
    const subs = Array.from({ length: hazards }, (_, n) => ({
      id: `yield-sub-${pad(n)}`, form_id: 'fire-safety', form_version: 1, school_id: n % 2 ? 'school-1' : 'school-2', period: null, subject_id: null,
      user_id: userId, device_id: 'bulk', body: JSON.stringify({ id: `yield-sub-${pad(n)}`, formId: 'fire-safety', formVersion: 1, answers: {}, attachments: [] }),
      digest: '0'.repeat(64), started_at: AT, completed_at: AT, received_at: AT, district_id: 'district-1',
    }))
    const rows = subs.map((sub, n) => ({
      id: `yield-hz-${pad(n)}`, school_id: sub.school_id, submission_id: sub.id, form_id: 'fire-safety', field_id: 'exits', description: `hazard ${n}`,
      severity: 'low', deadline: '2026-04-01', status: 'open', photos: '[]', created_at: AT, responsible: null, updated_at: AT, district_id: 'district-1',
    }))
    await server.db.transaction().execute(async (trx) => {
      for (let start = 0; start < subs.length; start += 400) {
        await trx.insertInto('submissions').values(subs.slice(start, start + 400)).execute()
        await trx.insertInto('hazards').values(rows.slice(start, start + 400)).execute()
      }
    })
    bureau = await server.login('bureau', 'bureau123')
  }, 120_000)
  const statements = statementCounter()
  afterAll(async () => {
    statements.restore()
    await server.close()
  })

  /** Turns of the event loop while the export runs, and the most page reads between two turns. */
  async function turnsDuring(url: string): Promise<{ turns: number; mostReadsBetween: number }> {
    let turns = 0
    let done = false
    let seen = statements.count()
    let mostReadsBetween = 0
    const tick = (): void => {
      if (done) return
      turns += 1
      mostReadsBetween = Math.max(mostReadsBetween, statements.count() - seen)
      seen = statements.count()
      setImmediate(tick)
    }
    setImmediate(tick)
    const response = await server.app.inject({ method: 'GET', url, headers: bearer(bureau) })
    done = true
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200)
    return { turns, mostReadsBetween: Math.max(mostReadsBetween, statements.count() - seen) }
  }

  for (const format of ['xlsx', 'csv']) {
    it(`the hazard register (${format}, ${hazards} rows in pages of 500)`, async () => {
      const { turns, mostReadsBetween } = await turnsDuring(`/api/v1/exports/hazards.${format}`)
      // A turn every 50 rows, within a page as between pages.
      expect(turns).toBeGreaterThanOrEqual(hazards / 50)
      // The statements before the first page (session, audit, form labels) come in one turn; then a page a turn.
      expect(mostReadsBetween).toBeLessThanOrEqual(6)
    })
    it(`a form's reports (${format}, ${hazards} rows in pages of 200)`, async () => {
      const { turns, mostReadsBetween } = await turnsDuring(`/api/v1/exports/fire-safety.${format}`)
      expect(turns).toBeGreaterThanOrEqual(hazards / 50)
      expect(mostReadsBetween).toBeLessThanOrEqual(6)
    })
  }
})

// Numbers JSON cannot carry (1e309 parses as Infinity) and query values that coerce to them:
// a 400 or a per-item `rejected`, never a 5xx, and the rest of a batch is still stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireSafety } from '../../src/core/forms/index.js'
import type { SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const nonFinite = ['1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '1e400']

/** A JSON text with `1e309` (or another raw number) where the placeholder string stood. */
function withRawNumber(value: unknown, raw: string): string {
  return JSON.stringify(value).replaceAll('"__NUMBER__"', raw)
}

describe.each(dialects)('non-finite numbers (%s)', (dialect) => {
  let server: TestServer
  let bureau: string
  let staff: string

  beforeAll(async () => {
    server = await startServer(dialect)
    bureau = await server.login('bureau', 'bureau123')
    staff = await server.login('school1', 'school123')
  }, 60_000)
  afterAll(() => server.close())

  it.each(['/api/v1/submissions', '/api/v1/inspections', '/api/v1/audit'])('%s?limit=<non-finite> is a 400 naming the parameter', async (path) => {
    for (const value of nonFinite) {
      const response = await server.app.inject({ url: `${path}?limit=${encodeURIComponent(value)}`, headers: bearer(bureau) })
      expect(response.statusCode, `${path}?limit=${value}`).toBe(400)
      expect(response.json().error.code).toBe('bad_request')
      expect(response.json().error.message).toContain('limit')
    }
  })

  it('a report holding 1e309 is rejected alone; the other reports of its batch are stored', async () => {
    for (const raw of ['1e309', '-1e309', '1e400']) {
      const bad = fireSafetyEnvelope({ answers: { ...passingAnswers(), exits: { result: 'pass', note: '__NUMBER__' } } })
      const good = fireSafetyEnvelope()
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/submissions',
        headers: { ...bearer(staff), 'content-type': 'application/json' },
        payload: withRawNumber({ submissions: [bad, good] }, raw),
      })
      expect(response.statusCode, raw).toBe(200)
      const [first, second] = response.json().results as SubmitResult[]
      expect(first).toMatchObject({ id: bad.id, status: 'rejected', error: { code: 'validation_failed' } })
      expect(first?.status === 'rejected' ? first.error.details?.issues?.map((issue) => issue.fieldId) : []).toEqual(['exits'])
      expect(second).toMatchObject({ id: good.id, status: 'accepted' })
      const stored = await server.db.selectFrom('submissions').select('id').where('id', 'in', [bad.id, good.id]).execute()
      expect(stored.map((row) => row.id)).toEqual([good.id])
    }
  })

  it('a report or a template whose form version overflows the integer column is refused, not a 5xx', async () => {
    const admin = await server.login('admin', 'admin123')
    for (const raw of ['2147483648', '1e308', '1e309']) {
      const good = fireSafetyEnvelope()
      const bad = fireSafetyEnvelope({ formVersion: '__NUMBER__' as never })
      const filed = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: { ...bearer(staff), 'content-type': 'application/json' }, payload: withRawNumber({ submissions: [bad, good] }, raw) })
      expect(filed.statusCode, raw).toBe(200)
      expect((filed.json().results as SubmitResult[]).map((result) => result.status)).toEqual(['rejected', 'accepted'])
      const published = await server.app.inject({ method: 'POST', url: '/api/v1/admin/forms', headers: { ...bearer(admin), 'content-type': 'application/json' }, payload: withRawNumber({ template: { ...fireSafety, version: '__NUMBER__' } }, raw) })
      expect(published.statusCode, raw).toBe(400)
    }
  })

  it('a non-finite number in another body is a 400, not a 5xx', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: withRawNumber({ username: 'school1', password: 'school123', extra: '__NUMBER__' }, '1e309'),
    })
    expect(response.statusCode).toBe(400)
  })
})

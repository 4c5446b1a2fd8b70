import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SubmissionsPage, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('reading submissions back (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let school2: string
  let bureau: string
  let bureau2: string
  const school1Ids: string[] = []
  let school2Id = ''

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    bureau = await server.login('bureau', 'bureau123')
    bureau2 = await server.login('bureau2', 'bureau123')
    // One at a time, so each has its own receivedAt and the order is known.
    for (let i = 0; i < 5; i++) {
      const envelope = fireSafetyEnvelope()
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [envelope] } })
      expect((response.json().results as SubmitResult[])[0]?.status).toBe('accepted')
      school1Ids.push(envelope.id)
    }
    const other = fireSafetyEnvelope({ schoolId: 'school-2' })
    await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school2), payload: { submissions: [other] } })
    school2Id = other.id
  })
  afterAll(() => server.close())

  async function list(token: string, query = ''): Promise<SubmissionsPage> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/submissions${query}`, headers: bearer(token) })
    expect(response.statusCode).toBe(200)
    return response.json() as SubmissionsPage
  }

  it('a school sees only its own submissions, newest first, with receipts', async () => {
    const page = await list(school1)
    expect(page.submissions.map((item) => item.id)).toEqual([...school1Ids].reverse())
    expect(page.nextCursor).toBeNull()
    expect(page.submissions[0]).toMatchObject({ schoolId: 'school-1', userId: 'user-school1', formId: 'fire-safety' })
    expect(page.submissions[0]?.digest).toMatch(/^[0-9a-f]{64}$/)
  })

  it('the district bureau sees every school of its district', async () => {
    // Fire-safety only: the demo seed's campaign filing (school-buildings) and its 已阅 are there too.
    const page = await list(bureau, '?formId=fire-safety')
    expect(new Set(page.submissions.map((item) => item.id))).toEqual(new Set([...school1Ids, school2Id]))
  })

  it('another district sees none of them', async () => {
    expect((await list(bureau2)).submissions).toEqual([])
  })

  it('asking for a school outside your scope is forbidden', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/submissions?schoolId=school-2', headers: bearer(school1) })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.code).toBe('forbidden')
  })

  it('pages follow nextCursor without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = `?schoolId=school-1&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const page = await list(bureau, query)
      seen.push(...page.submissions.map((item) => item.id))
      cursor = page.nextCursor
      pages += 1
    } while (cursor !== null && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toEqual([...school1Ids].reverse())
  })

  it('filters by form and period', async () => {
    expect((await list(school1, '?formId=fire-safety')).submissions).toHaveLength(5)
    expect((await list(school1, '?formId=canteen')).submissions).toHaveLength(0)
    expect((await list(school1, '?period=2026-T1')).submissions).toHaveLength(0)
  })

  it('a garbled cursor is a 400', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/submissions?cursor=zzz', headers: bearer(school1) })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('bad_request')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hazard, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('hazards from failed checks (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let school2: string
  let bureau: string
  let bureau2: string
  const envelope = fireSafetyEnvelope({
    answers: {
      ...passingAnswers(),
      extinguishers: {
        result: 'fail',
        note: '二楼走廊灭火器过期',
        hazard: { description: '二楼灭火器压力不足且已过期', severity: 'high', deadline: '2026-03-10' },
      },
    },
  })

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    bureau = await server.login('bureau', 'bureau123')
    bureau2 = await server.login('bureau2', 'bureau123')
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: bearer(school1),
      payload: { submissions: [envelope] },
    })
    expect((response.json().results as SubmitResult[])[0]?.status).toBe('accepted')
  })
  afterAll(() => server.close())

  async function hazardsFor(token: string, query = ''): Promise<Hazard[]> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/hazards${query}`, headers: bearer(token) })
    expect(response.statusCode).toBe(200)
    return response.json().hazards as Hazard[]
  }

  it('a failed check with a hazard is stored as an open hazard with id submission:field', async () => {
    const rows = await server.db.selectFrom('hazards').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      id: `${envelope.id}:extinguishers`,
      school_id: 'school-1',
      submission_id: envelope.id,
      form_id: 'fire-safety',
      field_id: 'extinguishers',
      severity: 'high',
      deadline: '2026-03-10',
      status: 'open',
      photos: '[]',
    })
  })

  it('the school that reported it sees the hazard', async () => {
    const hazards = await hazardsFor(school1, '?status=open')
    expect(hazards.map((hazard) => hazard.id)).toEqual([`${envelope.id}:extinguishers`])
    expect(hazards[0]?.description).toBe('二楼灭火器压力不足且已过期')
  })

  it('another school does not see it', async () => {
    expect(await hazardsFor(school2)).toEqual([])
  })

  it('the district bureau sees it, another district does not', async () => {
    expect((await hazardsFor(bureau)).map((hazard) => hazard.schoolId)).toEqual(['school-1'])
    expect(await hazardsFor(bureau2)).toEqual([])
  })

  it('filtering by another status leaves it out', async () => {
    expect(await hazardsFor(school1, '?status=closed')).toEqual([])
  })

  it('an unknown status is a 400', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/hazards?status=lost', headers: bearer(school1) })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('bad_request')
  })

  it('a resend of the report does not make a second hazard', async () => {
    await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [envelope] } })
    const rows = await server.db.selectFrom('hazards').select('id').execute()
    expect(rows).toHaveLength(1)
  })
})

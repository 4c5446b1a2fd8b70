import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hazard, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

function rectification(hazardId: string): SubmissionEnvelope {
  return {
    id: uuidv7(),
    formId: 'hazard-rectification',
    formVersion: 1,
    schoolId: 'school-1',
    subjectId: hazardId,
    answers: { measures: '已更换灭火器', rectifiedBy: '督查员', rectifiedOn: '2026-03-05' },
    attachments: [],
    startedAt: '2026-03-05T08:00:00.000Z',
    completedAt: '2026-03-05T08:10:00.000Z',
    deviceId: 'device-test-1',
  }
}

const failed = (description: string) => ({ result: 'fail', hazard: { description, severity: 'medium', deadline: '2026-03-20' } })

describe.each(dialects)('separation of duties on hazards: whoever filed the rectification does not close it (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let bureau: string
  let inspector: string
  let inspector2: string
  const inspection = fireSafetyEnvelope({
    answers: { ...passingAnswers(), extinguishers: failed('灭火器过期'), hydrants: failed('消火栓无水'), wiring: failed('线路老化') },
  })
  const [byInspector, bySchool, byBureau] = ['extinguishers', 'hydrants', 'wiring'].map((field) => `${inspection.id}:${field}`) as [string, string, string]

  const submit = async (token: string, envelope: SubmissionEnvelope): Promise<SubmitResult> => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token), payload: { submissions: [envelope] } })
    expect(response.statusCode).toBe(200)
    return (response.json().results as SubmitResult[])[0] as SubmitResult
  }
  const verify = (token: string, id: string, payload: Record<string, unknown>) =>
    server.app.inject({ method: 'POST', url: `/api/v1/hazards/${encodeURIComponent(id)}/verify`, headers: bearer(token), payload })
  const statusOf = async (id: string): Promise<Hazard['status']> => {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/hazards/${encodeURIComponent(id)}`, headers: bearer(bureau) })
    return (response.json().hazard as Hazard).status
  }

  beforeAll(async () => {
    server = await startServer(dialect)
    ;[school1, bureau, inspector] = await Promise.all([
      server.login('school1', 'school123'),
      server.login('bureau', 'bureau123'),
      server.login('inspector', 'inspector123'),
    ])
    const created = await server.app.inject({
      method: 'POST', url: '/api/v1/admin/users', headers: bearer(bureau),
      payload: { username: 'inspector2', displayName: '第二督查员', role: 'inspector', password: 'inspector2pass' },
    })
    expect(created.statusCode).toBe(201)
    inspector2 = await server.login('inspector2', 'inspector2pass')
    expect((await submit(school1, inspection)).status).toBe('accepted')
    expect((await submit(inspector, rectification(byInspector))).status).toBe('accepted')
    expect((await submit(school1, rectification(bySchool))).status).toBe('accepted')
    expect((await submit(bureau, rectification(byBureau))).status).toBe('accepted')
  })
  afterAll(() => server.close())

  it('the inspector who filed the rectification cannot close it: 403 with a code and a message in Chinese and English', async () => {
    const response = await verify(inspector, byInspector, { action: 'close', reason: '已整改' })
    expect(response.statusCode).toBe(403)
    const error = response.json().error as { code: string; message: string; details: { issues: { code: string; message: { zh: string; en: string } }[] } }
    expect(error.code).toBe('forbidden')
    expect(error.details.issues[0]?.code).toBe('rectifierCannotVerify')
    expect(error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(error.message).toMatch(/filed the rectification/)
    expect(error.details.issues[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(await statusOf(byInspector)).toBe('rectified')
    const history = await server.db.selectFrom('hazard_events').select('kind').where('hazard_id', '=', byInspector).execute()
    expect(history.map((row) => row.kind)).toEqual(['found', 'rectified'])
  })

  it('the bureau account that filed a rectification cannot close it either', async () => {
    const response = await verify(bureau, byBureau, { action: 'close' })
    expect(response.statusCode).toBe(403)
    expect(await statusOf(byBureau)).toBe('rectified')
  })

  it('the rectifier may not reopen with a new deadline of his own making', async () => {
    const response = await verify(inspector, byInspector, { action: 'reopen', reason: '再看看', deadline: '2026-12-31' })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.details.issues[0].code).toBe('rectifierCannotVerify')
    expect(await statusOf(byInspector)).toBe('rectified')
  })

  it('another inspector closes what the first one rectified', async () => {
    const response = await verify(inspector2, byInspector, { action: 'close', reason: '复核通过' })
    expect(response.statusCode).toBe(200)
    expect(response.json().hazard.status).toBe('closed')
  })

  it('the bureau still closes what the school rectified, and the inspector closes what the bureau rectified', async () => {
    expect((await verify(bureau, bySchool, { action: 'close' })).statusCode).toBe(200)
    expect((await verify(inspector, byBureau, { action: 'close' })).statusCode).toBe(200)
    expect(await statusOf(bySchool)).toBe('closed')
    expect(await statusOf(byBureau)).toBe('closed')
  })

  it('after a reopen, the rule follows the newest rectification: the old rectifier may close what someone else rectified', async () => {
    expect((await verify(bureau, byInspector, { action: 'reopen', reason: '复查不合格' })).statusCode).toBe(200)
    expect((await submit(school1, rectification(byInspector))).status).toBe('accepted')
    expect((await verify(inspector, byInspector, { action: 'close' })).statusCode).toBe(200)
  })

  it('the rectifier may withdraw his own rectification by reopening it (without moving the deadline)', async () => {
    expect((await verify(bureau, bySchool, { action: 'reopen', reason: '复查不合格' })).statusCode).toBe(200)
    expect((await submit(inspector2, rectification(bySchool))).status).toBe('accepted')
    const reopened = await verify(inspector2, bySchool, { action: 'reopen', reason: '我的整改不到位' })
    expect(reopened.statusCode).toBe(200)
    expect(reopened.json().hazard).toMatchObject({ status: 'open', deadline: '2026-03-20' })
  })
})

import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hazard, InspectionRecord, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

function rectification(hazardId: string | undefined, schoolId = 'school-1', attachments: string[] = []): SubmissionEnvelope {
  return {
    id: uuidv7(),
    formId: 'hazard-rectification',
    formVersion: 1,
    schoolId,
    ...(hazardId === undefined ? {} : { subjectId: hazardId }),
    answers: { measures: '已更换灭火器并张贴检查卡', rectifiedBy: '总务处 李主任', rectifiedOn: '2026-03-05', ...(attachments.length > 0 ? { evidence: attachments } : {}) },
    attachments,
    startedAt: '2026-03-05T08:00:00.000Z',
    completedAt: '2026-03-05T08:10:00.000Z',
    deviceId: 'device-test-1',
  }
}

describe.each(dialects)('the hazard loop: found → rectified → verified (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let principal1: string
  let school2: string
  let bureau: string
  let bureau2: string
  let inspector: string
  const before = tinyPng(200, 10, 10)
  const after = tinyPng(10, 200, 10)
  const inspection = fireSafetyEnvelope({
    answers: {
      ...passingAnswers(),
      extinguishers: {
        result: 'fail',
        photos: [sha256(before)],
        hazard: { description: '二楼灭火器过期', severity: 'high', deadline: '2026-03-10', responsible: '总务处 李主任' },
      },
    },
    attachments: [sha256(before)],
  })
  const hazardId = `${inspection.id}:extinguishers`

  const submit = async (token: string, envelope: SubmissionEnvelope): Promise<SubmitResult> => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token), payload: { submissions: [envelope] } })
    expect(response.statusCode).toBe(200)
    return (response.json().results as SubmitResult[])[0] as SubmitResult
  }
  const verify = (token: string, payload: Record<string, unknown>, id = hazardId) =>
    server.app.inject({ method: 'POST', url: `/api/v1/hazards/${encodeURIComponent(id)}/verify`, headers: bearer(token), payload })
  const hazardAs = async (token: string): Promise<Hazard> => {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/hazards/${encodeURIComponent(hazardId)}`, headers: bearer(token) })
    expect(response.statusCode).toBe(200)
    return response.json().hazard as Hazard
  }
  const upload = (token: string, bytes: Buffer) =>
    server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(bytes)}`, headers: { ...bearer(token), 'content-type': 'image/png' }, payload: bytes })

  beforeAll(async () => {
    server = await startServer(dialect)
    ;[school1, principal1, school2, bureau, bureau2, inspector] = await Promise.all([
      server.login('school1', 'school123'),
      server.login('principal1', 'principal123'),
      server.login('school2', 'school123'),
      server.login('bureau', 'bureau123'),
      server.login('bureau2', 'bureau123'),
      server.login('inspector', 'inspector123'),
    ])
    await upload(school1, before)
    await upload(school1, after)
    expect((await submit(school1, inspection)).status).toBe('accepted')
  })
  afterAll(() => server.close())

  it('a failed check becomes an open hazard with its responsible person, photos and a "found" step', async () => {
    const hazard = await hazardAs(school1)
    expect(hazard).toMatchObject({ status: 'open', severity: 'high', responsible: '总务处 李主任', photos: [sha256(before)] })
    expect(hazard.history.map((event) => [event.kind, event.userName, event.submissionId])).toEqual([['found', '第一小学安全员', inspection.id]])
  })

  it('another school cannot see the hazard, by list or by id', async () => {
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/hazards', headers: bearer(school2) })
    expect(list.json().hazards).toEqual([])
    const one = await server.app.inject({ method: 'GET', url: `/api/v1/hazards/${encodeURIComponent(hazardId)}`, headers: bearer(school2) })
    expect(one.statusCode).toBe(404)
  })

  it('a rectification without a hazard, or for another school\'s hazard, is rejected and nothing is stored', async () => {
    const none = await submit(school1, rectification(undefined))
    expect(none.status).toBe('rejected')
    const foreign = await submit(school2, rectification(hazardId, 'school-2'))
    expect(foreign).toMatchObject({ status: 'rejected', error: { details: { issues: [{ code: 'hazardUnknown' }] } } })
    const forSchool1 = await submit(school2, rectification(hazardId, 'school-1'))
    expect(forSchool1).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
    const stored = await server.db.selectFrom('submissions').select('id').where('form_id', '=', 'hazard-rectification').execute()
    expect(stored).toEqual([])
    expect((await hazardAs(school1)).status).toBe('open')
  })

  it('the school cannot verify its own hazard: staff and principal get 403', async () => {
    expect((await verify(school1, { action: 'close' })).statusCode).toBe(403)
    expect((await verify(principal1, { action: 'close' })).statusCode).toBe(403)
    expect((await hazardAs(school1)).status).toBe('open')
  })

  it('the school rectifies by submission: the hazard turns rectified with the note and photos in its history', async () => {
    const envelope = rectification(hazardId, 'school-1', [sha256(after)])
    expect((await submit(school1, envelope)).status).toBe('accepted')
    const hazard = await hazardAs(school1)
    expect(hazard.status).toBe('rectified')
    expect(hazard.history.at(-1)).toMatchObject({ kind: 'rectified', submissionId: envelope.id, note: '已更换灭火器并张贴检查卡', photos: [sha256(after)] })
    // A resend is a duplicate, not a second step.
    expect((await submit(school1, envelope)).status).toBe('duplicate')
    expect((await hazardAs(school1)).history).toHaveLength(2)
  })

  it('a second rectification of a rectified hazard is rejected', async () => {
    const result = await submit(school1, rectification(hazardId))
    expect(result).toMatchObject({ status: 'rejected', error: { details: { issues: [{ code: 'hazardNotOpen' }] } } })
  })

  it('another district\'s bureau cannot verify it (404, as if it did not exist)', async () => {
    expect((await verify(bureau2, { action: 'close' })).statusCode).toBe(404)
  })

  it('reopening needs a reason', async () => {
    const response = await verify(bureau, { action: 'reopen' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('bad_request')
  })

  it('an unknown action is a 400', async () => {
    expect((await verify(bureau, { action: 'delete' })).statusCode).toBe(400)
  })

  it('the bureau closes it (销号); the school then sees it closed with the whole history', async () => {
    const response = await verify(bureau, { action: 'close', reason: '现场核查已整改到位' })
    expect(response.statusCode).toBe(200)
    expect(response.json().hazard.status).toBe('closed')
    const hazard = await hazardAs(school1)
    expect(hazard.status).toBe('closed')
    expect(hazard.history.map((event) => event.kind)).toEqual(['found', 'rectified', 'closed'])
    expect(hazard.history.at(-1)).toMatchObject({ userName: '区教育局管理员', note: '现场核查已整改到位' })
  })

  it('a closed hazard cannot be closed again (409) nor rectified', async () => {
    const again = await verify(bureau, { action: 'close' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('conflict')
    expect((await submit(school1, rectification(hazardId))).status).toBe('rejected')
  })

  it('an inspector reopens it with a reason and a new deadline, then closes it on site', async () => {
    const reopened = await verify(inspector, { action: 'reopen', reason: '复查发现三楼灭火器仍过期', deadline: '2026-04-01' })
    expect(reopened.statusCode).toBe(200)
    expect(reopened.json().hazard).toMatchObject({ status: 'open', deadline: '2026-04-01' })
    expect((await verify(inspector, { action: 'close' })).statusCode).toBe(200)
    const hazard = await hazardAs(bureau)
    expect(hazard.history.map((event) => event.kind)).toEqual(['found', 'rectified', 'closed', 'reopened', 'closed'])
    expect(hazard.history[3]).toMatchObject({ note: '复查发现三楼灭火器仍过期', deadline: '2026-04-01' })
  })

  it('the school\'s inspection history lists the inspection with its counts and hazard', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/inspections?schoolId=school-1', headers: bearer(school1) })
    expect(response.statusCode).toBe(200)
    const inspections = response.json().inspections as InspectionRecord[]
    expect(inspections).toHaveLength(1)
    expect(inspections[0]).toMatchObject({ id: inspection.id, formId: 'fire-safety', checkType: 'self', pass: 11, fail: 1, na: 0, hazardIds: [hazardId] })
  })

  it('another school cannot read that history', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/inspections?schoolId=school-1', headers: bearer(school2) })
    expect(response.statusCode).toBe(403)
    const own = await server.app.inject({ method: 'GET', url: '/api/v1/inspections', headers: bearer(school2) })
    // Its own only (the demo seed filed one for the running campaign), nothing of school-1's.
    expect((own.json().inspections as InspectionRecord[]).filter((item) => item.schoolId !== 'school-2')).toEqual([])
  })

  it('an inspector files a supervision for any school of the district, not for another district', async () => {
    const visit = fireSafetyEnvelope({ schoolId: 'school-3', answers: { ...passingAnswers(), checkType: 'bureau', inspector: '督查员' } })
    expect((await submit(inspector, visit)).status).toBe('accepted')
    const elsewhere = fireSafetyEnvelope({ schoolId: 'school-6', answers: { ...passingAnswers(), checkType: 'bureau' } })
    expect(await submit(inspector, elsewhere)).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/inspections?schoolId=school-3', headers: bearer(bureau) })
    expect(response.json().inspections).toMatchObject([{ id: visit.id, checkType: 'bureau', inspector: '督查员' }])
  })
})

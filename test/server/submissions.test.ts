import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { digestOf } from '../../src/core/digest.js'
import type { SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('filing submissions (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let school2: string
  let bureau2: string
  let inspector: string

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    bureau2 = await server.login('bureau2', 'bureau123')
    inspector = await server.login('inspector', 'inspector123')
  })
  afterAll(() => server.close())

  async function submit(token: string, submissions: readonly unknown[]) {
    return server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token), payload: { submissions } })
  }

  async function submitOne(token: string, envelope: unknown): Promise<SubmitResult> {
    const response = await submit(token, [envelope])
    expect(response.statusCode).toBe(200)
    const [result] = response.json().results as SubmitResult[]
    if (!result) throw new Error('no result')
    return result
  }

  async function storedRows(id: string) {
    return server.db.selectFrom('submissions').selectAll().where('id', '=', id).execute()
  }

  it('a valid report is accepted with a receipt whose digest is the digest of the envelope', async () => {
    const envelope = fireSafetyEnvelope()
    const before = Date.now()
    const result = await submitOne(school1, envelope)
    expect(result).toEqual({ id: envelope.id, status: 'accepted', receivedAt: expect.any(String), digest: await digestOf(envelope) })
    if (result.status !== 'accepted') throw new Error('not accepted')
    expect(Date.parse(result.receivedAt)).toBeGreaterThanOrEqual(before - 1)
    const [row] = await storedRows(envelope.id)
    expect(row?.digest).toBe(result.digest)
    expect(row?.school_id).toBe('school-1')
    expect(row?.user_id).toBe('user-school1')
    expect(JSON.parse(row?.body ?? '{}')).toEqual(envelope)
  })

  it('unknown extra keys are dropped before digesting and storing', async () => {
    const envelope = fireSafetyEnvelope()
    const result = await submitOne(school1, { ...envelope, state: 'sending', attempts: 3 })
    expect(result.status).toBe('accepted')
    if (result.status !== 'accepted') return
    expect(result.digest).toBe(await digestOf(envelope))
    const [row] = await storedRows(envelope.id)
    expect(JSON.parse(row?.body ?? '{}')).not.toHaveProperty('state')
  })

  it('a resend is a duplicate with the same receivedAt and digest, and there is exactly one row', async () => {
    const envelope = fireSafetyEnvelope()
    const first = await submitOne(school1, envelope)
    const again = await submitOne(school1, envelope)
    expect(first.status).toBe('accepted')
    if (first.status !== 'accepted') return
    expect(again).toEqual({ id: envelope.id, status: 'duplicate', receivedAt: first.receivedAt, digest: first.digest })
    expect(await storedRows(envelope.id)).toHaveLength(1)
  })

  it('the same id twice in one batch is accepted once and then a duplicate', async () => {
    const envelope = fireSafetyEnvelope()
    const response = await submit(school1, [envelope, envelope])
    const statuses = (response.json().results as SubmitResult[]).map((result) => result.status)
    expect(statuses).toEqual(['accepted', 'duplicate'])
    expect(await storedRows(envelope.id)).toHaveLength(1)
  })

  it('two concurrent sends of the same report store one row and both get the same receipt', async () => {
    const envelope = fireSafetyEnvelope()
    const results = await Promise.all([submitOne(school1, envelope), submitOne(school1, envelope), submitOne(school1, envelope)])
    expect(results.map((result) => result.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate'])
    const digests = new Set(results.map((result) => ('digest' in result ? result.digest : '')))
    expect(digests.size).toBe(1)
    expect(await storedRows(envelope.id)).toHaveLength(1)
  })

  it('the same id with a different body is a conflict and the stored row is unchanged', async () => {
    const envelope = fireSafetyEnvelope()
    await submitOne(school1, envelope)
    const [before] = await storedRows(envelope.id)
    const changed = { ...envelope, answers: { ...passingAnswers(), inspector: '李老师' } }
    const result = await submitOne(school1, changed)
    expect(result.status).toBe('conflict')
    if (result.status !== 'conflict') return
    expect(result.error.code).toBe('conflict')
    expect(await storedRows(envelope.id)).toEqual([before])
  })

  it('a missing required item is rejected with validation issues in Chinese and English', async () => {
    const answers = passingAnswers()
    delete answers['exits']
    const envelope = fireSafetyEnvelope({ answers })
    const result = await submitOne(school1, envelope)
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    expect(result.error.code).toBe('validation_failed')
    expect(result.error.details?.issues).toContainEqual({
      fieldId: 'exits',
      code: 'required',
      severity: 'error',
      message: { zh: '此项必填', en: 'This is required' },
    })
    expect(await storedRows(envelope.id)).toHaveLength(0)
  })

  it('a failed check without a hazard is rejected with hazardRequired', async () => {
    const envelope = fireSafetyEnvelope({ answers: { ...passingAnswers(), wiring: { result: 'fail' } } })
    const result = await submitOne(school1, envelope)
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    const issue = result.error.details?.issues?.find((item) => item.fieldId === 'wiring')
    expect(issue?.code).toBe('hazardRequired')
    expect(issue?.message.zh).toContain('隐患')
    expect(issue?.message.en).toContain('hazard')
  })

  it('an envelope of the wrong shape is rejected naming the bad fields', async () => {
    const result = await submitOne(school1, { ...fireSafetyEnvelope(), id: 'not-a-uuid', startedAt: 'yesterday' })
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    expect(result.error.code).toBe('validation_failed')
    expect(result.error.details?.issues?.map((issue) => issue.fieldId).sort()).toEqual(['id', 'startedAt'])
  })

  it('an unknown form version is rejected', async () => {
    const result = await submitOne(school1, fireSafetyEnvelope({ formVersion: 99 }))
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    expect(result.error.code).toBe('validation_failed')
  })

  it('a photo that was never uploaded is rejected', async () => {
    const hash = 'a'.repeat(64)
    const answers = { ...passingAnswers(), exits: { result: 'pass', photos: [hash] } }
    const result = await submitOne(school1, fireSafetyEnvelope({ answers, attachments: [hash] }))
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    expect(result.error.details?.issues?.[0]?.code).toBe('attachmentNotUploaded')
  })

  it('school staff filing for another school is rejected as forbidden and nothing is stored', async () => {
    const envelope = fireSafetyEnvelope({ schoolId: 'school-2' })
    const result = await submitOne(school1, envelope)
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    expect(result.error.code).toBe('forbidden')
    expect(await storedRows(envelope.id)).toHaveLength(0)
  })

  it('a bureau of another district filing for school-1 is forbidden', async () => {
    const envelope = fireSafetyEnvelope()
    const result = await submitOne(bureau2, envelope)
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    expect(result.error.code).toBe('forbidden')
    expect(await storedRows(envelope.id)).toHaveLength(0)
  })

  it('an inspector may file for any school of the district', async () => {
    const envelope = fireSafetyEnvelope({ schoolId: 'school-3', answers: { ...passingAnswers(), checkType: 'bureau' } })
    const result = await submitOne(inspector, envelope)
    expect(result.status).toBe('accepted')
    const [row] = await storedRows(envelope.id)
    expect(row?.user_id).toBe('user-inspector')
  })

  it('one bad item does not spoil the others in a batch', async () => {
    const good = fireSafetyEnvelope()
    const bad = fireSafetyEnvelope({ schoolId: 'school-2' })
    const alsoGood = fireSafetyEnvelope()
    const response = await submit(school1, [good, bad, alsoGood])
    const results = response.json().results as SubmitResult[]
    expect(results.map((result) => [result.id, result.status])).toEqual([
      [good.id, 'accepted'],
      [bad.id, 'rejected'],
      [alsoGood.id, 'accepted'],
    ])
  })

  it('a batch of 51 is a 400 and nothing is stored', async () => {
    const batch: SubmissionEnvelope[] = Array.from({ length: 51 }, () => fireSafetyEnvelope())
    const response = await submit(school1, batch)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('bad_request')
    expect(await storedRows(batch[0]?.id ?? '')).toHaveLength(0)
  })

  it('a batch of 50 is accepted in full', async () => {
    const batch = Array.from({ length: 50 }, () => fireSafetyEnvelope({ id: uuidv7() }))
    const response = await submit(school2, batch.map((envelope) => ({ ...envelope, schoolId: 'school-2' })))
    expect(response.statusCode).toBe(200)
    const statuses = new Set((response.json().results as SubmitResult[]).map((result) => result.status))
    expect([...statuses]).toEqual(['accepted'])
  })

  it('submitting without signing in is a 401', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { submissions: [fireSafetyEnvelope()] } })
    expect(response.statusCode).toBe(401)
  })
})

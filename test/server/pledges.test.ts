import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pledgeTextHash, pledgeVersionId } from '../../src/core/pledges.js'
import type { PledgeRecordResponse, PledgeReportResponse, PledgesResponse, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { publishPledgeVersion } from '../../src/server/services/pledge-documents.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

const year = new Date().getFullYear()
const safeCampus = pledgeVersionId(`safe-campus-${year}`, 1)
const foodSafety = pledgeVersionId(`food-safety-${year}`, 1)
const staffConduct = pledgeVersionId(`staff-conduct-${year}`, 1)

describe.each(dialects)('responsibility pledges (%s)', (dialect) => {
  let server: TestServer
  const tokens: Record<string, string> = {}
  const hashes: Record<string, string> = {}
  let colour = 1

  beforeAll(async () => {
    server = await startServer(dialect)
    for (const [user, password] of [
      ['principal1', 'principal123'],
      ['school1', 'school123'],
      ['school2', 'school123'],
      ['bureau', 'bureau123'],
      ['bureau2', 'bureau123'],
      ['inspector', 'inspector123'],
      ['admin', 'admin123'],
    ] as const) {
      tokens[user] = await server.login(user, password)
    }
    const { pledges } = await listFor('admin')
    for (const pledge of pledges) hashes[pledge.id] = pledge.textHash
  })
  afterAll(() => server.close())

  async function listFor(user: string): Promise<PledgesResponse> {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/pledges', headers: bearer(tokens[user] ?? '') })
    expect(response.statusCode).toBe(200)
    return response.json() as PledgesResponse
  }

  /** Uploads a fresh signature PNG as `user` and returns its hash. */
  async function uploadSignature(user: string): Promise<string> {
    const png = tinyPng(colour++, 10, 20)
    const hash = sha256(png)
    const response = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/attachments/${hash}`,
      headers: { ...bearer(tokens[user] ?? ''), 'content-type': 'image/png' },
      payload: png,
    })
    expect(response.statusCode).toBe(201)
    return hash
  }

  async function signing(user: string, versionId: string, overrides: Partial<SubmissionEnvelope> & { textHash?: string } = {}): Promise<SubmissionEnvelope> {
    const signature = await uploadSignature(user)
    const { textHash = hashes[versionId] ?? '', ...rest } = overrides
    return {
      id: uuidv7(),
      formId: 'pledge-signing',
      formVersion: 1,
      schoolId: 'school-1',
      subjectId: versionId,
      answers: { signerName: '李校长', textHash, signature },
      attachments: [signature],
      startedAt: '2026-02-20T01:00:00.000Z',
      completedAt: '2026-02-20T01:05:00.000Z',
      deviceId: 'phone-principal-1',
      ...rest,
    }
  }

  async function submit(user: string, ...envelopes: SubmissionEnvelope[]): Promise<SubmitResult[]> {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: bearer(tokens[user] ?? ''),
      payload: { submissions: envelopes },
    })
    expect(response.statusCode).toBe(200)
    return response.json().results as SubmitResult[]
  }

  async function signatureRows(versionId: string) {
    return server.db.selectFrom('pledge_signatures').selectAll().where('version_id', '=', versionId).execute()
  }

  async function report(user: string, versionId: string) {
    return server.app.inject({ method: 'GET', url: `/api/v1/reports/pledges?versionId=${versionId}`, headers: bearer(tokens[user] ?? '') })
  }

  describe('publishing and listing', () => {
    it('the demo seed publishes this year\'s safe-campus and food-safety letters for principals, hashed by the server with core', async () => {
      const { pledges } = await listFor('principal1')
      expect(pledges.map((pledge) => pledge.id).sort()).toEqual([foodSafety, safeCampus])
      const safe = pledges.find((pledge) => pledge.id === safeCampus)
      expect(safe).toMatchObject({ audience: 'principal', version: 1, year, current: true, signature: null })
      expect(safe?.title.zh).toContain('平安校园创建目标管理责任书')
      expect(safe?.text.zh).toContain('第一责任人')
      expect(safe?.text.en).toContain('first responsible person')
      expect(safe?.textHash).toBe(await pledgeTextHash(safe!))
    })

    it('staff see only the staff pledge, the bureau sees every version', async () => {
      expect((await listFor('school1')).pledges.map((pledge) => pledge.id)).toEqual([staffConduct])
      expect((await listFor('bureau')).pledges).toHaveLength(3)
    })

    it('an unchanged list answers 304 to its ETag', async () => {
      const first = await server.app.inject({ method: 'GET', url: '/api/v1/pledges', headers: bearer(tokens['principal1'] ?? '') })
      const again = await server.app.inject({
        method: 'GET',
        url: '/api/v1/pledges',
        headers: { ...bearer(tokens['principal1'] ?? ''), 'if-none-match': String(first.headers.etag) },
      })
      expect(again.statusCode).toBe(304)
    })
  })

  describe('the server\'s signing rules', () => {
    it('a signing with a text hash that is not this version\'s is rejected and stores nothing', async () => {
      const [result] = await submit('principal1', await signing('principal1', foodSafety, { textHash: 'f'.repeat(64) }))
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'validation_failed', details: { issues: [{ fieldId: 'textHash', code: 'pledgeTextChanged' }] } } })
      expect(await signatureRows(foodSafety)).toEqual([])
    })

    it('a staff member cannot sign the principal\'s pledge, nor an inspector', async () => {
      const [staff] = await submit('school1', await signing('school1', foodSafety))
      expect(staff).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
      const [inspector] = await submit('inspector', await signing('inspector', foodSafety))
      expect(inspector).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
      expect(await signatureRows(foodSafety)).toEqual([])
    })

    it('a principal cannot sign for another school', async () => {
      const [result] = await submit('principal1', await signing('principal1', foodSafety, { schoolId: 'school-2' }))
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
    })

    it('a signing of an unknown pledge is rejected', async () => {
      const [result] = await submit('principal1', await signing('principal1', foodSafety, { subjectId: 'no-such-pledge-v1' }))
      expect(result).toMatchObject({ status: 'rejected', error: { details: { issues: [{ fieldId: 'subjectId', code: 'pledgeUnknown' }] } } })
    })

    it('the principal\'s signing is accepted and recorded once for the school, with the version\'s hash', async () => {
      const envelope = await signing('principal1', safeCampus)
      const [result] = await submit('principal1', envelope)
      expect(result).toMatchObject({ id: envelope.id, status: 'accepted' })
      const rows = await signatureRows(safeCampus)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        id: envelope.id,
        school_id: 'school-1',
        user_id: 'user-principal1',
        signing_key: 'school:school-1',
        signer_name: '李校长',
        text_hash: hashes[safeCampus],
        signature_sha256: envelope.answers['signature'],
        signed_at: envelope.completedAt,
      })
      const listed = (await listFor('principal1')).pledges.find((pledge) => pledge.id === safeCampus)
      expect(listed?.signature).toMatchObject({ id: envelope.id, signerName: '李校长', signedAt: envelope.completedAt })
    })

    it('a second signing of the same version by the school is a duplicate carrying the first receipt, never a second record', async () => {
      const [first] = await signatureRows(safeCampus)
      const stored = await server.db.selectFrom('submissions').select(['digest', 'received_at']).where('id', '=', first?.id ?? '').executeTakeFirstOrThrow()
      const again = await signing('principal1', safeCampus, { deviceId: 'another-phone' })
      const [result] = await submit('principal1', again)
      expect(result).toEqual({ id: again.id, status: 'duplicate', receivedAt: stored.received_at, digest: stored.digest })
      expect(await signatureRows(safeCampus)).toHaveLength(1)
      expect(await server.db.selectFrom('submissions').select('id').where('id', '=', again.id).execute()).toEqual([])
    })

    it('two different signings sent at the same moment leave one record', async () => {
      const one = await signing('principal1', foodSafety)
      const two = await signing('principal1', foodSafety)
      const results = await Promise.all([submit('principal1', one), submit('principal1', two)])
      expect(results.map(([result]) => result?.status).sort()).toEqual(['accepted', 'duplicate'])
      expect(await signatureRows(foodSafety)).toHaveLength(1)
    })

    it('a staff pledge is signed once per person, not once per school', async () => {
      const [mine] = await submit('school1', await signing('school1', staffConduct))
      expect(mine?.status).toBe('accepted')
      const [again] = await submit('school1', await signing('school1', staffConduct))
      expect(again?.status).toBe('duplicate')
      const [principal] = await submit('principal1', await signing('principal1', staffConduct))
      expect(principal).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
      expect(await signatureRows(staffConduct)).toHaveLength(1)
    })

    it('a new version asks for a new signature: the old one no longer counts and cannot be signed', async () => {
      const v1 = (await listFor('principal1')).pledges.find((pledge) => pledge.id === safeCampus)!
      const v2 = await publishPledgeVersion(
        server.db,
        { ...v1, version: 2, text: { zh: `${v1.text.zh}\n\n## 六、补充条款\n\n寒暑假前开展防溺水专题教育。`, en: `${v1.text.en}\n\n## 6. Addendum\n\nTeach drowning prevention before each holiday.` } },
        new Date(),
      )
      const listed = (await listFor('principal1')).pledges
      expect(listed.find((pledge) => pledge.id === v2)).toMatchObject({ current: true, signature: null })
      expect(listed.find((pledge) => pledge.id === safeCampus)?.current).toBe(false)
      const v2Hash = listed.find((pledge) => pledge.id === v2)?.textHash ?? ''
      expect(v2Hash).not.toBe(v1.textHash)

      const [stale] = await submit('principal1', await signing('principal1', safeCampus))
      expect(stale).toMatchObject({ status: 'rejected', error: { details: { issues: [{ code: 'pledgeSuperseded' }] } } })
      const [oldHash] = await submit('principal1', await signing('principal1', v2, { textHash: v1.textHash }))
      expect(oldHash).toMatchObject({ status: 'rejected', error: { details: { issues: [{ code: 'pledgeTextChanged' }] } } })
      const [fresh] = await submit('principal1', await signing('principal1', v2, { textHash: v2Hash }))
      expect(fresh?.status).toBe('accepted')
      expect(await signatureRows(v2)).toHaveLength(1)
    })
  })

  describe('the proof of a signing', () => {
    it('the record names the signer, both times, the receipt digest, and the server confirms the stored hash matches the text', async () => {
      const [row] = await signatureRows(safeCampus)
      const response = await server.app.inject({
        method: 'GET',
        url: `/api/v1/pledges/${safeCampus}/signatures/${row?.id ?? ''}`,
        headers: bearer(tokens['bureau'] ?? ''),
      })
      expect(response.statusCode).toBe(200)
      const record = response.json() as PledgeRecordResponse
      const submission = await server.db.selectFrom('submissions').selectAll().where('id', '=', row?.id ?? '').executeTakeFirstOrThrow()
      expect(record.signature).toMatchObject({
        id: row?.id,
        schoolName: '示范区第一小学',
        signerName: '李校长',
        textHash: hashes[safeCampus],
        textHashMatches: true,
        digest: submission.digest,
        receivedAt: submission.received_at,
        signedAt: submission.completed_at,
        deviceId: 'phone-principal-1',
      })
      expect(await pledgeTextHash(record.pledge)).toBe(record.signature.textHash)
      const image = await server.app.inject({ method: 'GET', url: `/api/v1/attachments/${record.signature.signatureSha256}`, headers: bearer(tokens['bureau'] ?? '') })
      expect(image.statusCode).toBe(200)
      expect(image.headers['content-type']).toBe('image/png')
    })

    it('a stored text that was altered after signing is flagged as not matching', async () => {
      const [row] = await signatureRows(foodSafety)
      await server.db.updateTable('pledge_versions').set({ text_zh: '篡改后的文本' }).where('id', '=', foodSafety).execute()
      const response = await server.app.inject({ method: 'GET', url: `/api/v1/pledges/${foodSafety}/signatures/${row?.id ?? ''}`, headers: bearer(tokens['admin'] ?? '') })
      expect((response.json() as PledgeRecordResponse).signature.textHashMatches).toBe(false)
    })

    it('another district and another school cannot open the record', async () => {
      const [row] = await signatureRows(safeCampus)
      for (const user of ['bureau2', 'school2']) {
        const response = await server.app.inject({ method: 'GET', url: `/api/v1/pledges/${safeCampus}/signatures/${row?.id ?? ''}`, headers: bearer(tokens[user] ?? '') })
        expect(response.statusCode).toBe(404)
      }
    })
  })

  describe('who has signed', () => {
    it('the bureau sees every school of its district, school-1 signed with its dates', async () => {
      const response = await report('bureau', safeCampus)
      expect(response.statusCode).toBe(200)
      const body = response.json() as PledgeReportResponse
      expect(body.schools.map((row) => row.schoolId)).toEqual(['school-1', 'school-2', 'school-3', 'school-4', 'school-5'])
      expect(body.schools[0]).toMatchObject({ signed: true, signatures: 1, overdue: false, latest: { signerName: '李校长', signedAt: '2026-02-20T01:05:00.000Z' } })
      expect(body.schools[1]).toMatchObject({ signed: false, latest: null })
      expect(body.totals).toMatchObject({ schools: 5, signed: 1 })
    })

    it('unsigned schools are overdue only once the due date has passed', async () => {
      const base = { year, audience: 'principal' as const, title: { zh: '防溺水安全责任书', en: 'Drowning prevention letter' }, text: { zh: '严防学生溺水。', en: 'Prevent drowning.' } }
      const past = await publishPledgeVersion(server.db, { ...base, pledgeId: 'drowning-past', version: 1, dueDate: '2000-01-31' }, new Date())
      const future = await publishPledgeVersion(server.db, { ...base, pledgeId: 'drowning-future', version: 1, dueDate: '2999-12-31' }, new Date())
      expect(((await report('bureau', past)).json() as PledgeReportResponse).totals).toMatchObject({ signed: 0, overdue: 5 })
      expect(((await report('bureau', future)).json() as PledgeReportResponse).totals).toMatchObject({ signed: 0, overdue: 0 })
    })

    it('another district sees only its own school, the admin sees all, the inspector its district', async () => {
      expect(((await report('bureau2', safeCampus)).json() as PledgeReportResponse).schools.map((row) => row.schoolId)).toEqual(['school-6'])
      expect(((await report('admin', safeCampus)).json() as PledgeReportResponse).schools).toHaveLength(6)
      expect(((await report('inspector', safeCampus)).json() as PledgeReportResponse).schools).toHaveLength(5)
    })

    it('schools may not read the report', async () => {
      expect((await report('principal1', safeCampus)).statusCode).toBe(403)
      expect((await report('school1', safeCampus)).statusCode).toBe(403)
    })

    it('an unknown version is a 404 and a missing one a 400', async () => {
      expect((await report('bureau', 'nope-v1')).statusCode).toBe(404)
      const missing = await server.app.inject({ method: 'GET', url: '/api/v1/reports/pledges', headers: bearer(tokens['bureau'] ?? '') })
      expect(missing.statusCode).toBe(400)
    })
  })
})

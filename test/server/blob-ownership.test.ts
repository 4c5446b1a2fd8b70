// The probe of issue 12: a photo or signature must not become readable by naming its hash.
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PledgesResponse, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

const accounts = {
  school1: 'school123',
  school2: 'school123',
  principal1: 'principal123',
  inspector: 'inspector123',
  bureau: 'bureau123',
  bureau2: 'bureau123',
} as const
type Account = keyof typeof accounts

describe.each(dialects)('blob ownership (%s)', (dialect) => {
  let server: TestServer
  const tokens = {} as Record<Account, string>
  let colour = 1

  beforeAll(async () => {
    server = await startServer(dialect)
    for (const [name, password] of Object.entries(accounts)) tokens[name as Account] = await server.login(name, password)
  })
  afterAll(() => server.close())

  const put = (who: Account, png: Buffer) =>
    server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { ...bearer(tokens[who]), 'content-type': 'image/png' }, payload: png })
  const head = (who: Account, hash: string) => server.app.inject({ method: 'HEAD', url: `/api/v1/attachments/${hash}`, headers: bearer(tokens[who]) })
  const get = (who: Account, hash: string) => server.app.inject({ method: 'GET', url: `/api/v1/attachments/${hash}`, headers: bearer(tokens[who]) })
  const submit = async (who: Account, envelope: SubmissionEnvelope): Promise<SubmitResult> => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(tokens[who]), payload: { submissions: [envelope] } })
    expect(response.statusCode).toBe(200)
    const [result] = response.json().results as SubmitResult[]
    if (!result) throw new Error('no result')
    return result
  }
  const issueCodes = (result: SubmitResult): string[] => (result.status === 'rejected' ? (result.error.details?.issues ?? []).map((issue) => issue.code) : [])
  const withPhoto = (hash: string, overrides: Partial<SubmissionEnvelope> = {}) =>
    fireSafetyEnvelope({ answers: { ...passingAnswers(), exits: { result: 'pass', photos: [hash] } }, attachments: [hash], ...overrides })

  /** A photo school 1 uploaded and reported: what the probe tried to read as another scope. */
  async function schoolOnePhoto(): Promise<{ png: Buffer; hash: string }> {
    const png = tinyPng(colour++, 11, 22)
    const hash = sha256(png)
    expect((await put('school1', png)).statusCode).toBe(201)
    expect((await submit('school1', withPhoto(hash))).status).toBe('accepted')
    return { png, hash }
  }

  it('naming school 1\'s photo in a school 2 report, unused by any answer, is refused and the photo stays unreadable', async () => {
    const { hash } = await schoolOnePhoto()
    expect((await get('school2', hash)).statusCode).toBe(404)
    const result = await submit('school2', fireSafetyEnvelope({ schoolId: 'school-2', attachments: [hash] }))
    expect(result.status).toBe('rejected')
    expect(issueCodes(result)).toContain('attachmentUnused')
    expect((await get('school2', hash)).statusCode).toBe(404)
  })

  it('using school 1\'s photo in an answer of a school 2 report is refused with a zh/en reason and the photo stays unreadable', async () => {
    const { hash } = await schoolOnePhoto()
    const result = await submit('school2', withPhoto(hash, { schoolId: 'school-2' }))
    expect(result.status).toBe('rejected')
    if (result.status !== 'rejected') return
    const issue = result.error.details?.issues?.[0]
    expect(issue?.code).toBe('attachmentNotUploaded')
    expect(issue?.message.zh).toMatch(/本单位/)
    expect(issue?.message.en).toMatch(/not been uploaded/)
    expect((await get('school2', hash)).statusCode).toBe(404)
    expect((await head('school2', hash)).statusCode).toBe(404)
  })

  it('a principal\'s pledge signature cannot be claimed by another school', async () => {
    const { pledges } = (await server.app.inject({ method: 'GET', url: '/api/v1/pledges', headers: bearer(tokens.principal1) })).json() as PledgesResponse
    const pledge = pledges.find((item) => item.audience === 'principal')
    if (!pledge) throw new Error('no principal pledge in the demo seed')
    const png = tinyPng(colour++, 200, 200)
    const signature = sha256(png)
    expect((await put('principal1', png)).statusCode).toBe(201)
    const signing = fireSafetyEnvelope({
      formId: 'pledge-signing', subjectId: pledge.id, deviceId: 'device-principal',
      answers: { signerName: '李校长', textHash: pledge.textHash, signature }, attachments: [signature],
    })
    expect((await submit('principal1', signing)).status).toBe('accepted')

    expect((await submit('school2', fireSafetyEnvelope({ schoolId: 'school-2', attachments: [signature] }))).status).toBe('rejected')
    expect((await submit('school2', withPhoto(signature, { schoolId: 'school-2' }))).status).toBe('rejected')
    expect((await get('school2', signature)).statusCode).toBe(404)
    expect((await get('bureau2', signature)).statusCode).toBe(404)
    // Within the district the bureau sees the signed pledge, so its signature too.
    expect((await get('bureau', signature)).statusCode).toBe(200)
  })

  it('another district\'s bureau cannot claim a photo through a report for its own school', async () => {
    const { hash } = await schoolOnePhoto()
    expect((await get('bureau2', hash)).statusCode).toBe(404)
    expect((await submit('bureau2', fireSafetyEnvelope({ schoolId: 'school-6', attachments: [hash] }))).status).toBe('rejected')
    expect((await submit('bureau2', withPhoto(hash, { schoolId: 'school-6' }))).status).toBe('rejected')
    expect((await get('bureau2', hash)).statusCode).toBe(404)
    expect((await head('bureau2', hash)).statusCode).toBe(404)
  })

  it('HEAD says nothing about a stored photo to a scope that holds neither its upload nor a report with it', async () => {
    const png = tinyPng(colour++, 33, 44)
    const hash = sha256(png)
    expect((await put('school1', png)).statusCode).toBe(201)
    const stored = await head('school1', hash)
    expect(stored.statusCode).toBe(200)
    for (const other of ['school2', 'bureau2', 'bureau', 'inspector'] as const) {
      const answer = await head(other, hash)
      expect(answer.statusCode, other).toBe(404)
      expect(answer.headers['content-length'] ?? '0', other).toBe('0')
      expect(answer.headers['content-type'], other).toBeUndefined()
    }
    const never = sha256(tinyPng(colour++, 1, 1))
    expect((await head('school2', never)).statusCode).toBe(404)
  })

  it('uploading the same bytes proves possession: the PUT is "known", and then HEAD, GET and attaching work for that school', async () => {
    const { png, hash } = await schoolOnePhoto()
    const again = await put('school2', png)
    expect(again.statusCode).toBe(200)
    expect((await head('school2', hash)).statusCode).toBe(200)
    expect((await get('school2', hash)).statusCode).toBe(200)
    expect((await submit('school2', withPhoto(hash, { schoolId: 'school-2' }))).status).toBe('accepted')
    const owners = await server.db.selectFrom('blob_owners').select('owner').where('sha256', '=', hash).orderBy('owner').execute()
    expect(owners.map((row) => row.owner)).toEqual(['school:school-1', 'school:school-2'])
  })

  it('a colleague at the same school may attach a photo another account of the school uploaded', async () => {
    const png = tinyPng(colour++, 5, 6)
    expect((await put('school1', png)).statusCode).toBe(201)
    const envelope = withPhoto(sha256(png), { formId: 'fire-safety', deviceId: 'device-principal' })
    expect((await submit('principal1', envelope)).status).toBe('accepted')
  })

  it('an inspector files for another school of the district with its own photo, and that school then sees the photo', async () => {
    const png = tinyPng(colour++, 7, 8)
    const hash = sha256(png)
    expect((await put('inspector', png)).statusCode).toBe(201)
    expect((await get('school2', hash)).statusCode).toBe(404)
    expect((await submit('inspector', withPhoto(hash, { schoolId: 'school-2' }))).status).toBe('accepted')
    expect((await get('school2', hash)).statusCode).toBe(200)
    expect((await get('bureau', hash)).statusCode).toBe(200)
    expect((await get('school1', hash)).statusCode).toBe(404)
    expect((await get('bureau2', hash)).statusCode).toBe(404)
  })

  it('a school may attach a photo of a report it holds again, e.g. in a second report', async () => {
    const png = tinyPng(colour++, 9, 10)
    const hash = sha256(png)
    expect((await put('inspector', png)).statusCode).toBe(201)
    expect((await submit('inspector', withPhoto(hash, { schoolId: 'school-2' }))).status).toBe('accepted')
    expect((await submit('school2', withPhoto(hash, { schoolId: 'school-2', id: uuidv7() }))).status).toBe('accepted')
  })
})

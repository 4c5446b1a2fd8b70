import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BLOB_CHECK_MAX } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

describe.each(dialects)('asking which photos the server holds, many at once (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let school2: string
  let bureau: string

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    bureau = await server.login('bureau', 'bureau123')
  })
  afterAll(() => server.close())

  const put = (token: string, png: Buffer) =>
    server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { ...bearer(token), 'content-type': 'image/png' }, payload: png })
  const check = (token: string | null, payload: unknown) =>
    server.app.inject({ method: 'POST', url: '/api/v1/attachments/check', headers: token === null ? {} : bearer(token), payload: payload as object })

  it('answers with only the hashes the caller\'s school holds: uploaded itself or referenced by its reports', async () => {
    const own = tinyPng(11, 12, 13)
    const inReport = tinyPng(21, 22, 23)
    const never = tinyPng(31, 32, 33)
    expect((await put(school1, own)).statusCode).toBe(201)
    expect((await put(school1, inReport)).statusCode).toBe(201)
    const envelope = fireSafetyEnvelope({ answers: { ...passingAnswers(), exits: { result: 'pass', photos: [sha256(inReport)] } }, attachments: [sha256(inReport)] })
    const submitted = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [envelope] } })
    expect(submitted.json().results[0].status).toBe('accepted')

    const asked = [sha256(own), sha256(inReport), sha256(never), sha256(own)]
    const mine = await check(school1, { hashes: asked })
    expect(mine.statusCode).toBe(200)
    expect([...mine.json().held].sort()).toEqual([sha256(own), sha256(inReport)].sort())
    // Another school gets the answer it would get for bytes never stored: nothing.
    expect((await check(school2, { hashes: asked })).json()).toEqual({ held: [] })
    // The district sees the report's photo, not a school's upload no report uses yet.
    expect((await check(bureau, { hashes: asked })).json()).toEqual({ held: [sha256(inReport)] })
  })

  it('refuses bad input with a 400 in both languages, and a caller not signed in with a 401', async () => {
    const tooMany = Array.from({ length: BLOB_CHECK_MAX + 1 }, (_, index) => index.toString(16).padStart(64, '0'))
    for (const payload of [{ hashes: tooMany }, { hashes: ['not-a-hash'] }, { hashes: [42] }, {}, { hashes: [], more: 1 }]) {
      const response = await check(school1, payload)
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/[\u4e00-\u9fff].* \/ [A-Za-z]/) })
    }
    expect((await check(school1, { hashes: [] })).json()).toEqual({ held: [] })
    expect((await check(null, { hashes: ['a'.repeat(64)] })).statusCode).toBe(401)
  })
})

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

describe.each(dialects)('photo attachments (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let school2: string
  let bureau: string

  beforeAll(async () => {
    server = await startServer(dialect, { maxBlobBytes: 4096 })
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    bureau = await server.login('bureau', 'bureau123')
  })
  afterAll(() => server.close())

  const put = (token: string, hash: string, body: Buffer, type = 'image/png') =>
    server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${hash}`, headers: { ...bearer(token), 'content-type': type }, payload: body })
  const head = (token: string, hash: string) =>
    server.app.inject({ method: 'HEAD', url: `/api/v1/attachments/${hash}`, headers: bearer(token) })
  const get = (token: string, hash: string) =>
    server.app.inject({ method: 'GET', url: `/api/v1/attachments/${hash}`, headers: bearer(token) })
  const blobPath = (hash: string) => join(server.config.dataDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash)

  it('a new PNG is stored (201), a repeat is known (200), and HEAD then finds it', async () => {
    const png = tinyPng(200, 10, 10)
    const hash = sha256(png)
    expect((await head(school1, hash)).statusCode).toBe(404)
    const first = await put(school1, hash, png)
    expect(first.statusCode).toBe(201)
    expect((await put(school1, hash, png)).statusCode).toBe(200)
    const found = await head(school1, hash)
    expect(found.statusCode).toBe(200)
    expect(found.headers['content-type']).toBe('image/png')
    expect(existsSync(blobPath(hash))).toBe(true)
    const row = await server.db.selectFrom('blobs').selectAll().where('sha256', '=', hash).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ mime: 'image/png', size: png.length, created_by: 'user-school1' })
  })

  it('bytes that start like a JPEG are stored as image/jpeg', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9])
    const hash = sha256(jpeg)
    expect((await put(school1, hash, jpeg, 'image/jpeg')).statusCode).toBe(201)
    expect((await head(school1, hash)).headers['content-type']).toBe('image/jpeg')
  })

  it('bytes that do not match the hash in the URL are a 400 and nothing is stored', async () => {
    const png = tinyPng(1, 2, 3)
    const wrong = sha256(tinyPng(3, 2, 1))
    const response = await put(school1, wrong, png)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('bad_request')
    expect((await head(school1, wrong)).statusCode).toBe(404)
    expect(existsSync(blobPath(wrong))).toBe(false)
  })

  it('text sent as an image is a 415', async () => {
    const text = Buffer.from('hello, not a picture')
    const response = await put(school1, sha256(text), text)
    expect(response.statusCode).toBe(415)
    expect(response.json().error.code).toBe('unsupported_media_type')
  })

  it('a content type that is not an image is a 415', async () => {
    const png = tinyPng(9)
    const response = await put(school1, sha256(png), png, 'application/octet-stream')
    expect(response.statusCode).toBe(415)
    expect(response.json().error.code).toBe('unsupported_media_type')
  })

  it('a blob over the size limit is a 413', async () => {
    const big = Buffer.concat([tinyPng(5), Buffer.alloc(5000)])
    const response = await put(school1, sha256(big), big)
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('payload_too_large')
    expect((await head(school1, sha256(big))).statusCode).toBe(404)
  })

  it('a malformed hash in the URL is a 400', async () => {
    const response = await head(school1, 'XYZ')
    expect(response.statusCode).toBe(400)
  })

  it('uploading without signing in is a 401', async () => {
    const png = tinyPng(77)
    const response = await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { 'content-type': 'image/png' }, payload: png })
    expect(response.statusCode).toBe(401)
  })

  it('the uploader, and whoever may see the report that uses it, can fetch the photo; another school cannot', async () => {
    const png = tinyPng(12, 34, 56)
    const hash = sha256(png)
    await put(school1, hash, png)
    expect((await get(school1, hash)).statusCode).toBe(200)
    expect((await get(bureau, hash)).statusCode).toBe(404)

    const answers = { ...passingAnswers(), exits: { result: 'pass', photos: [hash] } }
    const envelope = fireSafetyEnvelope({ answers, attachments: [hash] })
    const submitted = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [envelope] } })
    expect((submitted.json().results as SubmitResult[])[0]?.status).toBe('accepted')

    const fetched = await get(bureau, hash)
    expect(fetched.statusCode).toBe(200)
    expect(fetched.headers['content-type']).toBe('image/png')
    expect(Buffer.from(fetched.rawPayload).equals(png)).toBe(true)
    const denied = await get(school2, hash)
    expect(denied.statusCode).toBe(404)
    expect(denied.json().error.code).toBe('not_found')
  })
})

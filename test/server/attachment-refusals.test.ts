import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

describe.each(dialects)('a refused photo upload leaves nothing behind (%s)', (dialect) => {
  let server: TestServer
  let school1: string

  beforeAll(async () => {
    server = await startServer(dialect, { maxBlobBytes: 4096 })
    school1 = await server.login('school1', 'school123')
  })
  afterAll(() => server.close())

  const put = (hash: string, body: Buffer, type = 'image/jpeg') =>
    server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${hash}`, headers: { ...bearer(school1), 'content-type': type }, payload: body })
  const nothingStored = async (hash: string) => {
    const row = await server.db.selectFrom('blobs').select('sha256').where('sha256', '=', hash).executeTakeFirst()
    expect(row).toBeUndefined()
    expect(existsSync(join(server.config.dataDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash))).toBe(false)
  }

  it('a text file labelled image/jpeg is a 415 with a clear code, and no row or file is kept', async () => {
    const text = Buffer.from('GIF89a? no: just a note pretending to be a photo')
    const response = await put(sha256(text), text)
    expect(response.statusCode).toBe(415)
    expect(response.json().error).toMatchObject({ code: 'unsupported_media_type' })
    await nothingStored(sha256(text))
  })

  it('bytes under the wrong hash are a 400, and neither hash is stored', async () => {
    const png = tinyPng(40, 50, 60)
    const claimed = sha256(tinyPng(60, 50, 40))
    const response = await put(claimed, png, 'image/png')
    expect(response.statusCode).toBe(400)
    await nothingStored(claimed)
    await nothingStored(sha256(png))
  })

  it('an image over the size limit is a 413, and no row or file is kept', async () => {
    const big = Buffer.concat([tinyPng(70), Buffer.alloc(8000)])
    const response = await put(sha256(big), big, 'image/png')
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('payload_too_large')
    await nothingStored(sha256(big))
  })
})

import { existsSync } from 'node:fs'
import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { createFsBlobStore } from '../../src/server/blobs/fs-blob-store.js'
import { down as dropOwners, up as createOwners } from '../../src/server/db/migrations/0007-blob-ownership.js'
import { sweepBlobs } from '../../src/server/services/sweep-blobs.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

const DAY = 24 * 60 * 60 * 1000
const passwords = { school1: 'school123', school2: 'school123', inspector: 'inspector123', bureau2: 'bureau123', admin: 'admin123' } as const
type Account = keyof typeof passwords

describe.each(dialects)('blob quota, sweep and the ownership migration (%s)', (dialect) => {
  let server: TestServer
  const tokens = {} as Record<Account, string>
  const start = new Date('2026-03-01T08:00:00.000Z')
  let clock = start
  let colour = 1
  // Every tiny PNG here is 69 bytes: three fit in the quota, a fourth does not.
  const quota = 210

  beforeAll(async () => {
    server = await startServer(dialect, { uploadQuotaBytes: quota }, { now: () => clock })
    for (const [name, password] of Object.entries(passwords)) tokens[name as Account] = await server.login(name, password)
  })
  afterAll(() => server.close())

  const fresh = (): Buffer => tinyPng(colour++, 123, 45)
  const put = (who: Account, png: Buffer) =>
    server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { ...bearer(tokens[who]), 'content-type': 'image/png' }, payload: png })
  const head = (who: Account, hash: string) => server.app.inject({ method: 'HEAD', url: `/api/v1/attachments/${hash}`, headers: bearer(tokens[who]) })
  const submit = async (who: Account, envelope: SubmissionEnvelope): Promise<SubmitResult | undefined> =>
    ((await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(tokens[who]), payload: { submissions: [envelope] } })).json().results as SubmitResult[])[0]
  const reportWith = (hashes: string[], overrides: Partial<SubmissionEnvelope> = {}) =>
    fireSafetyEnvelope({ answers: { ...passingAnswers(), exits: { result: 'pass', photos: hashes } }, attachments: hashes, ...overrides })
  const blobPath = (hash: string) => join(server.config.dataDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash)

  it('a school over its quota of unreferenced uploads gets a 429 with a zh/en reason; its reports free the room; other schools are not affected', async () => {
    clock = start
    const [a, b, extra, c] = [fresh(), fresh(), fresh(), fresh()]
    expect(a.length).toBe(69)
    expect((await put('school1', a)).statusCode).toBe(201)
    expect((await put('school1', b)).statusCode).toBe(201)
    expect((await put('school1', extra)).statusCode).toBe(201)
    const over = await put('school1', c)
    expect(over.statusCode).toBe(429)
    const error = over.json().error
    expect(error.code).toBe('too_many_requests')
    expect(error.details.issues[0].code).toBe('uploadQuota')
    expect(error.details.issues[0].message.zh).toMatch(/上限/)
    expect((await head('school1', sha256(c))).statusCode).toBe(404)
    // A repeat of what the school already holds costs nothing.
    expect((await put('school1', a)).statusCode).toBe(200)
    expect((await put('school2', c)).statusCode).toBe(201)

    expect((await submit('school1', reportWith([sha256(a), sha256(b)])))?.status).toBe('accepted')
    expect((await put('school1', c)).statusCode).toBe(200)
    expect((await head('school1', sha256(c))).statusCode).toBe(200)
  })

  it('proving possession of a blob some report already uses costs no quota', async () => {
    clock = start
    const [x, y] = [fresh(), fresh()]
    expect((await put('inspector', x)).statusCode).toBe(201)
    expect((await put('inspector', y)).statusCode).toBe(201)
    expect((await submit('inspector', reportWith([sha256(x), sha256(y)], { schoolId: 'school-3' })))?.status).toBe('accepted')
    for (const filler of [fresh(), fresh()]) expect((await put('school2', filler)).statusCode).toBe(201)
    // school2 now holds three unreferenced photos, its whole quota: these two are already in a report.
    expect((await put('school2', fresh())).statusCode).toBe(429)
    expect((await put('school2', x)).statusCode).toBe(200)
    expect((await put('school2', y)).statusCode).toBe(200)
  })

  it('the sweep removes blobs unreferenced through the grace period and stale temp files, and keeps referenced, freshly uploaded and fresh temp files', async () => {
    clock = start
    const [used, stale, reclaimed, recent] = [fresh(), fresh(), fresh(), fresh()]
    expect((await put('bureau2', used)).statusCode).toBe(201)
    expect((await submit('bureau2', reportWith([sha256(used)], { schoolId: 'school-6' })))?.status).toBe('accepted')
    for (const png of [stale, reclaimed]) expect((await put('bureau2', png)).statusCode).toBe(201)
    clock = new Date(start.getTime() + 6 * DAY)
    // Uploaded again (by its owner or another scope) six days later: the grace period starts over.
    expect((await put('bureau2', reclaimed)).statusCode).toBe(200)
    clock = new Date(start.getTime() + 8 * DAY)
    expect((await put('bureau2', recent)).statusCode).toBe(201)

    const dir = join(server.config.dataDir, 'blobs', 'ab', 'cd')
    await mkdir(dir, { recursive: true })
    const oldTemp = join(dir, `${'ab'.padEnd(64, 'c')}.0123456789ab.tmp`)
    const newTemp = join(dir, `${'ab'.padEnd(64, 'd')}.0123456789ab.tmp`)
    await writeFile(oldTemp, 'half a photo')
    await writeFile(newTemp, 'an upload being written')
    await utimes(oldTemp, new Date(clock.getTime() - 2 * 60 * 60 * 1000), new Date(clock.getTime() - 2 * 60 * 60 * 1000))
    await utimes(newTemp, new Date(clock.getTime() - 60 * 1000), new Date(clock.getTime() - 60 * 1000))

    const store = createFsBlobStore(join(server.config.dataDir, 'blobs'))
    const result = await sweepBlobs(server.db, store, { now: clock, graceDays: 7 })
    expect(result.removedTempFiles).toBe(1)
    expect(existsSync(oldTemp)).toBe(false)
    expect(existsSync(newTemp)).toBe(true)

    const gone = sha256(stale)
    expect(existsSync(blobPath(gone))).toBe(false)
    expect(await server.db.selectFrom('blobs').select('sha256').where('sha256', '=', gone).executeTakeFirst()).toBeUndefined()
    expect(await server.db.selectFrom('blob_owners').select('sha256').where('sha256', '=', gone).executeTakeFirst()).toBeUndefined()
    expect((await head('bureau2', gone)).statusCode).toBe(404)
    for (const kept of [used, reclaimed, recent]) {
      expect(existsSync(blobPath(sha256(kept)))).toBe(true)
      expect((await head('bureau2', sha256(kept))).statusCode).toBe(200)
    }
    // Earlier tests' unreferenced uploads, made at the same start, went with it.
    const unreferenced = await server.db
      .selectFrom('blobs')
      .select('sha256')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('submission_blobs').select('sha256').whereRef('submission_blobs.sha256', '=', 'blobs.sha256'))))
      .execute()
    expect(unreferenced.map((row) => row.sha256).sort()).toEqual([sha256(reclaimed), sha256(recent)].sort())
    expect(result.removedBlobs).toBeGreaterThan(1)
    // Swept bytes can be uploaded again, as new.
    expect((await put('bureau2', stale)).statusCode).toBe(201)
    expect((await sweepBlobs(server.db, store, { now: clock, graceDays: 7 })).removedBlobs).toBe(0)
  })

  it('migration 0007 gives existing blobs to their uploader\'s scope and to every school whose report uses them', async () => {
    clock = start
    const [schoolPhoto, inspectorPhoto, adminPhoto, otherDistrictPhoto] = [fresh(), fresh(), fresh(), fresh()]
    await server.db.deleteFrom('blob_owners').execute()
    const uploads: [Account, Buffer][] = [['school2', schoolPhoto], ['inspector', inspectorPhoto], ['admin', adminPhoto], ['bureau2', otherDistrictPhoto]]
    for (const [who, png] of uploads) expect((await put(who, png)).statusCode).toBe(201)
    expect((await submit('inspector', reportWith([sha256(inspectorPhoto)], { schoolId: 'school-4' })))?.status).toBe('accepted')

    // Back to the schema before 0007 (no owners table), then migrate again.
    const untyped = server.db as unknown as Kysely<unknown>
    await dropOwners(untyped)
    await createOwners(untyped)

    const owners = async (png: Buffer) =>
      (await server.db.selectFrom('blob_owners').select('owner').where('sha256', '=', sha256(png)).orderBy('owner').execute()).map((row) => row.owner)
    expect(await owners(schoolPhoto)).toEqual(['school:school-2'])
    expect(await owners(inspectorPhoto)).toEqual(['district:district-1', 'school:school-4'])
    expect(await owners(adminPhoto)).toEqual(['global'])
    expect(await owners(otherDistrictPhoto)).toEqual(['district:district-2'])
    expect((await head('school2', sha256(schoolPhoto))).statusCode).toBe(200)
    expect((await head('bureau2', sha256(schoolPhoto))).statusCode).toBe(404)
  })
})

// @vitest-environment node
// The engine against the real Fastify app and a real SQLite file (demo seed), through a fetch
// that calls app.inject(); faults are injected between the two.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { digestOf } from '../../../src/core/digest.js'
import { RECTIFICATION_FORM_ID } from '../../../src/core/forms/hazard-rectification.js'
import type { Answers } from '../../../src/core/forms/types.js'
import { hazardId } from '../../../src/core/hazards.js'
import type { Hazard } from '../../../src/core/protocol.js'
import { putBlob } from '../../../src/client/offline/blobStore.js'
import { enqueueSubmission, getRecord, saveDraft, toEnvelope, type OutboxRecord } from '../../../src/client/offline/outbox.js'
import { createDraft } from '../../../src/client/offline/createDraft.js'
import type { Stores } from '../../../src/client/offline/storage.js'
import { SESSION_KEY } from '../../../src/client/offline/offlineServices.js'
import { createFetchTransport } from '../../../src/client/offline/transport.js'
import { passingAnswers } from '../../server/envelopes.js'
import { startServer, type TestServer } from '../../server/harness.js'
import { tinyPng } from '../../server/images.js'
import { createClock, engineFor, freshStores } from './harness.js'

type NetFault = 'drop_request' | 'drop_response' | 'status_500'

/** fetch → app.inject, with a script of network faults applied to requests matching a path. */
function injectFetch(app: FastifyInstance) {
  const faults: { match: RegExp; fault: NetFault }[] = []
  const batchSizes: number[] = []
  const gets: string[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input))
    const method = init?.method ?? 'GET'
    const index = faults.findIndex((entry) => entry.match.test(`${method} ${url.pathname}`))
    const fault = index >= 0 ? faults.splice(index, 1)[0]?.fault : undefined
    const body = init?.body
    if (method === 'GET') gets.push(url.pathname)
    if (method === 'POST' && url.pathname === '/api/v1/submissions') {
      batchSizes.push((JSON.parse(String(body)) as { submissions: unknown[] }).submissions.length)
    }
    if (fault === 'drop_request') throw new TypeError('Failed to fetch')
    if (fault === 'status_500') return new Response('{}', { status: 500 })
    const reply = await app.inject({
      method: method as 'GET',
      url: url.pathname + url.search,
      headers: (init?.headers ?? {}) as Record<string, string>,
      ...(body === undefined || body === null ? {} : { payload: body instanceof ArrayBuffer ? Buffer.from(body) : (body as string) }),
    })
    // Committed at the server; the reply never reaches the phone.
    if (fault === 'drop_response') throw new TypeError('network connection was lost')
    const headers = new Headers()
    for (const [name, value] of Object.entries(reply.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value))
    }
    const empty = method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304
    return new Response(empty ? null : new Uint8Array(reply.rawPayload), { status: reply.statusCode, headers })
  }
  return { fetch: fetch as typeof globalThis.fetch, batchSizes, gets, fail: (match: RegExp, fault: NetFault) => faults.push({ match, fault }) }
}

let server: TestServer
let token: string

beforeAll(async () => {
  server = await startServer('sqlite')
  token = await server.login('school1', 'school123')
})
afterAll(async () => server.close())

function connect(stores: Stores, getToken: () => string | null = () => token) {
  const net = injectFetch(server.app)
  const transport = createFetchTransport({ baseUrl: 'http://phone.test', getToken, fetch: net.fetch })
  // Records here are queued at wall-clock time; the engine's clock starts just after.
  const clock = createClock(Date.now() + 1_000)
  return { net, ...engineFor(stores, transport, { clock, extra: { onPulled: () => undefined } }) }
}

async function queue(
  stores: Stores,
  answers: Answers,
  attachments: readonly string[] = [],
  form: { formId: string; subjectId?: string } = { formId: 'fire-safety' },
): Promise<OutboxRecord> {
  const draft = await createDraft(stores, {
    ...form,
    formVersion: 1,
    schoolId: 'school-1',
    deviceId: 'device-engine-test',
    userId: 'any',
    answers,
    attachments,
  })
  const queued = await enqueueSubmission(stores, draft.id)
  if (queued.kind !== 'queued') throw new Error(queued.kind)
  return queued.record
}

async function rowsAtServer(id: string): Promise<number> {
  const rows = await server.db.selectFrom('submissions').select('id').where('id', '=', id).execute()
  return rows.length
}

describe('sync engine against the real server', () => {
  it('a pass that delivers pulls the hazards again: the found hazard and then its rectification show without another sync', async () => {
    const { stores } = freshStores()
    const hazard = { description: '配电箱门锁损坏', severity: 'high', deadline: '2026-12-31' }
    const inspection = await queue(stores, { ...passingAnswers(), wiring: { result: 'fail', hazard } } as Answers)
    const { engine } = connect(stores)
    const hazards = async () => (await stores.meta.getItem<Hazard[]>('hazards')) ?? []
    const id = hazardId(inspection.id, 'wiring')

    expect(await engine.syncNow('submit')).toMatchObject({ sent: 1 })
    expect((await hazards()).find((candidate) => candidate.id === id)).toMatchObject({ status: 'open', description: '配电箱门锁损坏' })

    const answers = { measures: '已更换门锁', rectifiedBy: '总务处 李主任', rectifiedOn: '2026-12-02' }
    await queue(stores, answers, [], { formId: RECTIFICATION_FORM_ID, subjectId: id })
    expect(await engine.syncNow('submit')).toMatchObject({ sent: 1 })
    expect((await hazards()).find((candidate) => candidate.id === id)?.status).toBe('rectified')
  })

  it('a pass that delivers nothing does not pull a second time', async () => {
    const { stores } = freshStores()
    const { engine, net } = connect(stores)
    await engine.syncNow('start')
    const before = net.gets.length
    await engine.syncNow('button')
    // One pull per pass: forms, schools, hazards, latest reports, the 待办, notices, campaigns (each one page here).
    expect(net.gets.length - before).toBe(7)
  })

  it('a school phone keeps its notices and campaigns from the pass; a bureau phone pulls neither and its pass is not spoiled', async () => {
    const school = freshStores()
    await connect(school.stores).engine.syncNow('start')
    const notices = (await school.stores.meta.getItem<{ id: string }[]>('notices')) ?? []
    expect(notices.length).toBeGreaterThan(0)
    expect(await school.stores.meta.getItem('campaigns')).toEqual(expect.arrayContaining([expect.objectContaining({ title: '汛期前校舍安全专项检查' })]))

    const bureau = freshStores()
    const bureauToken = await server.login('bureau', 'bureau123')
    await bureau.stores.meta.setItem(SESSION_KEY, { token: bureauToken, expiresAt: '2027-01-01T00:00:00.000Z', user: { id: 'user-bureau', username: 'bureau', displayName: '局', role: 'bureau', schoolId: null, districtId: 'district-1' } })
    const { engine, net } = connect(bureau.stores, () => bureauToken)
    await engine.syncNow('start')
    expect(engine.state()).toEqual({ kind: 'idle' })
    expect(net.gets.filter((path) => path.endsWith('/notices') || path.endsWith('/campaigns'))).toEqual([])
    // The 待办 is a school's (403 here): that list alone is skipped, the others arrive.
    expect(net.gets).toContain('/api/v1/todo')
    expect(await bureau.stores.meta.getItem('todo')).toBeNull()
    expect(await bureau.stores.meta.getItem('forms')).not.toBeNull()
    expect(await bureau.stores.meta.getItem('notices')).toBeNull()
  })

  it('delivers a report with a photo exactly once through a lost reply, with a matching receipt', async () => {
    const { stores } = freshStores()
    const photo = await putBlob(stores, tinyPng(200, 10, 10), 'image/png')
    const answers = { ...passingAnswers(), exits: { result: 'pass', photos: [photo] } } as Answers
    const record = await queue(stores, answers, [photo])
    const { engine, clock, net } = connect(stores)
    net.fail(/^POST \/api\/v1\/submissions$/, 'drop_response')

    expect(await engine.syncNow('submit')).toMatchObject({ retried: 1, uploadedBlobs: 1 })
    expect((await getRecord(stores, record.id))?.state).toBe('queued')
    expect(await rowsAtServer(record.id)).toBe(1)

    clock.advance(10 * 60_000)
    expect(await engine.syncNow('retry')).toMatchObject({ duplicate: 1, uploadedBlobs: 0 })
    const sent = await getRecord(stores, record.id)
    expect(sent?.state).toBe('sent')
    expect(sent?.receipt?.status).toBe('duplicate')
    // The server's digest of what it stored is the phone's digest of what it sent.
    expect(sent?.receipt?.digest).toBe(await digestOf(toEnvelope(record)))
    expect(sent?.lastError).toBeUndefined()
    expect(await rowsAtServer(record.id)).toBe(1)
    // Forms and schools were pulled for offline use.
    expect(await stores.meta.getItem<unknown[]>('forms')).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'fire-safety' })]))
    expect(await stores.meta.getItem<unknown[]>('schools')).toEqual([expect.objectContaining({ id: 'school-1' })])
  })

  it('keeps a report the server refuses, with its issues in both languages; the fixed one is accepted', async () => {
    const { stores } = freshStores()
    const record = await queue(stores, { ...passingAnswers(), checkDate: 'not-a-date' } as Answers)
    const { engine, clock, net } = connect(stores)
    net.fail(/^POST \/api\/v1\/submissions$/, 'status_500')

    expect((await engine.syncNow('first')).retried).toBe(1)
    clock.advance(10 * 60_000)
    expect((await engine.syncNow('second')).rejected).toBe(1)
    const rejected = await getRecord(stores, record.id)
    expect(rejected?.state).toBe('rejected')
    expect(rejected?.lastError?.code).toBe('validation_failed')
    const issue = rejected?.lastError?.issues?.find((item) => item.fieldId === 'checkDate')
    expect(issue?.message.zh).toBeTruthy()
    expect(issue?.message.en).toBeTruthy()
    expect(await rowsAtServer(record.id)).toBe(0)

    await saveDraft(stores, record.id, passingAnswers() as Answers)
    await enqueueSubmission(stores, record.id, clock.now())
    expect((await engine.syncNow('fixed')).sent).toBe(1)
    expect(await rowsAtServer(record.id)).toBe(1)
  })

  it('pauses on a dead session and sends after signing in again', async () => {
    const { stores } = freshStores()
    const record = await queue(stores, passingAnswers() as Answers)
    let current: string | null = 'expired-token'
    const { engine } = connect(stores, () => current)

    await engine.syncNow('start')
    expect(engine.state()).toEqual({ kind: 'paused_auth' })
    expect(await getRecord(stores, record.id)).toMatchObject({ state: 'queued', attempts: 0 })

    current = await server.login('school1', 'school123')
    engine.resume()
    expect((await engine.syncNow('signed in')).sent).toBe(1)
    expect(await rowsAtServer(record.id)).toBe(1)
  })

  it('sends 60 reports in batches of at most 50, each exactly once, despite a dropped request', async () => {
    const { stores } = freshStores()
    const records: OutboxRecord[] = []
    for (let index = 0; index < 60; index += 1) records.push(await queue(stores, passingAnswers() as Answers))
    const { engine, clock, net } = connect(stores)
    net.fail(/^POST \/api\/v1\/submissions$/, 'drop_request')
    expect((await engine.syncNow('first')).retried).toBe(50)
    clock.advance(10 * 60_000)
    expect((await engine.syncNow('second')).sent).toBe(60)
    expect(net.batchSizes).toEqual([50, 50, 10])
    for (const record of records) expect(await rowsAtServer(record.id)).toBe(1)
  })
})

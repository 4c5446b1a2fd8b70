import { describe, expect, it } from 'vitest'
import { putBlob } from '../../../src/client/offline/blobStore.js'
import { getRecord } from '../../../src/client/offline/outbox.js'
import { createFakeServer } from './fakeServer.js'
import { engineFor, freshStores, queueRecord, T0 } from './harness.js'

const photo = (text: string): Uint8Array => new TextEncoder().encode(`jpeg:${text}`)

describe('sync engine: attachments', () => {
  it('sends a photo never tried before straight as a PUT, without a check round trip, before the record that needs it', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const hash = await putBlob(stores, photo('exit'), 'image/jpeg')
    const record = await queueRecord(stores, { answers: { exitPhoto: [hash] }, attachments: [hash] })
    const { engine } = engineFor(stores, server)

    const summary = await engine.syncNow('test')
    expect(summary).toMatchObject({ sent: 1, uploadedBlobs: 1 })
    expect(server.calls.map((call) => call.op)).toEqual(['put', 'submit'])
    expect(server.blobs.get(hash)?.type).toBe('image/jpeg')
    expect([...new Uint8Array(server.blobs.get(hash)?.bytes ?? new ArrayBuffer(0))]).toEqual([...photo('exit')])
    expect((await getRecord(stores, record.id))?.state).toBe('sent')
  })

  it('a photo two reports share goes up once in a pass', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const hash = await putBlob(stores, photo('shared'), 'image/jpeg')
    await queueRecord(stores, { attachments: [hash] })
    await queueRecord(stores, { attachments: [hash], now: T0 + 1 })
    const { engine } = engineFor(stores, server)
    expect(await engine.syncNow('test')).toMatchObject({ sent: 2, uploadedBlobs: 1 })
    expect(server.calls.map((call) => call.op)).toEqual(['put', 'submit'])
  })

  it('a report tried before asks with one check first and does not send a photo the server already has', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const hash = await putBlob(stores, photo('shared'), 'image/jpeg')
    server.blobs.set(hash, { bytes: photo('shared').slice().buffer, type: 'image/jpeg' })
    const record = await queueRecord(stores, { attachments: [hash] })
    await stores.records.setItem(record.id, { ...record, attempts: 1 })
    const { engine } = engineFor(stores, server)
    expect(await engine.syncNow('test')).toMatchObject({ sent: 1, uploadedBlobs: 0 })
    expect(server.calls.map((call) => call.op)).toEqual(['check', 'submit'])
  })

  it('a photo whose upload reply was lost is asked about on the retry, not sent again', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const hash = await putBlob(stores, photo('cut'), 'image/jpeg')
    const record = await queueRecord(stores, { attachments: [hash] })
    // The bytes arrive, the reply is lost on the way back.
    server.fail('put', { kind: 'drop_response' })
    const { engine } = engineFor(stores, server)

    expect(await engine.syncNow('test')).toMatchObject({ sent: 0, retried: 1 })
    expect(await getRecord(stores, record.id)).toMatchObject({ state: 'queued', attempts: 1 })
    expect(await engine.syncNow('button')).toMatchObject({ sent: 1, uploadedBlobs: 0 })
    expect(server.calls.map((call) => call.op)).toEqual(['put', 'check', 'submit'])
  })

  it('a stored blob that no longer matches its hash is caught: never uploaded, the record is rejected', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const hash = await putBlob(stores, photo('broken'), 'image/jpeg')
    const damaged = await queueRecord(stores, { attachments: [hash] })
    const healthy = await queueRecord(stores, { now: T0 + 1 })
    await stores.blobs.setItem(hash, { bytes: photo('brokeN').slice().buffer, type: 'image/jpeg' })
    const { engine } = engineFor(stores, server)

    expect(await engine.syncNow('test')).toMatchObject({ sent: 1, rejected: 1, uploadedBlobs: 0 })
    expect(server.calls.some((call) => call.op === 'put')).toBe(false)
    expect(server.submitCalls()).toEqual([[healthy.id]])
    expect(await getRecord(stores, damaged.id)).toMatchObject({ state: 'rejected', lastError: { code: 'blob_corrupt' } })
  })

  it('a failed upload delays the record with backoff; it is not sent without its photo', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const hash = await putBlob(stores, photo('slow'), 'image/jpeg')
    const record = await queueRecord(stores, { attachments: [hash] })
    server.fail('put', { kind: 'status', status: 503 })
    const { engine, clock } = engineFor(stores, server)

    expect((await engine.syncNow('test')).retried).toBe(1)
    expect(server.submitCalls()).toEqual([])
    const waiting = await getRecord(stores, record.id)
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 })
    expect(waiting?.nextAttemptAt).toBeGreaterThan(clock.now())

    clock.set(waiting?.nextAttemptAt ?? 0)
    expect(await engine.syncNow('due')).toMatchObject({ sent: 1, uploadedBlobs: 1 })
  })

  it('a 401 on an upload pauses sync and keeps the record queued', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const hash = await putBlob(stores, photo('auth'), 'image/jpeg')
    const record = await queueRecord(stores, { attachments: [hash] })
    server.fail('put', { kind: 'unauthorized' })
    const { engine } = engineFor(stores, server)
    await engine.syncNow('test')
    expect(engine.state()).toEqual({ kind: 'paused_auth' })
    expect(await getRecord(stores, record.id)).toMatchObject({ state: 'queued', attempts: 0 })
  })
})

import { describe, expect, it } from 'vitest'
import { putBlob } from '../../../src/client/offline/blobStore.js'
import { getRecord } from '../../../src/client/offline/outbox.js'
import { createFakeServer } from './fakeServer.js'
import { engineFor, freshStores, queueRecord, T0 } from './harness.js'

const photo = (text: string): Uint8Array => new TextEncoder().encode(`jpeg:${text}`)

describe('sync engine on a lossy line', () => {
  it('a photo upload that fails mid-chunk still lets the reports whose photos made it go in the same pass', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const first = await queueRecord(stores, { attachments: [await putBlob(stores, photo('a'), 'image/jpeg')] })
    const second = await queueRecord(stores, { attachments: [await putBlob(stores, photo('b'), 'image/jpeg')], now: T0 + 1 })
    const third = await queueRecord(stores, { attachments: [await putBlob(stores, photo('c'), 'image/jpeg')], now: T0 + 2 })
    // PUT a and PUT b succeed; PUT c fails.
    const { engine } = engineFor(stores, server)
    let puts = 0
    const put = server.putBlob.bind(server)
    server.putBlob = async (hash, bytes, type) => (++puts === 3 ? { kind: 'retry', reason: 'network error' } : put(hash, bytes, type))

    const summary = await engine.syncNow('lossy')
    expect(summary).toMatchObject({ sent: 2, retried: 1 })
    expect(server.submitCalls()).toEqual([[first.id, second.id]])
    expect((await getRecord(stores, first.id))?.state).toBe('sent')
    expect((await getRecord(stores, second.id))?.state).toBe('sent')
    expect((await getRecord(stores, third.id))?.state).toBe('queued')
  })

  it('a 401 during the photo uploads sends nothing and pauses', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    await queueRecord(stores, { attachments: [await putBlob(stores, photo('a'), 'image/jpeg')] })
    await queueRecord(stores, { attachments: [await putBlob(stores, photo('b'), 'image/jpeg')], now: T0 + 1 })
    const { engine } = engineFor(stores, server)
    let puts = 0
    const put = server.putBlob.bind(server)
    server.putBlob = async (hash, bytes, type) => (++puts === 2 ? { kind: 'unauthorized' } : put(hash, bytes, type))

    await engine.syncNow('expired')
    expect(server.submitCalls()).toEqual([])
    expect(engine.state()).toEqual({ kind: 'paused_auth' })
  })
})

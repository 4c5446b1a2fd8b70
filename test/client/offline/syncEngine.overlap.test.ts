import { describe, expect, it } from 'vitest'
import { putBlob } from '../../../src/client/offline/blobStore.js'
import { getRecord } from '../../../src/client/offline/outbox.js'
import type { SyncState } from '../../../src/client/offline/syncEngine.js'
import { SECOND_UPLOAD_AFTER_MS, UPLOADS_AT_ONCE } from '../../../src/client/offline/uploadBlobs.js'
import { createFakeServer, type FakeServer } from './fakeServer.js'
import { engineFor, freshStores, queueRecord, T0 } from './harness.js'

const photo = (text: string): Uint8Array => new TextEncoder().encode(`jpeg:${text}`)

/** Holds every PUT until the test lets it through; records when each started and how many were in flight at once. */
function slowPuts(server: FakeServer): { startedAt: number[]; most: () => number; releaseOne: () => Promise<void> } {
  const put = server.putBlob.bind(server)
  const gates: (() => void)[] = []
  const startedAt: number[] = []
  let inFlight = 0
  let most = 0
  server.putBlob = async (hash, bytes, type) => {
    startedAt.push(Date.now())
    inFlight += 1
    most = Math.max(most, inFlight)
    await new Promise<void>((resolve) => gates.push(resolve))
    inFlight -= 1
    return put(hash, bytes, type)
  }
  return {
    startedAt,
    most: () => most,
    releaseOne: async () => {
      while (gates.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
      gates.shift()?.()
    },
  }
}

describe('sync engine: photo uploads overlap', () => {
  it('two photos go up at once, the second with a head start for the first, never more than two', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    for (let report = 0; report < 3; report++) {
      const hashes = [await putBlob(stores, photo(`${report}-a`), 'image/jpeg'), await putBlob(stores, photo(`${report}-b`), 'image/jpeg')]
      await queueRecord(stores, { attachments: hashes, now: T0 + report })
    }
    const puts = slowPuts(server)
    const { engine } = engineFor(stores, server)
    const pass = engine.syncNow('test')
    // Nothing is let through until well after the second lane has opened.
    await new Promise((resolve) => setTimeout(resolve, SECOND_UPLOAD_AFTER_MS + 200))
    expect(puts.startedAt).toHaveLength(UPLOADS_AT_ONCE)
    const [first = 0, second = 0] = puts.startedAt
    expect(second - first).toBeGreaterThanOrEqual(SECOND_UPLOAD_AFTER_MS - 20)
    for (let put = 0; put < 6; put++) await puts.releaseOne()
    expect(await pass).toMatchObject({ sent: 3, uploadedBlobs: 6 })
    expect(UPLOADS_AT_ONCE).toBe(2)
    expect(puts.most()).toBe(2)
  })

  it('a report waits for every one of its photos while other uploads finish; each photo that made it counts and is not sent again', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const [a1 = '', a2 = '', a3 = '', b1 = ''] = await Promise.all(['a1', 'a2', 'a3', 'b1'].map((name) => putBlob(stores, photo(name), 'image/jpeg')))
    const first = await queueRecord(stores, { attachments: [a1, a2, a3] })
    const second = await queueRecord(stores, { attachments: [b1], now: T0 + 1 })
    // a1 is on its way when a2 starts; a2's line drops, a1 then arrives; nothing new starts after the drop.
    let secondStarted = (): void => undefined
    const a2Started = new Promise<void>((resolve) => (secondStarted = resolve))
    const put = server.putBlob.bind(server)
    server.putBlob = async (hash, bytes, type) => {
      if (hash === a2) {
        secondStarted()
        return { kind: 'retry', reason: 'network error' }
      }
      if (hash === a1) await a2Started
      return put(hash, bytes, type)
    }
    const seen: SyncState[] = []
    const { engine } = engineFor(stores, server)
    engine.subscribe((state) => seen.push(state))

    expect(await engine.syncNow('lossy')).toMatchObject({ sent: 0, retried: 1, uploadedBlobs: 1 })
    expect(server.submitCalls()).toEqual([])
    expect([...server.blobs.keys()]).toEqual([a1])
    expect(await getRecord(stores, first.id)).toMatchObject({ state: 'queued', attempts: 1 })
    expect(await getRecord(stores, second.id)).toMatchObject({ state: 'queued', attempts: 0 })
    const photos = seen.flatMap((state) => (state.kind === 'syncing' && state.photos ? [state.photos] : []))
    expect(photos.at(-1)).toEqual({ done: 1, total: 4 })

    // The retried report asks first, its three photos in one check (a1 is there, not sent again); the other's photo goes straight up.
    server.putBlob = put
    server.calls.length = 0
    expect(await engine.syncNow('button')).toMatchObject({ sent: 2, uploadedBlobs: 3 })
    expect(server.calls.flatMap((call) => (call.op === 'put' ? [call.hash] : [])).sort()).toEqual([a2, a3, b1].sort())
    expect(server.calls.flatMap((call) => (call.op === 'check' ? [call.hashes.length] : []))).toEqual([3])
    expect(server.submitCalls()).toEqual([[first.id, second.id]])
  })
})

import localforage from 'localforage'
import { describe, expect, it } from 'vitest'
import { openStores } from '../../../src/client/offline/storage.js'

let counter = 0
const namespace = () => `idb-store-${Date.now()}-${counter++}`

describe('the IndexedDB stores that replaced localforage', () => {
  it('reads what an earlier version of the app wrote through localforage, and localforage reads ours', async () => {
    const name = namespace()
    const legacy = localforage.createInstance({ name, storeName: 'records', driver: localforage.INDEXEDDB })
    await legacy.setItem('r1', { id: 'r1', state: 'queued' })
    const legacyMeta = localforage.createInstance({ name, storeName: 'meta', driver: localforage.INDEXEDDB })
    await legacyMeta.setItem('deviceId', 'device-1')

    const stores = openStores(name)
    expect(await stores.records.getItem('r1')).toEqual({ id: 'r1', state: 'queued' })
    expect(await stores.meta.getItem('deviceId')).toBe('device-1')
    // The blobs store did not exist in that database: it is added by an upgrade.
    await stores.blobs.setItem('hash', new Uint8Array([1, 2, 3]).buffer)
    expect(new Uint8Array((await stores.blobs.getItem<ArrayBuffer>('hash')) ?? new ArrayBuffer(0))).toEqual(new Uint8Array([1, 2, 3]))

    await stores.records.setItem('r2', { id: 'r2', state: 'sent' })
    expect(await legacy.getItem('r2')).toEqual({ id: 'r2', state: 'sent' })
  })

  it('lists keys and values in key order, and a reopened namespace sees the same data', async () => {
    const name = namespace()
    const stores = openStores(name)
    await stores.records.setItem('b', 2)
    await stores.records.setItem('a', 1)
    await stores.records.setItem('c', 3)
    expect(await stores.records.keys()).toEqual(['a', 'b', 'c'])
    expect(await openStores(name).records.values()).toEqual([1, 2, 3])
  })

  it('stops iterating when the callback returns a value, and removed keys read as null', async () => {
    const stores = openStores(namespace())
    for (const key of ['a', 'b', 'c']) await stores.meta.setItem(key, key.toUpperCase())
    const seen: string[] = []
    const found = await stores.meta.iterate<string, string | undefined>((value, key) => {
      seen.push(key)
      return value === 'B' ? key : undefined
    })
    expect(found).toBe('b')
    expect(seen).toEqual(['a', 'b'])
    await stores.meta.removeItem('a')
    expect(await stores.meta.getItem('a')).toBeNull()
    expect(await stores.meta.getItem('never')).toBeNull()
  })
})

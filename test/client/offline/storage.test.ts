import { describe, expect, it } from 'vitest'
import { openStores } from '../../../src/client/offline/storage.js'
import { createStore, openDatabase } from './fixtures/legacyIdbStore.js'

let counter = 0
const namespace = () => `storage-${Date.now()}-${counter++}`

/** The stores as the build before issue 17 opened them (its own IndexedDB layer). */
function legacyStores(name: string) {
  const database = openDatabase(name, ['records', 'blobs', 'meta'])
  return { records: createStore(database, 'records'), blobs: createStore(database, 'blobs'), meta: createStore(database, 'meta'), database }
}

const bytes = (value: ArrayBuffer | null) => new Uint8Array(value ?? new ArrayBuffer(0))

describe('the localforage stores on the layout phones already hold', () => {
  it('read what the previous build wrote: records, blob bytes and settings', async () => {
    const name = namespace()
    const legacy = legacyStores(name)
    await legacy.records.setItem('r1', { id: 'r1', state: 'queued', answers: { a: 1 } })
    await legacy.records.setItem('r2', { id: 'r2', state: 'sent' })
    await legacy.blobs.setItem('hash', { bytes: new Uint8Array([1, 2, 3]).buffer, type: 'image/jpeg' })
    await legacy.meta.setItem('deviceId', 'device-1')
    ;(await legacy.database()).close()

    const stores = openStores(name)
    expect(await stores.records.getItem('r1')).toEqual({ id: 'r1', state: 'queued', answers: { a: 1 } })
    expect(await stores.records.keys()).toEqual(['r1', 'r2'])
    const blob = await stores.blobs.getItem<{ bytes: ArrayBuffer; type: string }>('hash')
    expect(blob?.type).toBe('image/jpeg')
    expect(bytes(blob?.bytes ?? null)).toEqual(new Uint8Array([1, 2, 3]))
    expect(await stores.meta.getItem('deviceId')).toBe('device-1')
  })

  it('write what the previous build reads (a phone that goes back a version keeps its reports)', async () => {
    const name = namespace()
    const stores = openStores(name)
    await stores.records.setItem('r1', { id: 'r1', state: 'draft' })
    await stores.blobs.setItem('hash', new Uint8Array([4, 5]).buffer)
    await stores.meta.setItem('session', { token: 't' })

    const legacy = legacyStores(name)
    expect(await legacy.records.values()).toEqual([{ id: 'r1', state: 'draft' }])
    expect(bytes(await legacy.blobs.getItem<ArrayBuffer>('hash'))).toEqual(new Uint8Array([4, 5]))
    expect(await legacy.meta.getItem('session')).toEqual({ token: 't' })
  })

  it('a database the previous build made with only some stores gets the missing ones', async () => {
    const name = namespace()
    const database = openDatabase(name, ['records'])
    await createStore(database, 'records').setItem('r1', { id: 'r1' })
    ;(await database()).close()

    const stores = openStores(name)
    await stores.blobs.setItem('hash', new Uint8Array([7]).buffer)
    expect(bytes(await stores.blobs.getItem<ArrayBuffer>('hash'))).toEqual(new Uint8Array([7]))
    expect(await stores.records.getItem('r1')).toEqual({ id: 'r1' })
  })

  it('lists keys in key order, stops iterating on a returned value, and a reopened namespace sees the same data', async () => {
    const name = namespace()
    const stores = openStores(name)
    for (const key of ['b', 'a', 'c']) await stores.meta.setItem(key, key.toUpperCase())
    expect(await openStores(name).meta.keys()).toEqual(['a', 'b', 'c'])
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
  it('lists every value in key order in one read, and still lists after the database was erased under it', async () => {
    const name = namespace()
    const stores = openStores(name)
    for (const key of ['b', 'a', 'c']) await stores.records.setItem(key, { id: key })
    expect(await stores.records.values()).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }])
    // Site data cleared while the page is open: localforage closes its connection on versionchange.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name)
      request.onsuccess = () => resolve()
      request.onerror = () => reject(request.error)
    })
    expect(await stores.records.values()).toEqual([])
    await stores.records.setItem('d', { id: 'd' })
    expect(await stores.records.values()).toEqual([{ id: 'd' }])
  })
  it('changes several keys in one transaction: a missing key is skipped, a null change keeps the value', async () => {
    const stores = openStores(namespace())
    await stores.records.setItem('a', { n: 1 })
    await stores.records.setItem('b', { n: 2 })
    const written = await stores.records.update<{ n: number }>(['a', 'missing', 'b'], (value, key) => (key === 'a' ? { n: value.n + 10 } : null))
    expect(written).toEqual([{ n: 11 }, null, { n: 2 }])
    expect(await stores.records.values()).toEqual([{ n: 11 }, { n: 2 }])
    expect(await stores.records.getItem('missing')).toBeNull()
  })
})

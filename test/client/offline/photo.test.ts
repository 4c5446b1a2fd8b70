import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../src/core/digest.js'
import { getBlob } from '../../../src/client/offline/blobStore.js'
import { storePhoto, type Compressor } from '../../../src/client/offline/photo.js'
import { createFakeServer } from './fakeServer.js'
import { engineFor, freshStores, queueRecord, T0 } from './harness.js'
import type { SyncState } from '../../../src/client/offline/syncEngine.js'

/** Stands in for the canvas (happy-dom has none): the bytes a real compression would return. */
const fakeCompressor = (seen: Blob[]): Compressor => async (file) => {
  seen.push(file)
  const text = await file.text()
  return { bytes: new TextEncoder().encode(`\xff\xd8\xff small:${text}`).buffer, type: 'image/jpeg', width: 1600, height: 1200 }
}

describe('storing a photo on the phone', () => {
  it('keeps the compressed bytes, never the original, under their SHA-256', async () => {
    const { stores } = freshStores()
    const seen: Blob[] = []
    const original = new Blob(['a 5 MB camera original'], { type: 'image/jpeg' })
    const hash = await storePhoto(stores, original, fakeCompressor(seen))
    expect(seen).toEqual([original])
    const read = await getBlob(stores, hash)
    expect(read.kind).toBe('ok')
    if (read.kind !== 'ok') return
    expect(read.blob.type).toBe('image/jpeg')
    expect(new TextDecoder().decode(read.blob.bytes)).toContain('small:a 5 MB camera original')
    expect(hash).toBe(await sha256Hex(read.blob.bytes))
  })

  it('the same picture picked twice is one blob under one hash', async () => {
    const { stores } = freshStores()
    const compress = fakeCompressor([])
    const first = await storePhoto(stores, new Blob(['same']), compress)
    const second = await storePhoto(stores, new Blob(['same']), compress)
    expect(second).toBe(first)
    expect(await stores.blobs.keys()).toEqual([first])
  })

  it('a photo that cannot be decoded is refused and nothing is stored', async () => {
    const { stores } = freshStores()
    const broken: Compressor = () => Promise.reject(new Error('not an image'))
    await expect(storePhoto(stores, new Blob(['?']), broken)).rejects.toThrow('not an image')
    expect(await stores.blobs.keys()).toEqual([])
  })
})

describe('sync progress with photos', () => {
  it('counts each distinct photo once as it reaches the server', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const compress = fakeCompressor([])
    const a = await storePhoto(stores, new Blob(['exit']), compress)
    const b = await storePhoto(stores, new Blob(['stairs']), compress)
    await queueRecord(stores, { attachments: [a, b] })
    await queueRecord(stores, { attachments: [b], now: T0 + 1 })
    const { engine } = engineFor(stores, server)
    const seen: SyncState[] = []
    engine.subscribe((state) => seen.push(state))
    expect(await engine.syncNow('test')).toMatchObject({ sent: 2, uploadedBlobs: 2 })
    const photos = seen.flatMap((state) => (state.kind === 'syncing' && state.photos ? [state.photos] : []))
    expect(photos[0]).toEqual({ done: 0, total: 2 })
    expect(photos).toContainEqual({ done: 1, total: 2 })
    expect(photos.at(-1)).toEqual({ done: 2, total: 2 })
  })

  it('a pass without photos reports no photo progress', async () => {
    const { stores } = freshStores()
    await queueRecord(stores, {})
    const { engine } = engineFor(stores, createFakeServer())
    const seen: SyncState[] = []
    engine.subscribe((state) => seen.push(state))
    await engine.syncNow('test')
    expect(seen.some((state) => state.kind === 'syncing' && state.photos !== undefined)).toBe(false)
  })
})

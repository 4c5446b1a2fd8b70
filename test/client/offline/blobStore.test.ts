import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../src/core/digest.js'
import { getBlob, hasBlob, putBlob } from '../../../src/client/offline/blobStore.js'
import { openStores } from '../../../src/client/offline/storage.js'
import { freshStores } from './harness.js'

describe('blob store', () => {
  it('keeps bytes and type under their SHA-256 and reads them back after a reload', async () => {
    const { stores, namespace } = freshStores()
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    const hash = await putBlob(stores, bytes, 'image/jpeg')
    expect(hash).toBe(await sha256Hex(bytes))
    const read = await getBlob(openStores(namespace), hash)
    expect(read.kind).toBe('ok')
    if (read.kind !== 'ok') return
    expect(read.blob.type).toBe('image/jpeg')
    expect(read.blob.bytes).toBeInstanceOf(ArrayBuffer)
    expect([...new Uint8Array(read.blob.bytes)]).toEqual([...bytes])
  })

  it('stores only the bytes a view covers, not its whole buffer', async () => {
    const { stores } = freshStores()
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9])
    const hash = await putBlob(stores, whole.subarray(2, 5), 'image/png')
    expect(hash).toBe(await sha256Hex(new Uint8Array([1, 2, 3])))
    const read = await getBlob(stores, hash)
    expect(read.kind === 'ok' && read.blob.bytes.byteLength).toBe(3)
  })

  it('detects bytes that no longer match their hash', async () => {
    const { stores } = freshStores()
    const hash = await putBlob(stores, new TextEncoder().encode('signature'), 'image/png')
    await stores.blobs.setItem(hash, { bytes: new TextEncoder().encode('signaturX').buffer, type: 'image/png' })
    const read = await getBlob(stores, hash)
    expect(read.kind).toBe('corrupt')
  })

  it('says missing for an unknown hash', async () => {
    const { stores } = freshStores()
    expect(await getBlob(stores, 'a'.repeat(64))).toEqual({ kind: 'missing' })
    expect(await hasBlob(stores, 'a'.repeat(64))).toBe(false)
  })
})

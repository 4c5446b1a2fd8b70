import { sha256Hex } from '../../core/digest.js'
import type { Stores } from './storage.js'

/**
 * How a photo or signature is kept: bytes plus MIME type. Never a Blob: WebKit has lost and
 * corrupted Blobs stored in IndexedDB, an ArrayBuffer survives.
 */
export type StoredBlob = { readonly bytes: ArrayBuffer; readonly type: string }

/** A read-back: the blob, nothing under that hash, or bytes that no longer hash to their key. */
export type BlobRead =
  | { readonly kind: 'ok'; readonly blob: StoredBlob }
  | { readonly kind: 'missing' }
  | { readonly kind: 'corrupt'; readonly actual: string }

function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes
  // Copy: a view may cover only part of a larger buffer, or a SharedArrayBuffer.
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy.buffer
}

/** Stores bytes under their SHA-256 hex and returns that hash (idempotent). */
export async function putBlob(stores: Stores, bytes: ArrayBuffer | Uint8Array, type: string): Promise<string> {
  const buffer = toArrayBuffer(bytes)
  const hash = await sha256Hex(buffer)
  const value: StoredBlob = { bytes: buffer, type }
  await stores.blobs.setItem(hash, value)
  return hash
}

/** Reads a blob back and re-hashes it, so a damaged copy is never uploaded as if it were good. */
export async function getBlob(stores: Stores, hash: string): Promise<BlobRead> {
  const stored = await stores.blobs.getItem<StoredBlob>(hash)
  if (stored === null) return { kind: 'missing' }
  const actual = await sha256Hex(stored.bytes)
  return actual === hash ? { kind: 'ok', blob: stored } : { kind: 'corrupt', actual }
}

/** Whether bytes are stored under this hash (does not re-hash; getBlob does). */
export async function hasBlob(stores: Stores, hash: string): Promise<boolean> {
  return (await stores.blobs.getItem<StoredBlob>(hash)) !== null
}

/** Removes a blob, e.g. a photo the user took out of a draft. */
export async function deleteBlob(stores: Stores, hash: string): Promise<void> {
  await stores.blobs.removeItem(hash)
}

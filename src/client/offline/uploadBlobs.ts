import { getBlob } from './blobStore.js'
import type { OutboxError } from './outbox.js'
import type { Stores } from './storage.js'
import type { Transport } from './transport.js'

/** Whether a record's blobs are all on the server, and if not, what that means for the record. */
export type UploadOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'rejected'; readonly error: OutboxError }

/** Hashes the server is known to hold, shared across the records of one pass. */
export type KnownOnServer = Set<string>

/**
 * HEAD each attachment, PUT the missing ones from the local store. The bytes are re-hashed on
 * read: a damaged copy is never uploaded, the record is rejected so the user can retake it.
 */
export async function uploadBlobs(
  stores: Stores,
  transport: Transport,
  hashes: readonly string[],
  known: KnownOnServer,
  onUploaded: () => void,
  /** Each hash confirmed on the server (found by HEAD or just uploaded): drives the progress shown. */
  onChecked: () => void = () => undefined,
): Promise<UploadOutcome> {
  for (const hash of hashes) {
    if (known.has(hash)) continue
    const head = await transport.headBlob(hash)
    if (head.kind === 'ok' && head.value) {
      known.add(hash)
      onChecked()
      continue
    }
    if (head.kind !== 'ok' && head.kind !== 'not_modified') {
      if (head.kind === 'failed') return { kind: 'rejected', error: head.error }
      return head
    }
    const read = await getBlob(stores, hash)
    if (read.kind === 'missing') {
      return { kind: 'rejected', error: { code: 'blob_missing', message: `attachment ${hash} is not on this phone` } }
    }
    if (read.kind === 'corrupt') {
      return { kind: 'rejected', error: { code: 'blob_corrupt', message: `attachment ${hash} is damaged on this phone` } }
    }
    const put = await transport.putBlob(hash, read.blob.bytes, read.blob.type)
    if (put.kind === 'failed') return { kind: 'rejected', error: put.error }
    if (put.kind === 'unauthorized' || put.kind === 'retry') return put
    known.add(hash)
    onUploaded()
    onChecked()
  }
  return { kind: 'ok' }
}

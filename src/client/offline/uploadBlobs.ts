import { BLOB_CHECK_MAX } from '../../core/protocol.js'
import { getBlob } from './blobStore.js'
import type { OutboxError } from './outbox.js'
import type { Stores } from './storage.js'
import type { Transport } from './transport.js'

/** Whether a blob (or all of a record's blobs) is on the server, and if not, what that means for the record. */
export type UploadOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'rejected'; readonly error: OutboxError }

/** Hashes the server is known to hold, shared across the records of one pass. */
export type KnownOnServer = Set<string>

/** Blobs to upload for one record; `check` asks the server first (a batch check) instead of sending the bytes at once. */
export type BlobNeed = { readonly hashes: readonly string[]; readonly check: (hash: string) => boolean }

/** Per record: its outcome, or 'skipped' when the uploads stopped (401, network) before all its blobs were tried. */
export type RecordUpload = UploadOutcome | { readonly kind: 'skipped' }

export type UploadHooks = {
  /** A PUT is about to go out: from now on the server may hold the blob even if no reply comes. */
  readonly onPutStarted: (hash: string) => void
  readonly onUploaded: () => void
  /** Each hash confirmed on the server (found by the check or just uploaded): drives the progress shown. */
  readonly onChecked: () => void
}

/**
 * Two uploads at a time: on a slow line one photo's reply round trip then passes while the other's
 * bytes fill the link, so the line stays busy (one at a time left ~10 % of a 150 ms, 1.6 Mbit/s
 * line idle).
 */
export const UPLOADS_AT_ONCE = 2

/**
 * The second upload starts this long after the first. Two uploads started together share the
 * line evenly and so finish together, both then waiting for their replies with the line idle; a
 * head start of about a round trip or more keeps one sending while the other waits, and the gap
 * keeps itself from photo to photo. On a fast line the first photo is up before this passes.
 */
export const SECOND_UPLOAD_AFTER_MS = 400

type Limiter = { run<T>(task: () => Promise<T>): Promise<T>; widen(limit: number): void }

/** Runs tasks at most `limit` at a time, in the order they were queued; widen() lets more run. */
function createLimiter(initial: number): Limiter {
  let limit = initial
  let active = 0
  const waiting: (() => void)[] = []
  const next = (): void => {
    while (active < limit && waiting.length > 0) {
      active += 1
      waiting.shift()?.()
    }
  }
  return {
    async run(task) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve)
        next()
      })
      try {
        return await task()
      } finally {
        active -= 1
        next()
      }
    },
    widen(more) {
      limit = more
      next()
    },
  }
}

/**
 * The server's answer to "which of these do you hold?", one request per BLOB_CHECK_MAX hashes
 * (a pass rarely asks about more): the set held, or why the records asking cannot go on. One POST
 * instead of a HEAD per photo, whose 404 for an absent one every browser logs as a fault.
 */
async function checkHeld(transport: Transport, hashes: readonly string[]): Promise<ReadonlySet<string> | UploadOutcome> {
  const held = new Set<string>()
  for (let start = 0; start < hashes.length; start += BLOB_CHECK_MAX) {
    const answer = await transport.checkBlobs(hashes.slice(start, start + BLOB_CHECK_MAX))
    if (answer.kind === 'ok') answer.value.forEach((hash) => held.add(hash))
    else if (answer.kind === 'failed') return { kind: 'rejected', error: answer.error }
    else if (answer.kind !== 'not_modified') return answer
  }
  return held
}

/**
 * Puts one blob. The bytes are re-hashed on read: a damaged copy is never uploaded, the record is
 * rejected so the user can retake it.
 */
async function put(stores: Stores, transport: Transport, hash: string, hooks: UploadHooks): Promise<UploadOutcome> {
  const read = await getBlob(stores, hash)
  if (read.kind === 'missing') {
    return { kind: 'rejected', error: { code: 'blob_missing', message: `attachment ${hash} is not on this phone` } }
  }
  if (read.kind === 'corrupt') {
    return { kind: 'rejected', error: { code: 'blob_corrupt', message: `attachment ${hash} is damaged on this phone` } }
  }
  hooks.onPutStarted(hash)
  const result = await transport.putBlob(hash, read.blob.bytes, read.blob.type)
  if (result.kind === 'failed') return { kind: 'rejected', error: result.error }
  if (result.kind === 'unauthorized' || result.kind === 'retry') return result
  hooks.onUploaded()
  return { kind: 'ok' }
}

/**
 * The blobs of several records, in record order; a blob two records share goes up once. A blob
 * never sent before goes straight out as a PUT (idempotent on the server: the same bytes again
 * answer "exists"), saving a round trip per photo; where `check` says an earlier PUT may have
 * arrived, one batch check asks first (for all such blobs together) so the bytes are not sent
 * twice. A 401 or a network failure stops
 * new requests (those under way finish): records whose blobs all made it are still 'ok', the
 * others 'skipped', except a record that met the failure, which carries it. A record is never
 * 'ok' before every one of its blobs is confirmed on the server.
 */
export async function uploadBlobs(
  stores: Stores,
  transport: Transport,
  needs: readonly BlobNeed[],
  known: KnownOnServer,
  hooks: UploadHooks,
): Promise<RecordUpload[]> {
  const uploads = createLimiter(1)
  // A blob two records share is asked about (or not) as its first record says, as it is sent once.
  const asks = new Map<string, boolean>()
  for (const need of needs) for (const hash of need.hashes) if (!asks.has(hash)) asks.set(hash, need.check(hash))
  const asked = [...asks].filter(([hash, ask]) => ask && !known.has(hash)).map(([hash]) => hash)
  // Goes out at once, ahead of the uploads; each upload that needs the answer waits for it in its turn.
  const held = asked.length === 0 ? null : checkHeld(transport, asked)
  let secondLane: ReturnType<typeof setTimeout> | undefined
  const started = new Map<string, Promise<RecordUpload>>()
  let stopped = false

  const upload = async (hash: string, ask: boolean): Promise<RecordUpload> => {
    if (known.has(hash)) return { kind: 'ok' }
    const pending = ask && held !== null ? held.then((reply) => (reply instanceof Set ? reply.has(hash) : (reply as UploadOutcome))) : false
    const outcome = await uploads.run(async (): Promise<RecordUpload> => {
      // Awaited even when nothing was asked: the turn lets a failure that just ended the upload
      // before this one mark the pass stopped before this one starts.
      const answer = await pending
      if (answer === true) return { kind: 'ok' }
      if (answer !== false) return answer
      if (stopped) return { kind: 'skipped' }
      secondLane ??= setTimeout(() => uploads.widen(UPLOADS_AT_ONCE), SECOND_UPLOAD_AFTER_MS)
      return put(stores, transport, hash, hooks)
    })
    if (outcome.kind === 'ok') {
      known.add(hash)
      hooks.onChecked()
    } else if (outcome.kind === 'unauthorized' || outcome.kind === 'retry') stopped = true
    return outcome
  }

  const ensure = (hash: string, ask: boolean): Promise<RecordUpload> => {
    const existing = started.get(hash) ?? upload(hash, ask)
    started.set(hash, existing)
    return existing
  }

  try {
    return await Promise.all(
      needs.map(async (need) => {
        const outcomes = await Promise.all(need.hashes.map((hash) => ensure(hash, asks.get(hash) === true)))
        // A damaged photo rejects the record whatever else happened; then a stop; then a skip.
        return (
          outcomes.find((outcome) => outcome.kind === 'rejected') ??
          outcomes.find((outcome) => outcome.kind === 'unauthorized' || outcome.kind === 'retry') ??
          outcomes.find((outcome) => outcome.kind === 'skipped') ?? { kind: 'ok' }
        )
      }),
    )
  } finally {
    clearTimeout(secondLane)
  }
}

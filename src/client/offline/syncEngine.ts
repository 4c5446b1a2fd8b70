import { digestOf } from '../../core/digest.js'
import { MAX_BATCH, type Receipt, type SubmitResult } from '../../core/protocol.js'
import { retryDelay } from '../../core/backoff.js'
import { listRecords, toEnvelope, updateRecords, type OutboxError, type OutboxRecord } from './outbox.js'
import { pullReference, type PulledData } from './pullReference.js'
import { markQueued, markRejected, markRetry, markSending, markSent } from './recordTransitions.js'
import type { Stores } from './storage.js'
import type { Transport } from './transport.js'
import { uploadBlobs, type KnownOnServer } from './uploadBlobs.js'

/**
 * Passes that send every queued record at once, backoff or not: the person asked (a submit, the
 * "sync now" button, a new sign-in), the app was just opened, or the signal came back. The timer,
 * the page becoming visible and Background Sync wait for each record's backoff.
 */
export const EAGER_REASONS: ReadonlySet<string> = new Set(['button', 'submit', 'signin', 'start', 'online'])

/** Runs `task` only if the named lock is free; resolves true if it ran, false if held elsewhere. */
export type LockFn = (name: string, task: () => Promise<void>) => Promise<boolean>

/** Where the engine is; every variant is a fact the UI can show. */
export type SyncState =
  | { readonly kind: 'idle' }
  /** `photos` (present when the due records carry any) counts distinct photos confirmed on the server. */
  | { readonly kind: 'syncing'; readonly done: number; readonly total: number; readonly photos?: Progress }
  /** The server said 401: nothing is sent until resume() after a new sign-in. */
  | { readonly kind: 'paused_auth' }
  /** Records wait for their backoff; the earliest is due at nextAttemptAt (epoch ms). */
  | { readonly kind: 'waiting'; readonly nextAttemptAt: number }

export type Progress = { readonly done: number; readonly total: number }

/** What one syncNow did. `skipped` says why nothing was tried. */
export type SyncSummary = {
  readonly sent: number
  readonly duplicate: number
  readonly rejected: number
  readonly conflict: number
  readonly retried: number
  readonly uploadedBlobs: number
  readonly skipped?: 'locked' | 'paused_auth'
}

/** Posted to other tabs after every change: the ids written and the engine's state. */
export type OutboxMessage = { readonly type: 'outbox'; readonly ids: readonly string[]; readonly state: SyncState }

export type SyncEngineOptions = {
  readonly stores: Stores
  readonly transport: Transport
  /** Epoch milliseconds. */
  readonly now: () => number
  /** In [0, 1), for backoff jitter. */
  readonly random: () => number
  readonly lock: LockFn
  readonly channel: { postMessage(message: OutboxMessage): void }
  /** When given, each pass first pulls forms/schools/hazards into meta and reports what changed. */
  readonly onPulled?: (pulled: PulledData) => void | Promise<void>
  /** When given, only this user's records are sent (a shared phone keeps others' for them). */
  readonly userId?: () => string | null
}

export type SyncEngine = {
  /** Runs one pass (or joins the one under way, then runs once more); never sends a record twice. */
  syncNow(reason: string): Promise<SyncSummary>
  state(): SyncState
  /** Called after every state change and every record change the engine writes. */
  subscribe(listener: (state: SyncState) => void): () => void
  /** Lifts the 401 pause after a new sign-in; call syncNow next. */
  resume(): void
  /** When the earliest waiting record is due (epoch ms), or null if none waits. */
  nextWakeAt(): number | null
}

type Counts = { -readonly [K in keyof Omit<SyncSummary, 'skipped'>]: number }
const zero = (): Counts => ({ sent: 0, duplicate: 0, rejected: 0, conflict: 0, retried: 0, uploadedBlobs: 0 })

/** Why a pass ends early: a 401 pauses, a retry means the network is unwell right now. */
type Stop = 'unauthorized' | 'retry' | null

/** The outbox drain: lock → pull → blobs → batches of ≤ 50 → per-item results → pull again if any arrived, all I/O injected. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { stores, transport, now, random, lock, channel } = options
  const listeners = new Set<(state: SyncState) => void>()
  let current: SyncState = { kind: 'idle' }
  let paused = false
  let wakeAt: number | null = null
  let running: Promise<SyncSummary> | null = null
  let followUp: Promise<SyncSummary> | null = null
  let followUpEager = false
  /** Blobs whose PUT went out from this page: one may have arrived even if its reply did not. */
  const putStarted = new Set<string>()

  function announce(ids: readonly string[]): void {
    channel.postMessage({ type: 'outbox', ids, state: current })
    for (const listener of listeners) listener(current)
  }

  function setState(next: SyncState): void {
    current = next
    announce([])
  }

  /** Writes first, then tells: a listener never sees a change that is not yet on disk. */
  async function write(records: readonly OutboxRecord[], change: (record: OutboxRecord) => OutboxRecord | null): Promise<void> {
    if (records.length === 0) return
    // One IndexedDB transaction for the whole batch (storage.ts says why).
    const written = await updateRecords(stores, records.map((record) => record.id), change)
    const ids = written.filter((record): record is OutboxRecord => record !== null).map((record) => record.id)
    if (ids.length > 0) announce(ids)
  }

  const inState = (state: OutboxRecord['state'], step: (record: OutboxRecord) => OutboxRecord | null) => (record: OutboxRecord) =>
    record.state === state ? step(record) : null

  async function retryLater(records: readonly OutboxRecord[], reason: string, retryAfterMs: number | undefined, counts: Counts): Promise<void> {
    const at = now()
    await write(records, inState('sending', (record) => markRetry(record, Math.max(retryDelay(record.attempts, random), retryAfterMs ?? 0), reason, at)))
    counts.retried += records.length
  }

  /** What one item of the server's reply does to its record, and which count it adds to. */
  async function outcomeOf(record: OutboxRecord, result: SubmitResult | undefined): Promise<{ count: keyof Counts; step: (stored: OutboxRecord, at: number) => OutboxRecord }> {
    if (result === undefined) {
      // The reply left this id out: treat it like a lost reply, the resend will tell.
      return { count: 'retried', step: (stored, at) => markRetry(stored, retryDelay(stored.attempts, random), 'no result for this id', at) }
    }
    if ('error' in result) {
      const issues = result.error.details?.issues
      const error: OutboxError =
        result.status === 'conflict'
          ? { code: 'conflict', message: result.error.message }
          : { code: result.error.code, message: result.error.message, ...(issues === undefined ? {} : { issues }) }
      return { count: result.status, step: (stored, at) => markRejected(stored, error, at) }
    }
    const receipt: Receipt = { id: result.id, status: result.status, receivedAt: result.receivedAt, digest: result.digest }
    const ours = await digestOf(toEnvelope(record))
    // Kept as sent even on a mismatch: the server holds a row under this id and a resend can
    // only come back duplicate or conflict. The flag makes the odd receipt visible instead.
    const mismatch: OutboxError | null =
      ours === result.digest ? null : { code: 'digest_mismatch', message: `server digest ${result.digest}, ours ${ours}` }
    return { count: result.status === 'accepted' ? 'sent' : 'duplicate', step: (stored, at) => markSent(stored, receipt, mismatch, at) }
  }

  async function sendBatch(batch: readonly OutboxRecord[], counts: Counts): Promise<Stop> {
    await write(batch, inState('queued', (record) => markSending(record, now())))
    const reply = await transport.submit(batch.map(toEnvelope))
    switch (reply.kind) {
      case 'ok': {
        const byId = new Map(reply.value.results.map((result) => [result.id, result]))
        const outcomes = new Map(await Promise.all(batch.map(async (record) => [record.id, await outcomeOf(record, byId.get(record.id))] as const)))
        const at = now()
        // Receipts, rejections and retries of the whole batch are written together, then counted.
        await write(batch, inState('sending', (stored) => outcomes.get(stored.id)?.step(stored, at) ?? null))
        for (const outcome of outcomes.values()) counts[outcome.count] += 1
        return null
      }
      case 'unauthorized':
        await write(batch, inState('sending', (record) => markQueued(record, now())))
        return 'unauthorized'
      case 'failed': {
        const at = now()
        const { details, ...error } = reply.error
        const issues = details?.issues
        await write(batch, inState('sending', (record) => markRejected(record, { ...error, ...(issues === undefined ? {} : { issues }) }, at)))
        counts.rejected += batch.length
        return null
      }
      default:
        // 'not_modified' cannot answer a POST; treat anything but the above as "try later".
        await retryLater(batch, reply.kind === 'retry' ? reply.reason : reply.kind, reply.kind === 'retry' ? reply.retryAfterMs : undefined, counts)
        return 'retry'
    }
  }

  /** Blobs for the records of a chunk; returns the records ready to send, or why to stop. */
  async function prepare(
    chunk: readonly OutboxRecord[],
    known: KnownOnServer,
    counts: Counts,
    onChecked: () => void,
  ): Promise<{ ready: OutboxRecord[]; stop: Stop }> {
    // HEAD first only where a PUT may already have arrived: a record tried before (its upload or
    // its batch met a failure), or a blob whose PUT this engine started in an earlier pass.
    const needs = chunk.map((record) => ({ hashes: record.attachments, check: (hash: string) => record.attempts > 0 || putStarted.has(hash) }))
    const uploads = await uploadBlobs(stores, transport, needs, known, {
      onPutStarted: (hash) => putStarted.add(hash),
      onUploaded: () => (counts.uploadedBlobs += 1),
      onChecked,
    })
    const ready: OutboxRecord[] = []
    let stop: Stop = null
    for (const [index, record] of chunk.entries()) {
      const outcome = uploads[index]
      if (outcome === undefined || outcome.kind === 'skipped') continue
      if (outcome.kind === 'ok') ready.push(record)
      else if (outcome.kind === 'rejected') {
        await write([record], inState('queued', (stored) => markRejected(stored, outcome.error, now())))
        counts.rejected += 1
      } else if (outcome.kind === 'unauthorized') stop = 'unauthorized'
      else {
        await write([record], inState('queued', (stored) => markSending(stored, now())))
        await retryLater([record], outcome.reason, outcome.retryAfterMs, counts)
        stop ??= 'retry'
      }
    }
    return { ready, stop }
  }

  function mine(record: OutboxRecord): boolean {
    const userId = options.userId?.()
    return userId === undefined || userId === null || record.userId === userId
  }

  async function settle(): Promise<void> {
    const waiting = (await listRecords(stores)).filter((record) => record.state === 'queued' && mine(record))
    wakeAt = waiting.length === 0 ? null : Math.min(...waiting.map((record) => record.nextAttemptAt))
    setState(paused ? { kind: 'paused_auth' } : wakeAt === null ? { kind: 'idle' } : { kind: 'waiting', nextAttemptAt: wakeAt })
  }

  /** Pulls the reference lists when the app asked for them; false when the session is gone. */
  async function pull(): Promise<boolean> {
    if (options.onPulled === undefined) return true
    const pulled = await pullReference(stores, transport)
    if (pulled.kind === 'unauthorized') return false
    if (Object.keys(pulled.pulled).length > 0) await options.onPulled(pulled.pulled)
    return true
  }

  async function pass(counts: Counts, eager: boolean): Promise<void> {
    if (!(await pull())) {
      paused = true
      return
    }
    const delivered = (): number => counts.sent + counts.duplicate
    const before = delivered()
    const stop = await push(counts, eager)
    if (stop === 'unauthorized') {
      paused = true
      return
    }
    // What a delivered report changed (a hazard found or rectified, a survey's latest figures)
    // shows at once, not after the next pass: the pull before the push could not see it yet.
    if (delivered() > before && !(await pull())) paused = true
  }

  /** Sends the due records, oldest first; returns why it stopped early, if it did. */
  async function push(counts: Counts, eager: boolean): Promise<Stop> {
    const records = (await listRecords(stores)).filter(mine)
    // We hold the lock, so nobody else is sending: a 'sending' record is left from a tab that
    // closed mid-send. Re-queue it as it was; the resend comes back duplicate if it had arrived.
    const stranded = records.filter((record) => record.state === 'sending')
    await write(stranded, inState('sending', (record) => markQueued(record, now())))
    const at = now()
    const due = records
      .map((record) => (record.state === 'sending' ? { ...record, state: 'queued' as const } : record))
      .filter((record) => record.state === 'queued' && (eager || record.nextAttemptAt <= at))
    let done = 0
    const photoTotal = new Set(due.flatMap((record) => record.attachments)).size
    let photoDone = 0
    const progress = (): void =>
      setState({ kind: 'syncing', done, total: due.length, ...(photoTotal === 0 ? {} : { photos: { done: photoDone, total: photoTotal } }) })
    progress()
    const known: KnownOnServer = new Set()
    for (let start = 0; start < due.length; start += MAX_BATCH) {
      const chunk = due.slice(start, start + MAX_BATCH)
      const prepared = await prepare(chunk, known, counts, () => {
        photoDone += 1
        progress()
      })
      // A blob upload that hit a network failure ends the pass, but the records whose blobs made
      // it are sent first: on a lossy line a whole chunk of uploads rarely gets through in one
      // go, and waiting for one would stall a large outbox for good. A 401 sends nothing.
      const sent = prepared.ready.length > 0 && prepared.stop !== 'unauthorized' ? await sendBatch(prepared.ready, counts) : null
      const stop = sent === 'unauthorized' ? sent : (prepared.stop ?? sent)
      if (stop !== null) return stop
      done += chunk.length
      progress()
    }
    return null
  }

  async function run(eager: boolean): Promise<SyncSummary> {
    if (paused) return { ...zero(), skipped: 'paused_auth' }
    const counts = zero()
    const ran = await lock('outbox', async () => {
      try {
        await pass(counts, eager)
      } finally {
        await settle()
      }
    })
    return ran ? { ...counts } : { ...counts, skipped: 'locked' }
  }

  function syncNow(reason: string): Promise<SyncSummary> {
    const eager = EAGER_REASONS.has(reason)
    if (running === null) {
      running = run(eager).finally(() => {
        running = null
      })
      return running
    }
    // A pass is under way: it may have listed records before this call's new one was queued,
    // so one more pass follows it; further calls meanwhile share that follow-up.
    followUpEager ||= eager
    if (followUp === null) {
      followUp = running.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        const reason = followUpEager ? 'button' : 'follow-up'
        followUp = null
        followUpEager = false
        return syncNow(reason)
      })
    }
    return followUp
  }

  return {
    syncNow,
    state: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    resume() {
      paused = false
      if (current.kind === 'paused_auth') setState({ kind: 'idle' })
    },
    nextWakeAt: () => (paused ? null : wakeAt),
  }
}

import type { Answers, GeoPoint } from '../../core/forms/types.js'
import type { ErrorCode, Receipt, SubmissionEnvelope } from '../../core/protocol.js'
import type { ValidationIssue } from '../../core/validate.js'
import { deleteBlob, hasBlob } from './blobStore.js'
import { withRecordLock, withRecordLocks } from './recordLock.js'
import type { Stores } from './storage.js'

export type OutboxState = 'draft' | 'queued' | 'sending' | 'sent' | 'rejected'

/** Server error codes plus the phone's own: a receipt that does not match, a blob gone bad. */
/** `offline` and `timeout` only ever describe a waiting record: nothing was refused. */
export type OutboxErrorCode = ErrorCode | 'digest_mismatch' | 'blob_missing' | 'blob_corrupt' | 'offline' | 'timeout' | 'network'

/** Why a record is rejected (or, for digest_mismatch, what is odd about a sent one). */
export type OutboxError = {
  readonly code: OutboxErrorCode
  readonly message: string
  /** The server's validation issues; each carries its message as {zh, en}. */
  readonly issues?: readonly ValidationIssue[]
}

/** One submission on the phone, from first keystroke to receipt. */
export type OutboxRecord = {
  readonly id: string
  readonly formId: string
  readonly formVersion: number
  readonly schoolId: string
  readonly period?: string
  readonly subjectId?: string
  readonly answers: Answers
  /** Every SHA-256 the answers refer to; all must be in the blob store before queueing. */
  readonly attachments: readonly string[]
  readonly location?: GeoPoint
  /** ISO timestamps. */
  readonly startedAt: string
  readonly completedAt?: string
  readonly deviceId: string
  readonly state: OutboxState
  /** Failed delivery tries since it was last queued. */
  readonly attempts: number
  /** Epoch milliseconds; a queued record is not sent before this. */
  readonly nextAttemptAt: number
  readonly lastError?: OutboxError
  readonly receipt?: Receipt
  /**
   * ISO time the person took a refused report out of the outbox (a refusal no edit can fix). It
   * stays `rejected` and on the phone as history; it no longer counts as waiting. Optional, so
   * records written before it existed read the same.
   */
  readonly dismissedAt?: string
  readonly updatedAt: string
  readonly userId: string
}

/** What the UI knows when the user opens a new form. */
export type DraftInit = {
  readonly formId: string
  readonly formVersion: number
  readonly schoolId: string
  readonly deviceId: string
  readonly userId: string
  readonly period?: string
  readonly subjectId?: string
  readonly answers?: Answers
  readonly attachments?: readonly string[]
  readonly location?: GeoPoint
  /** When the user started; defaults to now. */
  readonly now?: Instant
}

/** Fields an autosave may change besides the answers; `location: null` clears it. */
export type DraftExtras = {
  readonly attachments?: readonly string[]
  readonly location?: GeoPoint | null
  readonly period?: string
  readonly subjectId?: string
  /** Defaults to now. */
  readonly now?: Instant
}

export type SaveResult =
  | { readonly kind: 'saved'; readonly record: OutboxRecord }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'not_editable'; readonly state: OutboxState }

export type EnqueueResult =
  | { readonly kind: 'queued'; readonly record: OutboxRecord }
  | { readonly kind: 'missing_blobs'; readonly hashes: readonly string[] }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'not_editable'; readonly state: OutboxState }

/** A moment as Date or epoch milliseconds; callers pass whichever they hold. */
export type Instant = Date | number

export const toMs = (instant: Instant): number => (typeof instant === 'number' ? instant : instant.getTime())
export const iso = (instant: Instant): string => new Date(toMs(instant)).toISOString()

function isEditable(record: OutboxRecord): boolean {
  return record.state === 'draft' || (record.state === 'rejected' && record.dismissedAt === undefined)
}

/** Still owed to the server, or refused and not yet dealt with: what the outbox badge counts. */
export function isWaiting(record: OutboxRecord): boolean {
  if (record.state === 'rejected') return record.dismissedAt === undefined
  return record.state === 'queued' || record.state === 'sending'
}

/** Reads one record, or null. */
export async function getRecord(stores: Stores, id: string): Promise<OutboxRecord | null> {
  return stores.records.getItem<OutboxRecord>(id)
}

/**
 * Read-modify-write of one record, serialised per record within the tab. `change` returns the
 * new record, or null to leave it as it is. Resolves to what is stored afterwards.
 */
export function updateRecord(
  stores: Stores,
  id: string,
  change: (record: OutboxRecord) => OutboxRecord | null,
): Promise<OutboxRecord | null> {
  return withRecordLock(stores.records, id, async () => {
    const current = await getRecord(stores, id)
    if (current === null) return null
    const next = change(current)
    if (next === null) return current
    await stores.records.setItem(id, next)
    return next
  })
}

/** updateRecord for several records in one IndexedDB transaction (the sync engine's batches). */
export function updateRecords(
  stores: Stores,
  ids: readonly string[],
  change: (record: OutboxRecord) => OutboxRecord | null,
): Promise<(OutboxRecord | null)[]> {
  return withRecordLocks(stores.records, ids, () => stores.records.update<OutboxRecord>(ids, change))
}

/**
 * Autosave. Only drafts and rejected records are editable; editing a rejected record makes it
 * a draft again (its lastError stays until it is queued, so the UI can still show the reasons).
 */
export async function saveDraft(
  stores: Stores,
  id: string,
  answers: Answers,
  extras: DraftExtras = {},
): Promise<SaveResult> {
  // Assigned inside the callback; the cast stops TS narrowing it to null for good.
  let refused = null as SaveResult | null
  const saved = await updateRecord(stores, id, (record) => {
    if (!isEditable(record)) {
      refused = { kind: 'not_editable', state: record.state }
      return null
    }
    const { location: _location, ...rest } = record
    const location = extras.location === undefined ? record.location : extras.location
    return {
      ...rest,
      ...(location === null || location === undefined ? {} : { location }),
      answers,
      attachments: extras.attachments ?? record.attachments,
      ...(extras.period === undefined ? {} : { period: extras.period }),
      ...(extras.subjectId === undefined ? {} : { subjectId: extras.subjectId }),
      state: 'draft',
      updatedAt: iso(extras.now ?? Date.now()),
    }
  })
  if (refused !== null) return refused
  return saved === null ? { kind: 'not_found' } : { kind: 'saved', record: saved }
}

/**
 * Submit: puts a draft (or an edited rejected record) in the queue. Validation is the UI's job
 * (with core) before this; what this refuses is a record whose photos are not all stored, since
 * the server would reject it and the bytes could no longer be recovered.
 */
export async function enqueueSubmission(
  stores: Stores,
  id: string,
  at: Instant = Date.now(),
): Promise<EnqueueResult> {
  const now = toMs(at)
  const record = await getRecord(stores, id)
  if (record === null) return { kind: 'not_found' }
  const present = await Promise.all(record.attachments.map((hash) => hasBlob(stores, hash)))
  const missing = record.attachments.filter((_, index) => !present[index])
  if (missing.length > 0) return { kind: 'missing_blobs', hashes: missing }

  let refused = null as EnqueueResult | null
  const queued = await updateRecord(stores, id, (current) => {
    if (!isEditable(current)) {
      refused = { kind: 'not_editable', state: current.state }
      return null
    }
    const { lastError: _lastError, receipt: _receipt, ...rest } = current
    return {
      ...rest,
      completedAt: iso(now),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      updatedAt: iso(now),
    }
  })
  if (refused !== null) return refused
  return queued === null ? { kind: 'not_found' } : { kind: 'queued', record: queued }
}

/** Every record on the phone, oldest first (by startedAt, then id). */
export async function listRecords(stores: Stores): Promise<OutboxRecord[]> {
  // One getAll, not a cursor step per record: the list is read often while a long outbox drains.
  const records = await stores.records.values<OutboxRecord>()
  return records.sort((a, b) =>
    a.startedAt === b.startedAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.startedAt < b.startedAt ? -1 : 1,
  )
}

/** How many records are not yet delivered and not drafts: queued, sending, rejected (unless taken out). */
export async function countWaiting(stores: Stores): Promise<number> {
  let count = 0
  await stores.records.iterate<OutboxRecord, void>((record) => {
    if (isWaiting(record)) count += 1
  })
  return count
}

/**
 * Takes a rejected record out of the waiting reports (the person's choice, offered for a refusal
 * no edit can fix). Kept, not deleted: the report and the server's reason stay in the history.
 */
export async function dismissRejected(stores: Stores, id: string, at: Instant = Date.now()): Promise<boolean> {
  const stored = await updateRecord(stores, id, (record) =>
    record.state === 'rejected' && record.dismissedAt === undefined ? { ...record, dismissedAt: iso(at), updatedAt: iso(at) } : null,
  )
  return stored?.dismissedAt !== undefined && stored.state === 'rejected'
}

/**
 * Deletes a draft or a rejected record (the user's explicit choice) and the blobs no other
 * record refers to. Queued, sending and sent records are never deleted here.
 */
export async function deleteDraft(stores: Stores, id: string): Promise<boolean> {
  const removed = await withRecordLock(stores.records, id, async () => {
    const record = await getRecord(stores, id)
    if (record === null || !isEditable(record)) return null
    await stores.records.removeItem(id)
    return record
  })
  if (removed === null) return false
  const stillUsed = new Set((await listRecords(stores)).flatMap((record) => record.attachments))
  await Promise.all(removed.attachments.filter((hash) => !stillUsed.has(hash)).map((hash) => deleteBlob(stores, hash)))
  return true
}

/**
 * The travelling part of a queued record. Optional keys are left out rather than set to
 * undefined, so the canonical JSON (and so the digest) is the same as the server's.
 */
export function toEnvelope(record: OutboxRecord): SubmissionEnvelope {
  if (record.completedAt === undefined) throw new Error(`record ${record.id} is not completed`)
  return {
    id: record.id,
    formId: record.formId,
    formVersion: record.formVersion,
    schoolId: record.schoolId,
    ...(record.period === undefined ? {} : { period: record.period }),
    ...(record.subjectId === undefined ? {} : { subjectId: record.subjectId }),
    answers: record.answers,
    attachments: record.attachments,
    ...(record.location === undefined ? {} : { location: record.location }),
    startedAt: record.startedAt,
    completedAt: record.completedAt,
    deviceId: record.deviceId,
  }
}

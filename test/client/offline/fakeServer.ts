import { digestOf } from '../../../src/core/digest.js'
import type { CampaignListItem, NoticeListItem } from '../../../src/core/noticeProtocol.js'
import type { ApiError, Hazard, SubmissionEnvelope, SubmitResult } from '../../../src/core/protocol.js'
import type { ValidationIssue } from '../../../src/core/validate.js'
import type { Transport, TransportResult } from '../../../src/client/offline/transport.js'

/** What can go wrong on the way; each is used once by the next call of its operation. */
export type Fault =
  | { readonly kind: 'drop_request' }
  | { readonly kind: 'drop_response' }
  | { readonly kind: 'status'; readonly status: 500 | 503 }
  | { readonly kind: 'too_many'; readonly retryAfterMs: number }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'bad_request'; readonly error: ApiError }

export type Operation = 'submit' | 'check' | 'put' | 'pull'

export type Call =
  | { readonly op: 'submit'; readonly ids: readonly string[] }
  | { readonly op: 'check'; readonly hashes: readonly string[] }
  | { readonly op: 'put'; readonly hash: string }
  | { readonly op: 'pull'; readonly what: string; readonly etag?: string; readonly cursor?: string }

type Stored = { readonly digest: string; readonly receivedAt: string; readonly envelope: SubmissionEnvelope }

/**
 * An in-memory /api/v1 that keeps the protocol's promises (exactly-once by id, duplicate vs
 * conflict by digest, attachments must be uploaded first) plus a script of faults.
 */
export type FakeServer = Transport & {
  readonly submissions: Map<string, Stored>
  readonly blobs: Map<string, { bytes: ArrayBuffer; type: string }>
  readonly calls: Call[]
  /** The hazards, notices and campaigns their GETs page through, `pageSize` at a time. */
  readonly hazards: Hazard[]
  pageSize: number
  readonly notices: NoticeListItem[]
  readonly campaigns: CampaignListItem[]
  /** Queue faults for the next calls of an operation. */
  fail(op: Operation, ...faults: Fault[]): void
  /** Refuse envelopes this returns issues for (validation on the server). */
  rejectWhen(rule: (envelope: SubmissionEnvelope) => readonly ValidationIssue[] | null): void
  /** Make the next submits wait until the returned function is called. */
  hold(): () => void
  /** Answer receipts with a digest other than the stored body's. */
  tamperDigests(): void
  submitCalls(): readonly (readonly string[])[]
}

export function createFakeServer(clock: () => number = Date.now): FakeServer {
  const submissions = new Map<string, Stored>()
  const blobs = new Map<string, { bytes: ArrayBuffer; type: string }>()
  const calls: Call[] = []
  const faults: Record<Operation, Fault[]> = { submit: [], check: [], put: [], pull: [] }
  let rule: (envelope: SubmissionEnvelope) => readonly ValidationIssue[] | null = () => null
  let gate: Promise<void> | null = null
  let tamper = false

  /** A fault that ends the call before the server acts, or null to go on. */
  function before<T>(op: Operation): { fault: Fault | undefined; early: TransportResult<T> | null } {
    const fault = faults[op].shift()
    if (fault === undefined || fault.kind === 'drop_response') return { fault, early: null }
    switch (fault.kind) {
      case 'drop_request':
        return { fault, early: { kind: 'retry', reason: 'network error' } }
      case 'status':
        return { fault, early: { kind: 'retry', reason: `HTTP ${fault.status}` } }
      case 'too_many':
        return { fault, early: { kind: 'retry', reason: 'HTTP 429', retryAfterMs: fault.retryAfterMs } }
      case 'unauthorized':
        return { fault, early: { kind: 'unauthorized' } }
      case 'bad_request':
        return { fault, early: { kind: 'failed', error: fault.error } }
    }
  }

  async function accept(envelope: SubmissionEnvelope): Promise<SubmitResult> {
    // What arrives is JSON: the server digests the parsed body, as the real one does.
    const received = JSON.parse(JSON.stringify(envelope)) as SubmissionEnvelope
    const issues = rule(received)
    if (issues !== null && issues.length > 0) {
      return { id: received.id, status: 'rejected', error: { code: 'validation_failed', message: 'invalid', details: { issues } } }
    }
    const missing = received.attachments.filter((hash) => !blobs.has(hash))
    if (missing.length > 0) {
      return { id: received.id, status: 'rejected', error: { code: 'validation_failed', message: `missing ${missing.join(',')}` } }
    }
    const digest = await digestOf(received)
    const prior = submissions.get(received.id)
    if (prior !== undefined) {
      if (prior.digest !== digest) return { id: received.id, status: 'conflict', error: { code: 'conflict', message: 'different body' } }
      return { id: received.id, status: 'duplicate', receivedAt: prior.receivedAt, digest: tamper ? '0'.repeat(64) : prior.digest }
    }
    const receivedAt = new Date(clock()).toISOString()
    submissions.set(received.id, { digest, receivedAt, envelope: received })
    return { id: received.id, status: 'accepted', receivedAt, digest: tamper ? '0'.repeat(64) : digest }
  }

  const pull = async <T>(what: string, etag: string | undefined, value: T, current: string): Promise<TransportResult<T>> => {
    calls.push({ op: 'pull', what, ...(etag === undefined ? {} : { etag }) })
    const { early } = before<T>('pull')
    if (early !== null) return early
    if (etag === current) return { kind: 'not_modified' }
    return { kind: 'ok', value, etag: current }
  }

  const hazards: Hazard[] = []
  let pageSize = 500
  const notices: NoticeListItem[] = []
  const campaigns: CampaignListItem[] = []

  /** One page of a list, the cursor being the index of the next item: opaque to the phone, as the real one is. */
  async function paged<T>(what: string, all: readonly T[], cursor: string | undefined): Promise<TransportResult<{ items: T[]; nextCursor: string | null }>> {
    calls.push({ op: 'pull', what, ...(cursor === undefined ? {} : { cursor }) })
    const { early } = before<never>('pull')
    if (early !== null) return early
    const start = cursor === undefined ? 0 : Number(cursor)
    const end = start + pageSize
    return { kind: 'ok', value: { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null } }
  }
  const rename = <T, K extends string>(result: TransportResult<{ items: T[]; nextCursor: string | null }>, key: K) =>
    (result.kind === 'ok' ? { ...result, value: { [key]: result.value.items, nextCursor: result.value.nextCursor } } : result) as TransportResult<Record<K, T[]> & { nextCursor: string | null }>

  return {
    submissions,
    blobs,
    calls,
    hazards,
    notices,
    campaigns,
    get pageSize() {
      return pageSize
    },
    set pageSize(size: number) {
      pageSize = size
    },
    fail: (op, ...more) => faults[op].push(...more),
    rejectWhen: (next) => {
      rule = next
    },
    hold: () => {
      let release = (): void => undefined
      gate = new Promise((resolve) => {
        release = () => {
          gate = null
          resolve()
        }
      })
      return release
    },
    tamperDigests: () => {
      tamper = true
    },
    submitCalls: () => calls.flatMap((call) => (call.op === 'submit' ? [call.ids] : [])),

    async submit(envelopes) {
      calls.push({ op: 'submit', ids: envelopes.map((envelope) => envelope.id) })
      if (gate !== null) await gate
      const { fault, early } = before<{ results: SubmitResult[] }>('submit')
      if (early !== null) return early
      const results: SubmitResult[] = []
      for (const envelope of envelopes) results.push(await accept(envelope))
      // Committed above; the reply is lost on the way back.
      if (fault?.kind === 'drop_response') return { kind: 'retry', reason: 'connection reset' }
      return { kind: 'ok', value: { results } }
    },
    async checkBlobs(hashes) {
      calls.push({ op: 'check', hashes: [...hashes] })
      const { early } = before<readonly string[]>('check')
      return early ?? { kind: 'ok', value: hashes.filter((hash) => blobs.has(hash)) }
    },
    async putBlob(hash, bytes, type) {
      calls.push({ op: 'put', hash })
      const { fault, early } = before<'created' | 'exists'>('put')
      if (early !== null) return early
      const known = blobs.has(hash)
      blobs.set(hash, { bytes: bytes.slice(0), type })
      if (fault?.kind === 'drop_response') return { kind: 'retry', reason: 'connection reset' }
      return { kind: 'ok', value: known ? 'exists' : 'created' }
    },
    fetchForms: (etag) => pull('forms', etag, { forms: [] }, '"forms-1"'),
    fetchSchools: (etag) =>
      pull('schools', etag, { schools: [{ id: 's1', name: '一中', districtId: 'd1', kind: 'middle', township: null }] }, '"schools-1"'),
    fetchHazards: async (cursor) => rename(await paged('hazards', hazards, cursor), 'hazards'),
    fetchLatestReports: (etag) => pull('reports', etag, { reports: [] }, '"reports-1"'),
    fetchTodo: (etag) => pull('todo', etag, { items: [], generatedAt: '2026-12-01T00:00:00.000Z' }, '"todo-1"'),
    fetchNotices: async (cursor) => rename(await paged('notices', notices, cursor), 'notices'),
    fetchCampaigns: async (cursor) => rename(await paged('campaigns', campaigns, cursor), 'campaigns'),
  }
}

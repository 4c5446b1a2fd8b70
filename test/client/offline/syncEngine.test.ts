import { describe, expect, it } from 'vitest'
import { digestOf } from '../../../src/core/digest.js'
import { MAX_BATCH } from '../../../src/core/protocol.js'
import type { ValidationIssue } from '../../../src/core/validate.js'
import { countWaiting, enqueueSubmission, getRecord, listRecords, saveDraft, toEnvelope, updateRecord } from '../../../src/client/offline/outbox.js'
import type { SyncState } from '../../../src/client/offline/syncEngine.js'
import { createLocalLock } from '../../../src/client/offline/webLock.js'
import { createFakeServer } from './fakeServer.js'
import { createClock, engineFor, freshStores, queueRecord, T0 } from './harness.js'

describe('sync engine: delivery', () => {
  it('sends a queued record once; it becomes sent with a receipt whose digest matches ours', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    const { engine } = engineFor(stores, server)

    const summary = await engine.syncNow('test')
    expect(summary).toMatchObject({ sent: 1, duplicate: 0, rejected: 0, retried: 0 })
    const stored = await getRecord(stores, record.id)
    expect(stored?.state).toBe('sent')
    expect(stored?.receipt).toMatchObject({ id: record.id, status: 'accepted' })
    expect(stored?.receipt?.digest).toBe(await digestOf(toEnvelope(record)))
    expect(stored?.lastError).toBeUndefined()

    expect((await engine.syncNow('again')).sent).toBe(0)
    expect(server.submitCalls()).toEqual([[record.id]])
    expect(engine.state()).toEqual({ kind: 'idle' })
    expect(await countWaiting(stores)).toBe(0)
  })

  it('writes every change to IndexedDB before telling listeners and other tabs', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    const log: string[] = []
    // The engine writes a batch's states in one transaction (Store.update): logged once committed.
    const update = stores.records.update.bind(stores.records)
    stores.records.update = async <T>(keys: readonly string[], change: (value: T, key: string) => T | null) => {
      const written = await update(keys, change)
      written.forEach((value, index) => log.push(`write ${keys[index]} ${(value as { state: string } | null)?.state}`))
      return written
    }
    const { engine, messages } = engineFor(stores, server)
    engine.subscribe(() => log.push('listener'))
    const before = messages.length
    await engine.syncNow('test')

    const sentWrite = log.indexOf(`write ${record.id} sent`)
    const sendingWrite = log.indexOf(`write ${record.id} sending`)
    expect(sendingWrite).toBeGreaterThanOrEqual(0)
    expect(sentWrite).toBeGreaterThan(sendingWrite)
    // The announcement of the sent state follows its write.
    expect(log.indexOf('listener', sentWrite)).toBeGreaterThan(sentWrite)
    const posted = messages.slice(before).filter((message) => message.ids.includes(record.id))
    expect(posted.length).toBe(2)
    expect(messages.at(-1)).toMatchObject({ type: 'outbox', state: { kind: 'idle' } })
  })

  it('never puts more than 50 records in one request: 120 queued go in 3 batches', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    for (let index = 0; index < 120; index += 1) await queueRecord(stores, { now: T0 + index })
    const { engine } = engineFor(stores, server)
    const seen: SyncState[] = []
    engine.subscribe((state) => seen.push(state))

    const summary = await engine.syncNow('test')
    expect(summary.sent).toBe(120)
    expect(server.submitCalls().map((ids) => ids.length)).toEqual([MAX_BATCH, MAX_BATCH, 20])
    expect(server.submissions.size).toBe(120)
    expect(seen).toContainEqual({ kind: 'syncing', done: 100, total: 120 })
    // Oldest first.
    const ordered = (await listRecords(stores)).map((record) => record.id)
    expect(server.submitCalls().flat()).toEqual(ordered)
  })

  it('a rejected record carries the server issues, can be edited and resent', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const issue: ValidationIssue = {
      fieldId: 'extinguishers',
      code: 'min',
      severity: 'error',
      message: { zh: '不能小于 1', en: 'Must be at least 1' },
    }
    server.rejectWhen((envelope) => (envelope.answers['extinguishers'] === 0 ? [issue] : null))
    const record = await queueRecord(stores, { answers: { extinguishers: 0 } })
    const { engine, clock } = engineFor(stores, server)

    expect((await engine.syncNow('test')).rejected).toBe(1)
    const rejected = await getRecord(stores, record.id)
    expect(rejected?.state).toBe('rejected')
    expect(rejected?.lastError).toEqual({ code: 'validation_failed', message: 'invalid', issues: [issue] })
    expect(await countWaiting(stores)).toBe(1)
    expect(server.submissions.size).toBe(0)

    await saveDraft(stores, record.id, { extinguishers: 3 })
    clock.advance(60_000)
    await enqueueSubmission(stores, record.id, clock.now())
    expect((await engine.syncNow('test')).sent).toBe(1)
    expect(await getRecord(stores, record.id)).toMatchObject({ state: 'sent', answers: { extinguishers: 3 } })
    expect(server.submissions.get(record.id)?.envelope.answers).toEqual({ extinguishers: 3 })
  })

  it('a conflict (same id, other body at the server) stays on the phone, visible', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    server.submissions.set(record.id, {
      digest: 'b'.repeat(64),
      receivedAt: new Date(T0).toISOString(),
      envelope: { ...toEnvelope(record), answers: { extinguishers: 1 } },
    })
    const { engine } = engineFor(stores, server)
    expect((await engine.syncNow('test')).conflict).toBe(1)
    const stored = await getRecord(stores, record.id)
    expect(stored).toMatchObject({ state: 'rejected', lastError: { code: 'conflict' }, answers: record.answers })
    expect(await countWaiting(stores)).toBe(1)
  })

  it('a whole-batch 4xx rejects the batch with the server error', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const first = await queueRecord(stores)
    const second = await queueRecord(stores, { now: T0 + 1 })
    server.fail('submit', { kind: 'bad_request', error: { code: 'bad_request', message: 'batch too large' } })
    const { engine } = engineFor(stores, server)
    expect((await engine.syncNow('test')).rejected).toBe(2)
    for (const id of [first.id, second.id]) {
      expect(await getRecord(stores, id)).toMatchObject({ state: 'rejected', lastError: { code: 'bad_request', message: 'batch too large' } })
    }
  })

  it('flags a receipt whose digest differs from ours but keeps the record sent', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.tamperDigests()
    const record = await queueRecord(stores)
    const { engine } = engineFor(stores, server)
    await engine.syncNow('test')
    expect(await getRecord(stores, record.id)).toMatchObject({ state: 'sent', lastError: { code: 'digest_mismatch' } })
  })

  it('sends only the signed-in user’s records when given a user', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const mine = await queueRecord(stores)
    const theirs = await queueRecord(stores, { now: T0 + 1 })
    await updateRecord(stores, theirs.id, (record) => ({ ...record, userId: 'u2' }))
    const { engine } = engineFor(stores, server, { extra: { userId: () => 'u1' } })
    await engine.syncNow('test')
    expect(server.submitCalls()).toEqual([[mine.id]])
    expect((await getRecord(stores, theirs.id))?.state).toBe('queued')
  })

  it('pulls forms, schools, hazards, latest reports, the 待办, notices and campaigns into meta (ETags where a list has one), and reports only changes', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const pulls: string[][] = []
    const { engine } = engineFor(stores, server, { extra: { onPulled: (pulled) => void pulls.push(Object.keys(pulled).sort()) } })
    await engine.syncNow('start')
    expect(pulls).toEqual([['campaigns', 'forms', 'hazards', 'notices', 'reports', 'schools', 'todo']])
    expect(await stores.meta.getItem('schools')).toEqual([expect.objectContaining({ id: 's1' })])
    expect(await stores.meta.getItem('forms')).toEqual([])
    expect(await stores.meta.getItem('etag:forms')).toBe('"forms-1"')

    await engine.syncNow('again')
    expect(pulls.length).toBe(1)
    expect(server.calls.filter((call) => call.op === 'pull').slice(7)).toEqual([
      { op: 'pull', what: 'forms', etag: '"forms-1"' },
      { op: 'pull', what: 'schools', etag: '"schools-1"' },
      { op: 'pull', what: 'hazards' },
      { op: 'pull', what: 'reports', etag: '"reports-1"' },
      { op: 'pull', what: 'todo', etag: '"todo-1"' },
      { op: 'pull', what: 'notices' },
      { op: 'pull', what: 'campaigns' },
    ])
  })
})

describe('sync engine: one syncer', () => {
  it('a second syncNow while a pass runs does not send anything twice', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const first = await queueRecord(stores)
    const { engine } = engineFor(stores, server)
    const release = server.hold()
    const running = engine.syncNow('one')
    // Submitted while the first pass waits on the server: the follow-up pass picks it up.
    const later = await queueRecord(stores, { now: T0 + 1 })
    const joined = engine.syncNow('two')
    const third = engine.syncNow('three')
    await new Promise((resolve) => setTimeout(resolve, 20))
    release()
    await Promise.all([running, joined, third])
    expect(server.submitCalls()).toEqual([[first.id], [later.id]])
    expect(server.submissions.size).toBe(2)
  })

  it('another tab holding the lock makes this tab skip the pass', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    const lock = createLocalLock()
    const tabA = engineFor(stores, server, { lock })
    const tabB = engineFor(stores, server, { lock })
    const release = server.hold()
    const running = tabA.engine.syncNow('a')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await tabB.engine.syncNow('b')).toMatchObject({ skipped: 'locked', sent: 0 })
    release()
    await running
    expect(server.submitCalls()).toEqual([[record.id]])
    expect(await tabB.engine.syncNow('b')).toMatchObject({ sent: 0 })
    expect(server.submitCalls().length).toBe(1)
  })

  it('a record left "sending" by a closed tab is resent and ends sent exactly once', async () => {
    const { stores, namespace } = freshStores()
    const server = createFakeServer()
    const arrived = await queueRecord(stores)
    const lost = await queueRecord(stores, { now: T0 + 1 })
    // The old tab marked both sending; the server committed one before the tab closed.
    for (const id of [arrived.id, lost.id]) await updateRecord(stores, id, (record) => ({ ...record, state: 'sending' }))
    await server.submit([toEnvelope(arrived)])

    const reopened = (await import('../../../src/client/offline/storage.js')).openStores(namespace)
    const { engine } = engineFor(reopened, server, { clock: createClock(T0 + 3_600_000) })
    const summary = await engine.syncNow('start')
    expect(summary).toMatchObject({ sent: 1, duplicate: 1 })
    expect((await getRecord(reopened, arrived.id))?.receipt?.status).toBe('duplicate')
    expect((await getRecord(reopened, lost.id))?.state).toBe('sent')
    expect(server.submissions.size).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import { digestOf } from '../../../src/core/digest.js'
import { putBlob } from '../../../src/client/offline/blobStore.js'
import { getDeviceId } from '../../../src/client/offline/deviceId.js'
import { countWaiting, deleteDraft, dismissRejected, enqueueSubmission, getRecord, listRecords, saveDraft, toEnvelope, updateRecord } from '../../../src/client/offline/outbox.js'
import { createDraft } from '../../../src/client/offline/createDraft.js'
import { markRejected } from '../../../src/client/offline/recordTransitions.js'
import { openStores } from '../../../src/client/offline/storage.js'
import { draftInit, freshStores, queueRecord, T0 } from './harness.js'

describe('outbox records', () => {
  it('a draft autosaves and survives a reload', async () => {
    const { stores, namespace } = freshStores()
    const draft = await createDraft(stores, draftInit())
    expect(draft.state).toBe('draft')
    expect(draft.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(draft.startedAt).toBe(new Date(T0).toISOString())
    await saveDraft(stores, draft.id, { extinguishers: 7, note: '走廊' })

    const reopened = openStores(namespace)
    const back = await getRecord(reopened, draft.id)
    expect(back?.answers).toEqual({ extinguishers: 7, note: '走廊' })
    expect(back?.state).toBe('draft')
  })

  it('an autosave that lands after submit is refused and does not revert the queued record', async () => {
    const { stores } = freshStores()
    const draft = await createDraft(stores, draftInit())
    expect((await enqueueSubmission(stores, draft.id, T0)).kind).toBe('queued')
    expect(await saveDraft(stores, draft.id, { extinguishers: 99 })).toEqual({ kind: 'not_editable', state: 'queued' })
    expect(await getRecord(stores, draft.id)).toMatchObject({ state: 'queued', answers: { extinguishers: 4 } })
  })

  it('concurrent writes to one record apply one after another, none is lost', async () => {
    const { stores } = freshStores()
    const draft = await createDraft(stores, draftInit())
    await Promise.all(
      Array.from({ length: 10 }, () => updateRecord(stores, draft.id, (record) => ({ ...record, attempts: record.attempts + 1 }))),
    )
    expect((await getRecord(stores, draft.id))?.attempts).toBe(10)
  })

  it('enqueue refuses a record whose photo is not in the blob store', async () => {
    const { stores } = freshStores()
    const stored = await putBlob(stores, new TextEncoder().encode('photo-1'), 'image/jpeg')
    const absent = 'f'.repeat(64)
    const draft = await createDraft(stores, draftInit({ attachments: [stored, absent] }))
    expect(await enqueueSubmission(stores, draft.id, T0)).toEqual({ kind: 'missing_blobs', hashes: [absent] })
    expect((await getRecord(stores, draft.id))?.state).toBe('draft')

    await saveDraft(stores, draft.id, draft.answers, { attachments: [stored] })
    const queued = await enqueueSubmission(stores, draft.id, T0 + 5_000)
    expect(queued.kind).toBe('queued')
    if (queued.kind !== 'queued') return
    expect(queued.record).toMatchObject({
      state: 'queued',
      attempts: 0,
      nextAttemptAt: T0 + 5_000,
      completedAt: new Date(T0 + 5_000).toISOString(),
    })
  })

  it('lists oldest first and counts queued, sending and rejected as waiting', async () => {
    const { stores } = freshStores()
    const later = await createDraft(stores, draftInit({ now: T0 + 2_000 }))
    const earlier = await queueRecord(stores, { now: T0 })
    const middle = await queueRecord(stores, { now: T0 + 1_000 })
    await updateRecord(stores, middle.id, (record) => ({ ...record, state: 'rejected' }))
    expect((await listRecords(stores)).map((record) => record.id)).toEqual([earlier.id, middle.id, later.id])
    expect(await countWaiting(stores)).toBe(2)
    await updateRecord(stores, earlier.id, (record) => ({ ...record, state: 'sent' }))
    expect(await countWaiting(stores)).toBe(1)
  })

  it('a rejected record can be edited, which makes it a draft again, and re-queued', async () => {
    const { stores } = freshStores()
    const record = await queueRecord(stores)
    await updateRecord(stores, record.id, (stored) => ({
      ...stored,
      state: 'rejected',
      attempts: 3,
      lastError: { code: 'validation_failed', message: 'invalid' },
    }))
    const edited = await saveDraft(stores, record.id, { extinguishers: 5 })
    expect(edited.kind === 'saved' && edited.record.state).toBe('draft')
    const again = await enqueueSubmission(stores, record.id, T0 + 60_000)
    expect(again.kind).toBe('queued')
    const stored = await getRecord(stores, record.id)
    expect(stored).toMatchObject({ state: 'queued', attempts: 0, answers: { extinguishers: 5 } })
    expect(stored?.lastError).toBeUndefined()
  })

  it('the envelope carries only the travelling fields, without undefined keys', async () => {
    const { stores } = freshStores()
    const draft = await createDraft(stores, { formId: 'f', formVersion: 2, schoolId: 's1', deviceId: 'd', userId: 'u', now: T0 })
    await enqueueSubmission(stores, draft.id, T0)
    const record = await getRecord(stores, draft.id)
    if (record === null) throw new Error('missing')
    const envelope = toEnvelope(record)
    expect(Object.keys(envelope).sort()).toEqual(
      ['answers', 'attachments', 'completedAt', 'deviceId', 'formId', 'formVersion', 'id', 'schoolId', 'startedAt'].sort(),
    )
    // The digest of what arrives as JSON equals the digest of what the phone holds.
    expect(await digestOf(JSON.parse(JSON.stringify(envelope)))).toBe(await digestOf(envelope))
  })

  it('deleting a draft removes it and the photos no other record uses; queued records are kept', async () => {
    const { stores } = freshStores()
    const shared = await putBlob(stores, new TextEncoder().encode('shared'), 'image/jpeg')
    const own = await putBlob(stores, new TextEncoder().encode('own'), 'image/jpeg')
    const draft = await createDraft(stores, draftInit({ attachments: [shared, own] }))
    const queued = await queueRecord(stores, { attachments: [shared] })
    expect(await deleteDraft(stores, queued.id)).toBe(false)
    expect(await deleteDraft(stores, draft.id)).toBe(true)
    expect(await getRecord(stores, draft.id)).toBeNull()
    expect(await stores.blobs.getItem(shared)).not.toBeNull()
    expect(await stores.blobs.getItem(own)).toBeNull()
  })

  it('the device id is made once and kept across reloads', async () => {
    const { stores, namespace } = freshStores()
    const [first, second] = await Promise.all([getDeviceId(stores), getDeviceId(stores)])
    expect(first).toBe(second)
    expect(await getDeviceId(openStores(namespace))).toBe(first)
    expect(await getDeviceId(freshStores().stores)).not.toBe(first)
  })

  it('a rejected report taken out of the outbox stays in the history, no longer waits and can no longer be edited or resent', async () => {
    const { stores, namespace } = freshStores()
    const queued = await queueRecord(stores)
    const refusal = { code: 'validation_failed' as const, message: 'This hazard is already rectified or closed' }
    await updateRecord(stores, queued.id, (record) => markRejected(record, refusal, T0 + 1_000))
    expect(await countWaiting(stores)).toBe(1)
    // Only a rejected record may be taken out: a queued one is still on its way.
    const other = await queueRecord(stores)
    expect(await dismissRejected(stores, other.id, T0)).toBe(false)

    expect(await dismissRejected(stores, queued.id, T0 + 2_000)).toBe(true)
    const kept = await getRecord(openStores(namespace), queued.id)
    expect(kept).toMatchObject({ state: 'rejected', lastError: refusal, dismissedAt: new Date(T0 + 2_000).toISOString() })
    expect(await countWaiting(stores)).toBe(1)
    expect(await saveDraft(stores, queued.id, { extinguishers: 5 })).toEqual({ kind: 'not_editable', state: 'rejected' })
    expect(await enqueueSubmission(stores, queued.id, T0 + 3_000)).toEqual({ kind: 'not_editable', state: 'rejected' })
    expect(await deleteDraft(stores, queued.id)).toBe(false)
  })
})

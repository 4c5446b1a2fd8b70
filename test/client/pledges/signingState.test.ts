import { describe, expect, it } from 'vitest'
import { dataUrlBytes } from '../../../src/client/features/pledges/signPledge.js'
import { signingState } from '../../../src/client/features/pledges/signingState.js'
import type { CachedPledge } from '../../../src/client/features/pledges/pledgeCache.js'
import type { OutboxRecord, OutboxState } from '../../../src/client/offline/outbox.js'

const pledge: CachedPledge = {
  id: 'safe-campus-2026-v1',
  pledgeId: 'safe-campus-2026',
  version: 1,
  year: 2026,
  audience: 'principal',
  title: { zh: '平安校园创建目标管理责任书', en: 'Safe campus letter' },
  text: { zh: '正文', en: 'Text' },
  dueDate: '2026-03-31',
  textHash: 'a'.repeat(64),
  publishedAt: '2026-01-05T00:00:00.000Z',
  current: true,
  signature: null,
}

function record(state: OutboxState, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id: `r-${state}`,
    formId: 'pledge-signing',
    formVersion: 1,
    schoolId: 'school-1',
    subjectId: pledge.id,
    answers: {},
    attachments: [],
    startedAt: '2026-02-01T00:00:00.000Z',
    deviceId: 'd',
    state,
    attempts: 0,
    nextAttemptAt: 0,
    updatedAt: '2026-02-01T00:00:00.000Z',
    userId: 'u1',
    ...overrides,
  }
}

describe('where a pledge stands on the phone', () => {
  it('waits when nothing was signed', () => {
    expect(signingState(pledge, [], 'u1')).toEqual({ kind: 'waiting' })
  })

  it('is on the phone once signed here, before and after delivery', () => {
    expect(signingState(pledge, [record('queued')], 'u1')).toMatchObject({ kind: 'on_phone', record: { state: 'queued' } })
    expect(signingState(pledge, [record('sent')], 'u1')).toMatchObject({ kind: 'on_phone', record: { state: 'sent' } })
  })

  it('is signed when the server says so, whoever signed on which phone', () => {
    const signed = { ...pledge, signature: { id: 's1', schoolId: 'school-1', userId: 'u9', signerName: '王', signedAt: '2026-02-02T00:00:00.000Z', receivedAt: '2026-02-02T00:01:00.000Z' } }
    expect(signingState(signed, [], 'u1')).toEqual({ kind: 'signed', signatureId: 's1', signedAt: '2026-02-02T00:00:00.000Z' })
  })

  it('is returned when the server refused the only signing', () => {
    expect(signingState(pledge, [record('rejected')], 'u1').kind).toBe('rejected')
  })

  it('ignores another user\'s records, other versions and other forms', () => {
    const others = [record('queued', { userId: 'u2' }), record('queued', { subjectId: 'other-v1' }), record('queued', { formId: 'fire-safety' })]
    expect(signingState(pledge, others, 'u1')).toEqual({ kind: 'waiting' })
  })
})

describe('the signature image as bytes', () => {
  it('decodes a data URL into its bytes and type', () => {
    const { bytes, type } = dataUrlBytes('data:image/png;base64,iVBORw0KGgo=')
    expect(type).toBe('image/png')
    expect([...new Uint8Array(bytes)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  })
})

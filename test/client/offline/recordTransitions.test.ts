import { describe, expect, it } from 'vitest'
import { markRetry, retryErrorCode } from '../../../src/client/offline/recordTransitions.js'
import type { OutboxRecord } from '../../../src/client/offline/outbox.js'

describe('why a waiting report waits', () => {
  it.each([
    ['offline', 'offline'],
    ['timeout', 'timeout'],
    ['HTTP 429', 'too_many_requests'],
    ['HTTP 503', 'internal'],
    ['HTTP 500', 'internal'],
    ['TypeError: Failed to fetch', 'network'],
    ['connection reset', 'network'],
  ] as const)('a retry for %s is recorded as %s', (reason, code) => {
    expect(retryErrorCode(reason)).toBe(code)
  })

  it('never calls a phone without signal a server error', () => {
    const record = { id: 'r1', state: 'sending', attempts: 0, nextAttemptAt: 0, updatedAt: '' } as unknown as OutboxRecord
    const waiting = markRetry(record, 2_000, 'offline', Date.parse('2026-12-02T00:00:00Z'))
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'offline' } })
  })
})

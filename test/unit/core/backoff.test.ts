import { describe, expect, it } from 'vitest'
import { BACKOFF_MAX_MS, backoffCeiling, retryDelay } from '../../../src/core/backoff.js'

describe('retryDelay', () => {
  it('spreads the first retry over 0–2 s and doubles the ceiling per attempt', () => {
    expect(retryDelay(0, () => 0)).toBe(0)
    expect(retryDelay(0, () => 0.999999)).toBeLessThan(2_000)
    expect(retryDelay(0, () => 0.5)).toBe(1_000)
    expect(retryDelay(1, () => 0.5)).toBe(2_000)
    expect(retryDelay(3, () => 0.5)).toBe(8_000)
  })

  it('never waits more than 5 minutes, however many attempts failed', () => {
    expect(retryDelay(7, () => 0.999999)).toBeLessThan(BACKOFF_MAX_MS)
    expect(retryDelay(8, () => 0.5)).toBe(BACKOFF_MAX_MS / 2)
    expect(retryDelay(10_000, () => 0.999999)).toBeLessThanOrEqual(BACKOFF_MAX_MS)
    expect(Number.isFinite(retryDelay(10_000, () => 0.5))).toBe(true)
  })

  it('uses the whole window (full jitter), not a fixed delay', () => {
    const delays = [0.1, 0.4, 0.9].map((r) => retryDelay(4, () => r))
    expect(new Set(delays).size).toBe(3)
    expect(delays.every((delay) => delay >= 0 && delay < 32_000)).toBe(true)
  })
})

describe('a window of its own (the server\'s outbound queue)', () => {
  it('doubles from its own base up to its own ceiling', () => {
    const window = { baseMs: 30_000, maxMs: 3_600_000 }
    expect([0, 1, 2, 3, 7, 8, 20].map((attempts) => backoffCeiling(attempts, window))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000])
    expect(retryDelay(2, () => 0.5, window)).toBe(60_000)
  })
})

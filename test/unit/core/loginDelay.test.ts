import { describe, expect, it } from 'vitest'
import { loginDelaySeconds } from '../../../src/core/index.js'

const policy = { freeFailures: 3, firstDelaySeconds: 5, maxDelaySeconds: 900 }

describe('the delay after failed sign-ins from one place', () => {
  it('the first few failures cost nothing: a typo is not punished', () => {
    expect([0, 1, 2, 3].map((failures) => loginDelaySeconds(failures, policy))).toEqual([0, 0, 0, 0])
  })

  it('each failure beyond them doubles the wait', () => {
    expect([4, 5, 6, 7].map((failures) => loginDelaySeconds(failures, policy))).toEqual([5, 10, 20, 40])
  })

  it('the wait stops growing at the cap, however many failures there were', () => {
    expect(loginDelaySeconds(12, policy)).toBe(900)
    expect(loginDelaySeconds(10_000, policy)).toBe(900)
  })
})

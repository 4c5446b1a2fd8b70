import { describe, expect, it } from 'vitest'
import { isFinalRefusal } from '../../../src/core/finalRefusal.js'

describe('final refusals', () => {
  it('a rectification of a hazard already rectified or closed is final', () => {
    expect(isFinalRefusal({ code: 'validation_failed', issues: [{ code: 'hazardNotOpen' }] })).toBe(true)
  })

  it('a superseded pledge and a conflict are final', () => {
    expect(isFinalRefusal({ code: 'validation_failed', issues: [{ code: 'pledgeSuperseded' }] })).toBe(true)
    expect(isFinalRefusal({ code: 'conflict' })).toBe(true)
  })

  it('a report with an issue an edit can fix is not final, even beside a final one', () => {
    expect(isFinalRefusal({ code: 'validation_failed', issues: [{ code: 'required' }] })).toBe(false)
    expect(isFinalRefusal({ code: 'validation_failed', issues: [{ code: 'hazardNotOpen' }, { code: 'required' }] })).toBe(false)
  })

  it('a refusal without issues (forbidden, a bad request) is not called final: the code alone says too little', () => {
    expect(isFinalRefusal({ code: 'validation_failed' })).toBe(false)
    expect(isFinalRefusal({ code: 'forbidden' })).toBe(false)
  })
})

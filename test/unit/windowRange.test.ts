import { describe, expect, it } from 'vitest'
import { windowRange } from '../../src/core/windowRange.js'

const base = { viewportHeight: 800, rowHeight: 40, total: 2000, overscan: 5 }

describe('windowRange', () => {
  it('renders a screenful and the overscan from the top while the list has not scrolled', () => {
    expect(windowRange({ ...base, scrolledPast: 0 })).toEqual({ first: 0, count: 30 })
    // The list starts lower down the page: still from its first row.
    expect(windowRange({ ...base, scrolledPast: -300 })).toEqual({ first: 0, count: 30 })
  })

  it('starts overscan rows above the first row in view', () => {
    expect(windowRange({ ...base, scrolledPast: 4000 })).toEqual({ first: 95, count: 30 })
  })

  it('stops at the last row, and never starts past it', () => {
    expect(windowRange({ ...base, scrolledPast: 2000 * 40 - 100 })).toEqual({ first: 1992, count: 8 })
    expect(windowRange({ ...base, scrolledPast: 10_000_000 })).toEqual({ first: 1999, count: 1 })
  })

  it('a short or empty list renders whole', () => {
    expect(windowRange({ ...base, total: 6, scrolledPast: 0 })).toEqual({ first: 0, count: 6 })
    expect(windowRange({ ...base, total: 0, scrolledPast: 0 })).toEqual({ first: 0, count: 0 })
  })

  it('a row height not measured yet (0) still gives a bounded window', () => {
    expect(windowRange({ ...base, rowHeight: 0, scrolledPast: 0 }).count).toBeLessThanOrEqual(810)
  })
})

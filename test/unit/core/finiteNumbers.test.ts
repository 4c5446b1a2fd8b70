import { describe, expect, it, vi } from 'vitest'
import { nonFinitePath } from '../../../src/core/finiteNumbers.js'

describe('nonFinitePath', () => {
  it('names the path to the first Infinity, -Infinity or NaN', () => {
    expect(nonFinitePath({ a: [1, { b: Infinity }] })).toEqual(['a', '1', 'b'])
    expect(nonFinitePath(Number.NaN)).toEqual([])
    expect(nonFinitePath({ limit: -Infinity })).toEqual(['limit'])
  })

  it('finds nothing in finite numbers, text and nulls, however large', () => {
    expect(nonFinitePath({ a: 1e308, b: -1e308, c: 'Infinity', d: null, e: [0, -0] })).toBeNull()
  })

  it('does not walk bytes: an uploaded photo is not a list of numbers', () => {
    const bytes = new Uint8Array(8)
    const buffer = new ArrayBuffer(8)
    const entries = vi.spyOn(Object, 'entries')
    try {
      expect(nonFinitePath({ body: bytes, buffer })).toBeNull()
      expect(entries.mock.calls.filter(([value]) => value === bytes || value === buffer)).toEqual([])
    } finally {
      entries.mockRestore()
    }
  })
})

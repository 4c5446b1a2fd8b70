import { describe, expect, it } from 'vitest'
import { withoutPhoto, withPhoto } from '../../../src/core/index.js'

const a = 'a'.repeat(64)
const b = 'b'.repeat(64)

describe('photo lists', () => {
  it('adds a photo at the end', () => {
    expect(withPhoto([a], b)).toEqual([a, b])
    expect(withPhoto(undefined, a)).toEqual([a])
  })

  it('adds the same picture only once', () => {
    expect(withPhoto([a, b], a)).toEqual([a, b])
  })

  it('removes a photo and leaves the rest in order', () => {
    expect(withoutPhoto([a, b], a)).toEqual([b])
    expect(withoutPhoto(undefined, a)).toEqual([])
  })
})

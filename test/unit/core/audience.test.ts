import { describe, expect, it } from 'vitest'
import { parseAudience, resolveAudience } from '../../../src/core/audience.js'

const schools = [
  { id: 'a', kind: 'primary', township: '城关镇' },
  { id: 'b', kind: 'primary', township: '青山乡' },
  { id: 'c', kind: 'nine_year', township: '青山乡' },
  { id: 'd', kind: 'kindergarten', township: null },
]

describe('resolveAudience', () => {
  it('an empty audience is every school', () => {
    expect(resolveAudience({ kinds: [], townships: [], schoolIds: [] }, schools)).toEqual(['a', 'b', 'c', 'd'])
  })
  it('kinds and townships narrow together: rural primary and nine-year schools', () => {
    expect(resolveAudience({ kinds: ['primary', 'nine_year'], townships: ['青山乡'], schoolIds: [] }, schools)).toEqual(['b', 'c'])
  })
  it('a school with no township never matches a township filter', () => {
    expect(resolveAudience({ kinds: [], townships: ['城关镇'], schoolIds: [] }, schools)).toEqual(['a'])
  })
  it('named schools are added whatever their kind', () => {
    expect(resolveAudience({ kinds: ['nine_year'], townships: [], schoolIds: ['d'] }, schools)).toEqual(['c', 'd'])
    expect(resolveAudience({ kinds: [], townships: [], schoolIds: ['d'] }, schools)).toEqual(['d'])
  })
})

describe('parseAudience', () => {
  it('fills missing lists, trims and drops repeats', () => {
    expect(parseAudience({ kinds: ['primary', 'primary'], townships: [' 河口镇 '] })).toEqual({ kinds: ['primary'], townships: ['河口镇'], schoolIds: [] })
  })
  it('refuses unknown kinds, non-strings and non-objects', () => {
    expect(parseAudience({ kinds: ['castle'] })).toBeNull()
    expect(parseAudience({ schoolIds: [1] })).toBeNull()
    expect(parseAudience({ townships: [''] })).toBeNull()
    expect(parseAudience([])).toBeNull()
    expect(parseAudience(null)).toBeNull()
  })
})

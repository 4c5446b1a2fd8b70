import { describe, expect, it } from 'vitest'
import { isIsoDate, isIsoTimestamp, todayIso } from '../../../src/core/index.js'

describe('isIsoDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    for (const value of ['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29']) expect(isIsoDate(value), value).toBe(true)
  })

  it('refuses days that do not exist', () => {
    for (const value of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-01-00']) {
      expect(isIsoDate(value), value).toBe(false)
    }
  })

  it('refuses other spellings and non-strings', () => {
    for (const value of ['2026-1-01', '2026/01/01', '20260101', '2026-01-01T00:00:00Z', ' 2026-01-01', 20260101, null, undefined]) {
      expect(isIsoDate(value), String(value)).toBe(false)
    }
  })
})

describe('isIsoTimestamp', () => {
  it('accepts a timestamp with Z or an offset, with or without fractions', () => {
    for (const value of ['2026-03-12T08:00:00Z', '2026-03-12T08:00:00.123Z', '2026-03-12T08:00:00+08:00', '2026-03-12T08:00:00.5-05:30']) {
      expect(isIsoTimestamp(value), value).toBe(true)
    }
  })

  it('refuses a timestamp without a zone, a bare date or a number', () => {
    for (const value of ['2026-03-12T08:00:00', '2026-03-12', '2026-03-12 08:00:00Z', 1741766400000]) {
      expect(isIsoTimestamp(value), String(value)).toBe(false)
    }
  })

  it('refuses a timestamp on a day that does not exist, even though Date.parse rolls it over', () => {
    expect(isIsoTimestamp('2026-02-30T10:00:00Z')).toBe(false)
    expect(isIsoTimestamp('2026-13-01T00:00:00Z')).toBe(false)
  })

  it('refuses a time of day that does not exist', () => {
    expect(isIsoTimestamp('2026-03-12T23:61:00Z')).toBe(false)
  })
})

describe('todayIso', () => {
  it('writes the local calendar day with zero padding', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
    expect(todayIso(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31')
  })

  it('produces a date that isIsoDate accepts', () => {
    expect(isIsoDate(todayIso(new Date()))).toBe(true)
  })
})

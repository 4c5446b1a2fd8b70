import { describe, expect, it } from 'vitest'
import { bureauToday, campaignDueAt, campaignFiling, campaignPeriod, campaignWindow } from '../../../src/core/campaignWindow.js'

describe('campaignWindow', () => {
  it("covers whole days in Shanghai, whatever the machine's zone", () => {
    expect(campaignWindow('2026-05-06', '2026-05-10')).toEqual({ opensAt: '2026-05-05T16:00:00.000Z', closesAt: '2026-05-10T15:59:59.999Z' })
  })
  it('handles a leap day and a year end', () => {
    expect(campaignWindow('2028-02-29', '2028-12-31')).toEqual({ opensAt: '2028-02-28T16:00:00.000Z', closesAt: '2028-12-31T15:59:59.999Z' })
  })
  it("writes the due time with Shanghai's offset, as the to-do does", () => {
    expect(campaignDueAt('2026-05-10')).toBe('2026-05-10T23:59:59+08:00')
  })
  it("today is the bureau's day: 16:30 UTC is already tomorrow in Shanghai", () => {
    expect(bureauToday(new Date('2026-05-10T16:30:00Z'))).toBe('2026-05-11')
  })
  it('files under the month it opens', () => {
    expect(campaignPeriod('2026-05-06')).toBe('2026-05')
  })
})

describe('campaignFiling', () => {
  const { closesAt } = campaignWindow('2026-05-06', '2026-05-10')
  it("is on time up to the last day's end, late after", () => {
    expect(campaignFiling('2026-05-10T15:59:59.000Z', closesAt, new Date('2026-06-01T00:00:00Z'))).toBe('on_time')
    expect(campaignFiling('2026-05-10T16:00:00.000Z', closesAt, new Date('2026-06-01T00:00:00Z'))).toBe('late')
  })
  it('is not due while the window is open, missing once it closed', () => {
    expect(campaignFiling(null, closesAt, new Date('2026-05-10T15:00:00Z'))).toBe('not_due')
    expect(campaignFiling(null, closesAt, new Date('2026-05-10T16:00:00Z'))).toBe('missing')
  })
})

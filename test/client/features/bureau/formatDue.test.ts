import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDue, formatMonthDay } from '../../../../src/client/features/bureau/formatDue.js'

describe('a deadline or an arrival on the bureau’s screens', () => {
  // A laptop set to New York: the instants below fall on another local day than in Shanghai.
  const zone = process.env['TZ']
  beforeAll(() => {
    process.env['TZ'] = 'America/New_York'
  })
  afterAll(() => {
    if (zone === undefined) delete process.env['TZ']
    else process.env['TZ'] = zone
  })

  it('reads as 2026年3月15日 23:59 in Chinese, in Shanghai time, never 2026/03/15', () => {
    const shown = formatDue('2026-03-15T15:59:00.000Z', 'zh-CN')
    expect(shown).toBe('2026年3月15日 23:59')
    expect(shown).not.toContain('/')
  })

  it('shows a Shanghai deadline on its Shanghai day and hour on a laptop in another zone', () => {
    // 00:30 on 16 March in Shanghai is still 15 March (12:30, EDT) in New York.
    const instant = '2026-03-15T16:30:00.000Z'
    expect(new Date(instant).getDate()).toBe(15)
    expect(formatDue(instant, 'zh-CN')).toBe('2026年3月16日 00:30')
    // The to-do's own form of a deadline (…+08:00) reads as written.
    expect(formatDue('2026-12-05T23:59:59+08:00', 'zh-CN')).toBe('2026年12月5日 23:59')
  })

  it('names the month in English', () => {
    expect(formatDue('2026-03-15T04:59:00.000Z', 'en')).toBe('Mar 15, 2026, 12:59')
  })

  it('leaves a text that is no time as it is', () => {
    expect(formatDue('soon', 'zh-CN')).toBe('soon')
  })

  it('writes a chart’s week as 9月14日 / Sep 14, not 09-14', () => {
    expect(formatMonthDay('2026-09-14', 'zh-CN')).toBe('9月14日')
    expect(formatMonthDay('2026-09-14', 'en')).toBe('Sep 14')
  })
})

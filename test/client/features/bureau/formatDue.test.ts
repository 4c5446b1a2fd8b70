import { describe, expect, it } from 'vitest'
import { formatDue, formatMonthDay } from '../../../../src/client/features/bureau/formatDue.js'

describe('a deadline or an arrival on the bureau’s screens', () => {
  it('reads as 2026年3月15日 23:59 in Chinese, never 2026/03/15', () => {
    const shown = formatDue('2026-03-15T15:59:00.000Z', 'zh-CN')
    expect(shown).toMatch(/^2026年3月1[56]日 \d{2}:59$/)
    expect(shown).not.toContain('/')
  })

  it('names the month in English', () => {
    expect(formatDue('2026-03-15T04:59:00.000Z', 'en')).toMatch(/^Mar 1[45], 2026, \d{2}:59$/)
  })

  it('leaves a text that is no time as it is', () => {
    expect(formatDue('soon', 'zh-CN')).toBe('soon')
  })

  it('writes a chart’s week as 9月14日 / Sep 14, not 09-14', () => {
    expect(formatMonthDay('2026-09-14', 'zh-CN')).toBe('9月14日')
    expect(formatMonthDay('2026-09-14', 'en')).toBe('Sep 14')
  })
})

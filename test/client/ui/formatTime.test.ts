import { describe, expect, it } from 'vitest'
import { formatDate, formatTime } from '../../../src/client/ui/formatTime.js'

describe('dates and times as people read them', () => {
  it('writes a Chinese time with the month in characters, never 12/02', () => {
    const shown = formatTime('2026-12-02T02:07:00.000Z', 'zh-CN')
    expect(shown).toMatch(/^12月2日 \d{2}:07$/)
    expect(shown).not.toContain('/')
  })

  it('writes a calendar day in Chinese as 2026年3月31日, whatever the phone’s time zone', () => {
    expect(formatDate('2026-03-31', 'zh-CN')).toBe('2026年3月31日')
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026年1月1日')
  })

  it('writes English with the month by name', () => {
    expect(formatDate('2026-03-31', 'en')).toBe('Mar 31, 2026')
    expect(formatTime('2026-12-02T02:07:00.000Z', 'en')).toMatch(/^Dec 2, \d{2}:07$/)
  })

  it('leaves text that is not a day as it is, and nothing for no time', () => {
    expect(formatDate('2026-T2', 'zh-CN')).toBe('2026-T2')
    expect(formatTime(undefined, 'zh-CN')).toBe('')
  })
})

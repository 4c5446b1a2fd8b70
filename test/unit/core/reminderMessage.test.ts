import { describe, expect, it } from 'vitest'
import { MESSAGE_MAX_SCHOOLS, periodWords, reminderMessage } from '../../../src/core/reminderMessage.js'

const formTitle = { zh: '消防安全自查', en: 'Fire safety self-check' }

describe('reminderMessage', () => {
  it('names every missing school, Chinese first, with the due day', () => {
    const message = reminderMessage({ origin: 'manual', formTitle, period: '2026-10', schoolNames: ['河口镇中心小学', '城关一中'], dueDay: '2026-11-05' })
    expect(message.title).toBe('【催报】消防安全自查 2026年10月')
    expect(message.text).toContain('以下 2 所学校尚未报送《消防安全自查》（2026年10月），截止日期 2026-11-05')
    expect(message.text).toContain('- 河口镇中心小学')
    expect(message.text.indexOf('以下')).toBeLessThan(message.text.indexOf('Reminder: 2 school(s)'))
  })

  it('counts the schools past the cap instead of listing them, and escapes markdown in names', () => {
    const names = Array.from({ length: MESSAGE_MAX_SCHOOLS + 5 }, (_, i) => `学校${String(i).padStart(2, '0')}`)
    const message = reminderMessage({ origin: 'after', formTitle, period: '2026-10', schoolNames: [...names.slice(1), '*粗体*'], dueDay: null })
    expect(message.text).toContain('……等 5 所')
    expect(message.text).toContain('\\*粗体\\*')
    expect(new TextEncoder().encode(message.text).length).toBeLessThan(4096)
  })
})

describe('periodWords', () => {
  it('says each kind of period as people do', () => {
    expect(['2026-T1', '2026-T2', '2026-03', '2026-W19', '2026'].map((period) => periodWords(period).zh)).toEqual(['2026年春季学期', '2026年秋季学期', '2026年3月', '2026年第19周', '2026年'])
    expect(periodWords('2026-T2').en).toBe('autumn term 2026')
  })
})

import { describe, expect, it } from 'vitest'
import { checkReminderSettings } from '../../../src/core/reminderSettingsInput.js'
import type { Text } from '../../../src/core/text.js'

const titles: Record<string, Text> = { 'myopia-screening': { zh: '近视筛查统计', en: 'Myopia screening' }, 'fire-safety': { zh: '消防安全自查', en: 'Fire safety' } }
const formTitle = (formId: string): Text | undefined => titles[formId]
const district = { enabled: true, daysBefore: 3, daysAfter: 1 }
const messages = (input: unknown) => {
  const checked = checkReminderSettings(input, formTitle)
  return checked.ok ? [] : checked.issues.map((issue) => `${issue.field}: ${issue.message.zh}`)
}

describe('the automatic-reminder settings a bureau saves', () => {
  it('keeps the district rule and each override of a known form, and only their known keys', () => {
    const checked = checkReminderSettings({ ...district, forms: { 'myopia-screening': { daysBefore: 5 }, 'fire-safety': { enabled: false, daysAfter: 0 } } }, formTitle)
    expect(checked).toEqual({ ok: true, value: { ...district, forms: { 'myopia-screening': { daysBefore: 5 }, 'fire-safety': { enabled: false, daysAfter: 0 } } } })
    expect(checkReminderSettings({ ...district }, formTitle)).toEqual({ ok: true, value: { ...district, forms: {} } })
  })

  it('refuses a form the district does not have, naming it in Chinese', () => {
    expect(messages({ ...district, forms: { 'no-such-form': { daysBefore: 2 }, 'bad id!': {} } })).toEqual([
      'forms.no-such-form: 本区县没有这张表单：no-such-form',
      'forms.bad id!: 本区县没有这张表单：bad id!',
    ])
  })

  it('refuses day counts outside 0 to 30 or not whole, for the district and for a form by its title', () => {
    expect(messages({ enabled: true, daysBefore: 31, daysAfter: -1, forms: { 'myopia-screening': { daysBefore: 2.5, daysAfter: '3' } } })).toEqual([
      'daysBefore: 截止前提醒天数应为 0 到 30 之间的整数',
      'daysAfter: 逾期提醒天数应为 0 到 30 之间的整数',
      'forms.myopia-screening.daysBefore: 「近视筛查统计」的截止前提醒天数应为 0 到 30 之间的整数',
      'forms.myopia-screening.daysAfter: 「近视筛查统计」的逾期提醒天数应为 0 到 30 之间的整数',
    ])
    const english = checkReminderSettings({ ...district, forms: { 'myopia-screening': { daysAfter: 99 } } }, formTitle)
    expect(english.ok ? null : english.issues[0]?.message.en).toBe('The days after the due date for “Myopia screening” is a whole number from 0 to 30')
  })

  it('refuses an override with unknown keys or an on/off that is not one, and a body that is no settings at all', () => {
    expect(messages({ ...district, forms: { 'fire-safety': { enabled: 'no' }, 'myopia-screening': { daysBefore: 1, sendAt: '08:00' } } })).toEqual([
      'forms.fire-safety.enabled: 「消防安全自查」的自动提醒只能是开启或关闭',
      'forms.myopia-screening: 「近视筛查统计」的设置只能有是否开启、截止前和逾期提醒天数',
    ])
    expect(messages({ ...district, forms: [] })).toEqual(['forms: 按表单的设置格式不对'])
    expect(messages(null)).toHaveLength(3)
  })

  it('holds at most 200 overrides', () => {
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`form-${index}`, {}]))
    expect(messages({ ...district, forms: many })).toEqual(['forms: 最多单独设置 200 张表单'])
  })
})

import { describe, expect, it } from 'vitest'
import { describeRule, draftOf, emptyDraft, ruleOf } from '../../../../../src/client/features/bureau/schedules/scheduleDraft.js'
import { installBureauMessages } from '../../../../../src/client/features/bureau/installBureauMessages.js'
import { matchScreen } from '../../../../../src/client/features/bureau/bureauScreens.js'
import { i18n } from '../../../../../src/client/i18n/index.js'
import type { ScheduleEntry } from '../../../../../src/core/scheduleProtocol.js'

installBureauMessages()
const t = (key: string, params?: Record<string, string | number>) => i18n.global.t(key, params ?? {})

const drowning: ScheduleEntry = {
  id: 'schedule-1', districtId: 'district-1', version: 2, title: { zh: '防溺水', en: 'Drowning' }, retired: false, effectiveAt: '2026-01-01T00:00:00.000Z', savedBy: null,
  rule: { formId: 'drowning-prevention', formVersion: null, recurrence: { kind: 'weekly', months: { from: 5, to: 9 } }, due: { kind: 'days_after_end', days: 1 }, audience: { kinds: ['primary', 'nine_year'], townships: ['青山乡'], schoolIds: [] }, validFrom: null, validTo: null },
}

describe('the schedule editor’s draft', () => {
  it('turns a saved schedule into fields and back into the same rule', () => {
    expect(ruleOf(draftOf(drowning))).toEqual(drowning.rule)
  })

  it('a new draft asks monthly by the 5th of every school, and a window only when switched on', () => {
    const draft = emptyDraft('fire-safety', { zh: '消防安全自查', en: 'Fire' })
    expect(ruleOf(draft)).toEqual({ formId: 'fire-safety', formVersion: null, recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 5 }, audience: { kinds: [], townships: [], schoolIds: [] }, validFrom: null, validTo: null })
    expect(ruleOf({ ...draft, windowOn: true }).recurrence).toEqual({ kind: 'monthly', months: { from: 5, to: 9 } })
    expect(ruleOf({ ...draft, recurrence: 'once', period: '2026-05', dueKind: 'date', dueDate: '2026-05-20' })).toMatchObject({ recurrence: { kind: 'once', period: '2026-05' }, due: { kind: 'date', date: '2026-05-20' } })
  })

  it('describes a rule in Chinese first', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(describeRule(drowning.rule, t)).toBe('每周 (5月–9月) · 周期结束后1天内')
    i18n.global.locale.value = 'en'
    expect(describeRule(drowning.rule, t)).toBe('Weekly (Month 5–Month 9) · within 1 days after the period')
    i18n.global.locale.value = 'zh-CN'
  })

  it('the schedules screen is open to inspectors (read-only) as to the bureau', () => {
    expect(matchScreen('schedules', 'inspector')).not.toBeNull()
    expect(matchScreen('schedules', 'bureau')).not.toBeNull()
  })
})

import { PLEDGE_SIGNING_FORM_ID } from '../../../../core/pledges.js'
import type { ScheduleEntry } from '../../../../core/scheduleProtocol.js'
import type { DueRule, Recurrence, ScheduleRule } from '../../../../core/schedules.js'
import type { Text } from '../../../../core/text.js'

/** The editor's fields, flat so each binds to one input; ruleOf turns them into core's rule. */
export type ScheduleDraft = {
  titleZh: string
  titleEn: string
  formId: string
  pledgeId: string
  recurrence: Recurrence['kind']
  period: string
  windowOn: boolean
  windowFrom: number
  windowTo: number
  dueKind: DueRule['kind']
  dueNumber: number
  dueDate: string
  kinds: string[]
  townships: string[]
  schoolIds: string[]
  validFrom: string
  validTo: string
}

export function emptyDraft(formId: string, title: Text | undefined): ScheduleDraft {
  return {
    titleZh: title?.zh ?? '', titleEn: title?.en ?? '', formId, pledgeId: '', recurrence: 'monthly', period: '', windowOn: false, windowFrom: 5, windowTo: 9,
    dueKind: 'day_of_next_month', dueNumber: 5, dueDate: '', kinds: [], townships: [], schoolIds: [], validFrom: '', validTo: '',
  }
}

export function draftOf(entry: ScheduleEntry): ScheduleDraft {
  const { rule } = entry
  const months = rule.recurrence.kind === 'weekly' || rule.recurrence.kind === 'monthly' ? rule.recurrence.months : undefined
  return {
    titleZh: entry.title.zh, titleEn: entry.title.en, formId: rule.formId, pledgeId: rule.pledgeId ?? '', recurrence: rule.recurrence.kind,
    period: rule.recurrence.kind === 'once' ? rule.recurrence.period : '', windowOn: months !== undefined, windowFrom: months?.from ?? 5, windowTo: months?.to ?? 9,
    dueKind: rule.due.kind, dueNumber: rule.due.kind === 'day_of_next_month' ? rule.due.day : rule.due.kind === 'date' ? 0 : rule.due.days, dueDate: rule.due.kind === 'date' ? rule.due.date : '',
    kinds: [...rule.audience.kinds], townships: [...rule.audience.townships], schoolIds: [...rule.audience.schoolIds], validFrom: rule.validFrom ?? '', validTo: rule.validTo ?? '',
  }
}

function recurrenceOf(draft: ScheduleDraft): Recurrence {
  if (draft.recurrence === 'once') return { kind: 'once', period: draft.period }
  if (draft.recurrence === 'weekly' || draft.recurrence === 'monthly') return { kind: draft.recurrence, ...(draft.windowOn ? { months: { from: draft.windowFrom, to: draft.windowTo } } : {}) }
  return { kind: draft.recurrence }
}

function dueOf(draft: ScheduleDraft): DueRule {
  if (draft.dueKind === 'date') return { kind: 'date', date: draft.dueDate }
  if (draft.dueKind === 'day_of_next_month') return { kind: 'day_of_next_month', day: draft.dueNumber }
  return { kind: draft.dueKind, days: draft.dueNumber }
}

export function ruleOf(draft: ScheduleDraft): ScheduleRule {
  return {
    formId: draft.formId,
    formVersion: null,
    ...(draft.formId === PLEDGE_SIGNING_FORM_ID && draft.pledgeId !== '' ? { pledgeId: draft.pledgeId } : {}),
    recurrence: recurrenceOf(draft),
    due: dueOf(draft),
    audience: { kinds: [...draft.kinds], townships: [...draft.townships], schoolIds: [...draft.schoolIds] },
    validFrom: draft.validFrom === '' ? null : draft.validFrom,
    validTo: draft.validTo === '' ? null : draft.validTo,
  }
}

type Translate = (key: string, params?: Record<string, string | number>) => string

/** "每月 · 次月5日前" for the list. */
export function describeRule(rule: ScheduleRule, t: Translate): string {
  const due = rule.due
  const dueText = due.kind === 'date' ? t('schedule.due.date', { date: due.date }) : due.kind === 'day_of_next_month' ? t('schedule.due.day_of_next_month', { day: due.day }) : t(`schedule.due.${due.kind}`, { days: due.days })
  const months = rule.recurrence.kind === 'weekly' || rule.recurrence.kind === 'monthly' ? rule.recurrence.months : undefined
  const window = months === undefined ? '' : ` (${t('schedule.month', { month: months.from })}–${t('schedule.month', { month: months.to })})`
  return `${t(`schedule.recurrence.${rule.recurrence.kind}`)}${window} · ${dueText}`
}

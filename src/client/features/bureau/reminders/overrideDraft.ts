import type { ReminderRule, ReminderSettings } from '../../../../core/reminders.js'

/**
 * One form's override as the screen edits it: each setting either the form's own or, left empty
 * ('inherit', ''), the district's. Inputs hand back '' when cleared, a number otherwise.
 */
export type OverrideDraft = {
  readonly formId: string
  enabled: 'inherit' | 'on' | 'off'
  daysBefore: number | string
  daysAfter: number | string
}

const enabledOf = { inherit: undefined, on: true, off: false } as const

export function draftsOf(forms: ReminderSettings['forms']): OverrideDraft[] {
  return Object.entries(forms).map(([formId, rule]) => ({
    formId,
    enabled: rule.enabled === undefined ? 'inherit' : rule.enabled ? 'on' : 'off',
    daysBefore: rule.daysBefore ?? '',
    daysAfter: rule.daysAfter ?? '',
  }))
}

function days(value: number | string): number | undefined {
  if (typeof value === 'number') return value
  return value.trim() === '' ? undefined : Number(value)
}

/** What the PUT carries: only the settings the form has of its own (core checks them). */
export function formsOf(drafts: readonly OverrideDraft[]): Record<string, Partial<ReminderRule>> {
  const forms: Record<string, Partial<ReminderRule>> = {}
  for (const draft of drafts) {
    const rule: { enabled?: boolean; daysBefore?: number; daysAfter?: number } = {}
    const enabled = enabledOf[draft.enabled]
    if (enabled !== undefined) rule.enabled = enabled
    const before = days(draft.daysBefore)
    if (before !== undefined) rule.daysBefore = before
    const after = days(draft.daysAfter)
    if (after !== undefined) rule.daysAfter = after
    forms[draft.formId] = rule
  }
  return forms
}

export function emptyDraft(formId: string): OverrideDraft {
  return { formId, enabled: 'inherit', daysBefore: '', daysAfter: '' }
}

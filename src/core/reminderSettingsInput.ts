import type { Checked, InputIssue } from './noticeInput.js'
import type { ReminderRule, ReminderSettings } from './reminders.js'
import type { Text } from './text.js'

/** The longest lead or lag a district may set: the worker looks this far around today (and a little more). */
export const MAX_REMINDER_DAYS = 30
/** Per-form overrides one district may hold. */
export const MAX_FORM_OVERRIDES = 200

const FORM_ID = /^[A-Za-z0-9._-]{1,64}$/
const RULE_KEYS: readonly (keyof ReminderRule)[] = ['enabled', 'daysBefore', 'daysAfter']
const dayLabels: Record<'daysBefore' | 'daysAfter', Text> = {
  daysBefore: { zh: '截止前提醒天数', en: 'days before the due date' },
  daysAfter: { zh: '逾期提醒天数', en: 'days after the due date' },
}

function recordOf(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/** `「近视筛查统计」的` before a form's own setting, nothing before the district's. */
function whose(form: Text | null): Text {
  return form === null ? { zh: '', en: '' } : { zh: `「${form.zh}」的`, en: ` for “${form.en}”` }
}

function checkDays(value: unknown, field: string, key: 'daysBefore' | 'daysAfter', form: Text | null, issues: InputIssue[]): boolean {
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_REMINDER_DAYS) return true
  const label = dayLabels[key]
  const of = whose(form)
  issues.push({
    field,
    message: { zh: `${of.zh}${label.zh}应为 0 到 ${MAX_REMINDER_DAYS} 之间的整数`, en: `The ${label.en}${of.en} is a whole number from 0 to ${MAX_REMINDER_DAYS}` },
  })
  return false
}

function checkEnabled(value: unknown, field: string, form: Text | null, issues: InputIssue[]): boolean {
  if (typeof value === 'boolean') return true
  const of = whose(form)
  issues.push({ field, message: { zh: `${of.zh}自动提醒只能是开启或关闭`, en: `Automatic reminders${of.en} are on or off` } })
  return false
}

/** One form's override: any of the district's three settings, each checked like the district's own. */
function checkOverride(formId: string, raw: unknown, title: Text, issues: InputIssue[]): Partial<ReminderRule> {
  const field = `forms.${formId}`
  const rule = recordOf(raw)
  if (rule === null || Object.keys(rule).some((key) => !(RULE_KEYS as readonly string[]).includes(key))) {
    issues.push({ field, message: { zh: `「${title.zh}」的设置只能有是否开启、截止前和逾期提醒天数`, en: `The settings for “${title.en}” are on/off, days before and days after` } })
    return {}
  }
  const own: { enabled?: boolean; daysBefore?: number; daysAfter?: number } = {}
  if (rule['enabled'] !== undefined && checkEnabled(rule['enabled'], `${field}.enabled`, title, issues)) own.enabled = rule['enabled'] as boolean
  for (const key of ['daysBefore', 'daysAfter'] as const) {
    if (rule[key] !== undefined && checkDays(rule[key], `${field}.${key}`, key, title, issues)) own[key] = rule[key] as number
  }
  return own
}

/** The form ids a body names for overrides (those that could be ids at all): what the server looks up. */
export function overriddenFormIds(input: unknown): string[] {
  const forms = recordOf(recordOf(input)?.['forms'])
  return forms === null ? [] : Object.keys(forms).slice(0, MAX_FORM_OVERRIDES).filter((formId) => FORM_ID.test(formId))
}

/**
 * PUT /api/v1/reminder-settings, checked the same on the bureau's screen and on the server: the
 * district's rule, and overrides only for forms the district has (`formTitle` answers for those),
 * each day count a whole number from 0 to MAX_REMINDER_DAYS. Only the known keys are kept.
 */
export function checkReminderSettings(input: unknown, formTitle: (formId: string) => Text | undefined): Checked<ReminderSettings> {
  const raw = recordOf(input) ?? {}
  const issues: InputIssue[] = []
  checkEnabled(raw['enabled'], 'enabled', null, issues)
  checkDays(raw['daysBefore'], 'daysBefore', 'daysBefore', null, issues)
  checkDays(raw['daysAfter'], 'daysAfter', 'daysAfter', null, issues)
  const forms = recordOf(raw['forms'] ?? {})
  const overrides: Record<string, Partial<ReminderRule>> = {}
  if (forms === null) issues.push({ field: 'forms', message: { zh: '按表单的设置格式不对', en: 'The per-form settings are not an object' } })
  else if (Object.keys(forms).length > MAX_FORM_OVERRIDES) {
    issues.push({ field: 'forms', message: { zh: `最多单独设置 ${MAX_FORM_OVERRIDES} 张表单`, en: `At most ${MAX_FORM_OVERRIDES} forms have their own settings` } })
  } else {
    for (const [formId, rule] of Object.entries(forms)) {
      const title = FORM_ID.test(formId) ? formTitle(formId) : undefined
      if (title === undefined) issues.push({ field: `forms.${formId}`, message: { zh: `本区县没有这张表单：${formId}`, en: `This district has no form ${formId}` } })
      else overrides[formId] = checkOverride(formId, rule, title, issues)
    }
  }
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, value: { enabled: raw['enabled'] as boolean, daysBefore: raw['daysBefore'] as number, daysAfter: raw['daysAfter'] as number, forms: overrides } }
}
